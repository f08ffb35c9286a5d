/* test-onboarding.c — the status of a newcomer's training, days left and overdue, urgency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * November 2026 by hand: Mon 2, Tue 3, Wed 4 (National Unity Day, a holiday), Thu 5, Fri 6,
 * Sat 7, Sun 8, Mon 9, Tue 10. A start on Mon 2 November counts Tue 3 (1), skips Wed 4,
 * Thu 5 (2), Fri 6 (3): due on Friday 6 November.
 */
#include "config.h"

#include <locale.h>

#include "hd-date.h"
#include "hd-newcomer-store.h"
#include "hd-onboarding.h"

static HdWorkdays *workdays;

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (hd_date_parse_iso (iso, &d));
  return d;
}

static HdNewcomer *
newcomer (const char *started_on,
          const char *due_on,
          const char *trained_on)
{
  HdNewcomer *n = hd_newcomer_new ();

  hd_newcomer_set_started_on (n, started_on);
  hd_newcomer_set_due_on (n, due_on);
  hd_newcomer_set_trained_on (n, trained_on);
  return n;
}

static HdOnboardingState
state_at (const char *started_on,
          const char *due_on,
          const char *trained_on,
          const char *today)
{
  g_autoptr(HdNewcomer) n = newcomer (started_on, due_on, trained_on);
  HdOnboardingState state;
  GDate t = day (today);

  g_assert_true (hd_onboarding_state_compute (&state, workdays, n, &t));
  return state;
}

static void
test_due_date_crosses_holiday (void)
{
  GDate start = day ("2026-11-02"), due;
  g_autoptr(GPtrArray) counted = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *iso = NULL;

  hd_workdays_due_date (workdays, &start, 3, &due, &counted, &explanation);
  iso = hd_date_to_iso (&due);
  g_assert_cmpstr (iso, ==, "2026-11-06");
  g_assert_cmpuint (counted->len, ==, 3);
  g_assert_nonnull (explanation);
}

static void
test_status_waiting_and_due_today (void)
{
  HdOnboardingState s;
  g_autofree char *text = NULL;

  /* Tuesday 3rd: Thu 5 and Fri 6 are left */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-03");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_WAITING);
  g_assert_cmpint (s.working_days, ==, 2);
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "2 working days left");
  g_clear_pointer (&text, g_free);

  /* Wednesday 4th is a holiday: still two */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-04");
  g_assert_cmpint (s.working_days, ==, 2);

  /* Thursday 5th: only Friday */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-05");
  g_assert_cmpint (s.working_days, ==, 1);
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "1 working day left");
  g_clear_pointer (&text, g_free);

  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-06");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_DUE_TODAY);
  g_assert_true (hd_onboarding_needs_attention (s.status));
  g_assert_false (hd_onboarding_status_is_trained (s.status));
}

static void
test_status_overdue (void)
{
  HdOnboardingState s;
  g_autofree char *text = NULL;

  /* Saturday: past the term, no working day missed yet */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-07");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_OVERDUE);
  g_assert_cmpint (s.working_days, ==, 0);
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "The term has ended");
  g_clear_pointer (&text, g_free);

  /* Monday 9th: one working day overdue */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-09");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_OVERDUE);
  g_assert_cmpint (s.working_days, ==, 1);
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "Overdue by 1 working day");
  g_clear_pointer (&text, g_free);

  /* Tuesday 10th: two */
  s = state_at ("2026-11-02", "2026-11-06", NULL, "2026-11-10");
  g_assert_cmpint (s.working_days, ==, 2);
  g_assert_true (hd_onboarding_needs_attention (s.status));
}

static void
test_status_trained (void)
{
  HdOnboardingState s;
  g_autofree char *text = NULL;

  /* On the due date itself: on time, whatever today is */
  s = state_at ("2026-11-02", "2026-11-06", "2026-11-06", "2026-11-25");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_TRAINED_ON_TIME);
  g_assert_false (hd_onboarding_needs_attention (s.status));
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* The day after (a Saturday): late, by no working day */
  s = state_at ("2026-11-02", "2026-11-06", "2026-11-07", "2026-11-25");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_TRAINED_LATE);
  g_assert_cmpint (s.working_days, ==, 0);

  /* Monday 9th: late by one working day */
  s = state_at ("2026-11-02", "2026-11-06", "2026-11-09", "2026-11-25");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_TRAINED_LATE);
  g_assert_cmpint (s.working_days, ==, 1);
  text = hd_onboarding_state_describe (&s);
  g_assert_cmpstr (text, ==, "1 working day late");
  g_assert_true (hd_onboarding_status_is_trained (s.status));

  /* Trained before the start would be refused by the store; the status does not judge it */
  s = state_at ("2026-11-02", "2026-11-06", "2026-11-03", "2026-11-03");
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_TRAINED_ON_TIME);
}

