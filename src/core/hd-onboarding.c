/* hd-onboarding.c — where a new employee's training stands today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tracker shows a status and "days left / days overdue" for every newcomer. Both are
 * worked out here, from the stored due date and the production calendar, so the list never
 * disagrees with hd-stats and can be tested without a display.
 */
#define G_LOG_DOMAIN "hd-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-date.h"
#include "hd-onboarding.h"

static const struct {
  const char *key;
  const char *label;
} statuses[] = {
  [HD_ONBOARDING_OVERDUE] = { "overdue", NC_("onboarding status", "Overdue") },
  [HD_ONBOARDING_DUE_TODAY] = { "due_today", NC_("onboarding status", "Due today") },
  [HD_ONBOARDING_WAITING] = { "waiting", NC_("onboarding status", "Waiting") },
  [HD_ONBOARDING_TRAINED_LATE] = { "trained_late", NC_("onboarding status", "Trained late") },
  [HD_ONBOARDING_TRAINED_ON_TIME] = { "trained_on_time", NC_("onboarding status", "Trained on time") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == HD_N_ONBOARDING_STATUSES);

/**
 * hd_onboarding_status_key:
 *
 * Returns: a stable name of @status, e.g. `overdue` (for CSS classes and tests)
 */
const char *
hd_onboarding_status_key (HdOnboardingStatus status)
{
  g_return_val_if_fail (status < HD_N_ONBOARDING_STATUSES, NULL);
  return statuses[status].key;
}

/**
 * hd_onboarding_status_label:
 *
 * Returns: the translated name of @status, e.g. «Просрочено»
 */
const char *
hd_onboarding_status_label (HdOnboardingStatus status)
{
  g_return_val_if_fail (status < HD_N_ONBOARDING_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "onboarding status", statuses[status].label);
}

/**
 * hd_onboarding_status_for:
 * @due_on: the last day of the term
 * @trained_on: (nullable): the training day, or %NULL / an invalid date when not trained
 * @today: the school's date today
 *
 * Returns: the status by the rules of hd-stats.h
 */
HdOnboardingStatus
hd_onboarding_status_for (const GDate *due_on,
                          const GDate *trained_on,
                          const GDate *today)
{
  int cmp;

  g_return_val_if_fail (due_on != NULL && g_date_valid (due_on), HD_ONBOARDING_WAITING);
  g_return_val_if_fail (today != NULL && g_date_valid (today), HD_ONBOARDING_WAITING);

  if (trained_on != NULL && g_date_valid (trained_on))
    return g_date_compare (trained_on, due_on) <= 0 ? HD_ONBOARDING_TRAINED_ON_TIME
                                                     : HD_ONBOARDING_TRAINED_LATE;

  cmp = g_date_compare (due_on, today);
  if (cmp < 0)
    return HD_ONBOARDING_OVERDUE;
  if (cmp == 0)
    return HD_ONBOARDING_DUE_TODAY;
  return HD_ONBOARDING_WAITING;
}

/**
 * hd_onboarding_state_compute:
 * @state: (out caller-allocates): the state
 * @workdays: the production calendar, for counting working days
 * @newcomer: a stored newcomer (its due date is set by the store)
 * @today: the school's date today
 *
 * Returns: %FALSE when @newcomer has no valid start or due date (then @state is a waiting
 *   state with cleared dates)
 */
gboolean
hd_onboarding_state_compute (HdOnboardingState *state,
                             HdWorkdays        *workdays,
                             HdNewcomer        *newcomer,
                             const GDate       *today)
{
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), FALSE);
  g_return_val_if_fail (HD_IS_NEWCOMER (newcomer), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  state->status = HD_ONBOARDING_WAITING;
  state->working_days = 0;
  hd_date_parse_iso (hd_newcomer_get_trained_on (newcomer), &state->trained_on);
  if (!hd_date_parse_iso (hd_newcomer_get_started_on (newcomer), &state->started_on) ||
      !hd_date_parse_iso (hd_newcomer_get_due_on (newcomer), &state->due_on))
    return FALSE;

  state->status = hd_onboarding_status_for (&state->due_on, &state->trained_on, today);
  switch (state->status)
    {
    case HD_ONBOARDING_WAITING:
      state->working_days = hd_workdays_between (workdays, today, &state->due_on);
      break;

    case HD_ONBOARDING_OVERDUE:
      state->working_days = hd_workdays_between (workdays, &state->due_on, today);
      break;

    case HD_ONBOARDING_TRAINED_LATE:
      state->working_days = hd_workdays_between (workdays, &state->due_on, &state->trained_on);
      break;

    case HD_ONBOARDING_DUE_TODAY:
    case HD_ONBOARDING_TRAINED_ON_TIME:
    case HD_N_ONBOARDING_STATUSES:
    default:
      break;
    }
  return TRUE;
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean va = g_date_valid (a), vb = g_date_valid (b);

  if (va && vb)
    return g_date_compare (a, b);
  return (int) vb - (int) va;   /* a missing date sorts last */
}

