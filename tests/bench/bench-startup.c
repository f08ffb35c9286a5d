/* bench-startup.c — time from the start of main() to the first frame the window paints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-startup --bare
 *        bench-startup --app DATABASE
 *
 * --bare: a bare libadwaita window (header bar and a label, 1280×800), the yardstick;
 * --app: School Helpdesk's own window on DATABASE, exactly as the application starts it (the
 * database is opened in a worker after the first frame). Prints one line, "first frame: N ms",
 * and quits; --app then also waits for the journal's first rows to be drawn ("journal rows:
 * N ms", not a target: what the user waits for, which making the views after the first frame
 * must not delay). tests/bench/bench-startup.sh runs both many times and compares the medians
 * of the first frames with the standing target: the app within 1.3 × the bare window.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hd-application.h"
#include "hd-request-list.h"
#include "hd-window.h"
#include "journal/hd-journal-view.h"

GResource *hd_get_resource (void);

static gint64 started;
static gboolean wait_for_rows;

static GtkWidget *
find_journal (GtkWidget *widget)
{
  if (HD_IS_JOURNAL_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_journal (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The journal is on screen with its first rows (or knows it has none) */
static gboolean
journal_drawn (GtkWidget *window)
{
  GtkWidget *journal = find_journal (window);
  HdRequestList *list;

  if (journal == NULL || !gtk_widget_get_mapped (journal))
    return FALSE;
  list = hd_journal_view_get_list (HD_JOURNAL_VIEW (journal));
  return list != NULL &&
         (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0 || hd_request_list_is_complete (list));
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  static gboolean first_done;
  GtkWidget *window = g_object_get_data (G_OBJECT (clock), "bench-window");

  if (!first_done)
    {
      first_done = TRUE;
      printf ("first frame: %.1f ms\n", (g_get_monotonic_time () - started) / 1000.0);
      fflush (stdout);
      if (!wait_for_rows)
        {
          g_application_quit (app);
          return;
        }
    }
  if (journal_drawn (window))
    {
      printf ("journal rows: %.1f ms\n", (g_get_monotonic_time () - started) / 1000.0);
      fflush (stdout);
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
      g_application_quit (app);
    }
  else
    gtk_widget_queue_draw (window);
}

static void
map_cb (GtkWidget    *window,
        GApplication *app)
{
  g_object_set_data (G_OBJECT (gtk_widget_get_frame_clock (window)), "bench-window", window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
watch (GtkWidget    *window,
       GApplication *app)
{
  if (gtk_widget_get_mapped (window))
    map_cb (window, app);
  else
    g_signal_connect (window, "map", G_CALLBACK (map_cb), app);
}

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("School Helpdesk");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  watch (window, app);
  gtk_window_present (GTK_WINDOW (window));
}

static void
app_activate_cb (GApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HD_IS_WINDOW (l->data))
      {
        watch (l->data, app);
        return;
      }
  g_printerr ("bench-startup: the application made no window\n");
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  started = g_get_monotonic_time ();
  /* as src/main.c does, for both: the same locale work on either side */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HD_LOCALEDIR") != NULL ? g_getenv ("HD_LOCALEDIR")
                                                                      : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 2 && g_str_equal (argv[1], "--bare"))
    {
      app = G_APPLICATION (adw_application_new ("io.github.schoolhelpdesk.BenchBare",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  else if (argc == 3 && g_str_equal (argv[1], "--app"))
    {
      (void) hd_get_resource ();
      wait_for_rows = TRUE;
      app = G_APPLICATION (hd_application_new (argv[2]));
      g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (app_activate_cb), NULL);
    }
  else
    {
      g_printerr ("Usage: bench-startup --bare | --app DATABASE\n");
      return 2;
    }

  return g_application_run (app, 0, NULL);
}
