/* hd-onboarding-common.h — what the onboarding widgets share: the calendar, today, dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hd-appointment.h"
#include "hd-context.h"
#include "hd-onboarding.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

void        hd_onboarding_get_today          (HdContext          *context,
                                              GDate              *today);
gint64      hd_onboarding_get_now            (HdContext          *context);
char       *hd_onboarding_format_date        (const GDate        *date);
char       *hd_onboarding_format_iso         (const char         *iso);
char       *hd_onboarding_describe_counted   (GPtrArray          *counted_days);
const char *hd_onboarding_status_icon_name   (HdOnboardingStatus  status);
char       *hd_onboarding_describe_training  (HdContext          *context,
                                              HdAppointment      *training);

G_END_DECLS
