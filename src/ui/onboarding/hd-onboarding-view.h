/* hd-onboarding-view.h — the training of new staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-period.h"

G_BEGIN_DECLS

/* What the filter of the list shows; the order of the drop-down */
typedef enum {
  HD_ONBOARDING_FILTER_ALL,
  HD_ONBOARDING_FILTER_WAITING,
  HD_ONBOARDING_FILTER_OVERDUE,
  HD_ONBOARDING_FILTER_TRAINED,
} HdOnboardingFilter;

#define HD_TYPE_ONBOARDING_VIEW (hd_onboarding_view_get_type ())
G_DECLARE_FINAL_TYPE (HdOnboardingView, hd_onboarding_view, HD, ONBOARDING_VIEW, AdwBin)

HdContext *hd_onboarding_view_get_context     (HdOnboardingView   *self);
void       hd_onboarding_view_set_context     (HdOnboardingView   *self,
                                               HdContext          *context);
void       hd_onboarding_view_reload          (HdOnboardingView   *self);
void       hd_onboarding_view_set_period      (HdOnboardingView   *self,
                                               const HdPeriod     *period);
void       hd_onboarding_view_set_filter      (HdOnboardingView   *self,
                                               HdOnboardingFilter  filter);
guint      hd_onboarding_view_get_n_shown     (HdOnboardingView   *self);
guint      hd_onboarding_view_get_n_attention (HdOnboardingView   *self);
GtkWindow *hd_onboarding_view_open_editor     (HdOnboardingView   *self,
                                               gint64              id);

G_END_DECLS
