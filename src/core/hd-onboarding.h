/* hd-onboarding.h — where a new employee's training stands today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hd-newcomer.h"
#include "hd-workdays.h"

G_BEGIN_DECLS

/**
 * HdOnboardingStatus:
 * @HD_ONBOARDING_OVERDUE: not trained, and the due date has passed
 * @HD_ONBOARDING_DUE_TODAY: not trained, and today is the last day of the term
 * @HD_ONBOARDING_WAITING: not trained, and the term has not ended yet
 * @HD_ONBOARDING_TRAINED_LATE: trained after the due date
 * @HD_ONBOARDING_TRAINED_ON_TIME: trained on or before the due date
 *
 * The order is the order of urgency: the most urgent first. The rules are those of hd-stats.h
 * (on time means trained_on ≤ due_on; overdue means due_on < today), so the list and the
 * compliance numbers always agree.
 */
typedef enum {
  HD_ONBOARDING_OVERDUE,
  HD_ONBOARDING_DUE_TODAY,
  HD_ONBOARDING_WAITING,
  HD_ONBOARDING_TRAINED_LATE,
  HD_ONBOARDING_TRAINED_ON_TIME,
  HD_N_ONBOARDING_STATUSES
} HdOnboardingStatus;

/**
 * HdOnboardingState:
 * @status: where the training stands
 * @started_on: the day the employee took up the post
 * @due_on: the last day of the training term
 * @trained_on: the day of the training, or an invalid (cleared) date
 * @working_days: for @HD_ONBOARDING_WAITING, the working days left after today up to and
 *   including the due date; for @HD_ONBOARDING_OVERDUE, the working days after the due date
 *   up to and including today (as hd-stats.h counts `days_overdue`); for
 *   @HD_ONBOARDING_TRAINED_LATE, the working days after the due date up to and including the
 *   training day; otherwise 0
 */
typedef struct {
  HdOnboardingStatus status;
  GDate              started_on;
  GDate              due_on;
  GDate              trained_on;
  int                working_days;
} HdOnboardingState;

const char         *hd_onboarding_status_key     (HdOnboardingStatus       status);
const char         *hd_onboarding_status_label   (HdOnboardingStatus       status);

HdOnboardingStatus  hd_onboarding_status_for     (const GDate             *due_on,
                                                  const GDate             *trained_on,
                                                  const GDate             *today);
gboolean            hd_onboarding_state_compute  (HdOnboardingState       *state,
                                                  HdWorkdays              *workdays,
                                                  HdNewcomer              *newcomer,
                                                  const GDate             *today);
int                 hd_onboarding_state_compare  (const HdOnboardingState *a,
                                                  const HdOnboardingState *b);
char               *hd_onboarding_state_describe (const HdOnboardingState *state);
gboolean            hd_onboarding_status_is_trained (HdOnboardingStatus    status);
gboolean            hd_onboarding_needs_attention   (HdOnboardingStatus    status);

G_END_DECLS