static void
test_status_for_without_training (void)
{
  GDate due = day ("2026-11-06"), today = day ("2026-11-05"), none;

  g_date_clear (&none, 1);
  g_assert_cmpint (hd_onboarding_status_for (&due, NULL, &today), ==, HD_ONBOARDING_WAITING);
  g_assert_cmpint (hd_onboarding_status_for (&due, &none, &today), ==, HD_ONBOARDING_WAITING);
}

static void
test_missing_dates (void)
{
  g_autoptr(HdNewcomer) n = newcomer ("2026-11-02", NULL, NULL);
  HdOnboardingState s;
  GDate today = day ("2026-11-05");

  g_assert_false (hd_onboarding_state_compute (&s, workdays, n, &today));
  g_assert_cmpint (s.status, ==, HD_ONBOARDING_WAITING);
  hd_newcomer_set_started_on (n, "2026-13-01");
  hd_newcomer_set_due_on (n, "2026-11-06");
  g_assert_false (hd_onboarding_state_compute (&s, workdays, n, &today));
}

static int
compare_states (gconstpointer a,
                gconstpointer b)
{
  return hd_onboarding_state_compare (a, b);
}

static void
test_most_urgent_first (void)
{
  const char *today = "2026-11-10";
  /* started, due, trained; in the order the tracker must show them */
  static const char *rows[][3] = {
    { "2026-10-27", "2026-10-30", NULL },          /* overdue since Friday 30 October */
    { "2026-11-02", "2026-11-06", NULL },          /* overdue by 2 */
    { "2026-11-05", "2026-11-10", NULL },          /* due today */
    { "2026-11-09", "2026-11-12", NULL },          /* waiting, 2 days left */
    { "2026-11-10", "2026-11-13", NULL },          /* waiting, 3 days left */
    { "2026-10-26", "2026-10-29", "2026-11-02" },  /* trained late, recently */
    { "2026-11-02", "2026-11-06", "2026-11-05" },  /* trained on time, recently */
    { "2026-10-19", "2026-10-22", "2026-10-21" },  /* trained on time, long ago */
  };
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (HdOnboardingState));

  /* added in reverse, so sorting has work to do */
  for (guint i = G_N_ELEMENTS (rows); i > 0; i--)
    {
      HdOnboardingState s = state_at (rows[i - 1][0], rows[i - 1][1], rows[i - 1][2], today);

      g_array_append_val (states, s);
    }
  g_array_sort (states, compare_states);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HdOnboardingState *s = &g_array_index (states, HdOnboardingState, i);
      g_autofree char *due = hd_date_to_iso (&s->due_on);
      g_autofree char *started = hd_date_to_iso (&s->started_on);

      g_assert_cmpstr (started, ==, rows[i][0]);
      g_assert_cmpstr (due, ==, rows[i][1]);
    }

  g_assert_cmpint (g_array_index (states, HdOnboardingState, 0).status, ==, HD_ONBOARDING_OVERDUE);
  /* Fri 30 Oct → Tue 10 Nov: Mon 2, Tue 3, Thu 5, Fri 6, Mon 9, Tue 10 */
  g_assert_cmpint (g_array_index (states, HdOnboardingState, 0).working_days, ==, 6);
  g_assert_cmpint (g_array_index (states, HdOnboardingState, 3).working_days, ==, 2);
  g_assert_cmpint (g_array_index (states, HdOnboardingState, 4).working_days, ==, 3);
  g_assert_cmpint (g_array_index (states, HdOnboardingState, 5).status, ==, HD_ONBOARDING_TRAINED_LATE);
}

static void
test_labels (void)
{
  for (HdOnboardingStatus s = 0; s < HD_N_ONBOARDING_STATUSES; s++)
    {
      g_assert_nonnull (hd_onboarding_status_key (s));
      g_assert_cmpstr (hd_onboarding_status_label (s), !=, "");
    }
  g_assert_cmpstr (hd_onboarding_status_key (HD_ONBOARDING_TRAINED_ON_TIME), ==, "trained_on_time");
  g_assert_cmpstr (hd_onboarding_status_label (HD_ONBOARDING_OVERDUE), ==, "Overdue");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  workdays = hd_workdays_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/onboarding/due-date-crosses-holiday", test_due_date_crosses_holiday);
  g_test_add_func ("/onboarding/waiting-and-due-today", test_status_waiting_and_due_today);
  g_test_add_func ("/onboarding/overdue", test_status_overdue);
  g_test_add_func ("/onboarding/trained", test_status_trained);
  g_test_add_func ("/onboarding/status-for", test_status_for_without_training);
  g_test_add_func ("/onboarding/missing-dates", test_missing_dates);
  g_test_add_func ("/onboarding/most-urgent-first", test_most_urgent_first);
  g_test_add_func ("/onboarding/labels", test_labels);

  ret = g_test_run ();
  g_clear_object (&workdays);
  return ret;
}