/**
 * hd_onboarding_state_compare:
 *
 * Orders the most urgent first: overdue (the longest overdue first), due today, waiting (the
 * nearest due date first), then the trained (the most recent training first).
 *
 * Returns: negative if @a comes before @b, positive if after, 0 if equal
 */
int
hd_onboarding_state_compare (const HdOnboardingState *a,
                             const HdOnboardingState *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->status != b->status)
    return a->status < b->status ? -1 : 1;
  if (hd_onboarding_status_is_trained (a->status))
    {
      cmp = compare_dates (&b->trained_on, &a->trained_on);
      if (cmp != 0)
        return cmp;
    }
  cmp = compare_dates (&a->due_on, &b->due_on);
  if (cmp != 0)
    return cmp;
  return compare_dates (&a->started_on, &b->started_on);
}

/**
 * hd_onboarding_state_describe:
 *
 * Returns: (transfer full): the working days left or overdue in words, e.g. «осталось
 *   2 рабочих дня», «просрочено на 1 рабочий день», «последний день срока»; an empty string when the
 *   newcomer was trained on time
 */
char *
hd_onboarding_state_describe (const HdOnboardingState *state)
{
  int n;

  g_return_val_if_fail (state != NULL, NULL);

  n = state->working_days;
  switch (state->status)
    {
    case HD_ONBOARDING_WAITING:
      /* Translators: working days left until the training deadline */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                           "%d working days left", n), n);

    case HD_ONBOARDING_DUE_TODAY:
      return g_strdup (_("Last day of the term"));

    case HD_ONBOARDING_OVERDUE:
      /* past the due date, but no working day has been missed yet (a weekend) */
      if (n == 0)
        return g_strdup (_("The term has ended"));
      /* Translators: the training deadline passed this many working days ago */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d working day",
                                           "Overdue by %d working days", n), n);

    case HD_ONBOARDING_TRAINED_LATE:
      /* Translators: the training took place this many working days after the deadline */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day late",
                                           "%d working days late", n), n);

    case HD_ONBOARDING_TRAINED_ON_TIME:
    case HD_N_ONBOARDING_STATUSES:
    default:
      return g_strdup ("");
    }
}

/**
 * hd_onboarding_status_is_trained:
 *
 * Returns: %TRUE for the two statuses of a finished training
 */
gboolean
hd_onboarding_status_is_trained (HdOnboardingStatus status)
{
  return status == HD_ONBOARDING_TRAINED_LATE || status == HD_ONBOARDING_TRAINED_ON_TIME;
}

/**
 * hd_onboarding_needs_attention:
 *
 * Returns: %TRUE for overdue and due today: the people the switcher's badge counts
 */
gboolean
hd_onboarding_needs_attention (HdOnboardingStatus status)
{
  return status == HD_ONBOARDING_OVERDUE || status == HD_ONBOARDING_DUE_TODAY;
}
