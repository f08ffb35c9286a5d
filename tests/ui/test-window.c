/* test-window.c — the real application, in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts HdApplication on a fresh database, walks through the four views with the actions
 * that Ctrl+1 … Ctrl+4 trigger, edits the preferences and reads them back from the file,
 * opens the shortcuts and the about window, checks that what is shown is Russian and that
 * icon-only buttons can be told apart without sight, and writes screenshots of every view
 * and of the preferences (1280×800 and 360×700, light and dark) to $HD_SCREENSHOT_DIR.
 * Any GTK warning or critical fails the test (g_test_init makes them fatal).
 *
 * gtk_test_init() is not used: it switches the locale to en_US.
 */
#include "config.h"

#include "hd-test-ui.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hd-application.h"
#include "hd-database.h"
#include "hd-preferences-window.h"
#include "hd-settings-keys.h"
#include "hd-window.h"
#include "journal/hd-journal-view.h"

typedef void (*StepFunc) (HdApplication *app);

typedef struct {
  StepFunc  step;
  gboolean  started;
  /* What the first frame held */
  gboolean  painted;
  gboolean  painted_views;
  gboolean  painted_database;
} Walk;

static const struct {
  const char *name;
  const char *accel;
  const char *title;        /* what the view switchers must show, in Russian, at any width */
} views[] = {
  { "journal", "<Control>1", "Журнал" },
  { "calendar", "<Control>2", "Календарь" },
  { "onboarding", "<Control>3", "Обучение" },
  { "reports", "<Control>4", "Отчёты" },
};

/* XDG_DATA_DIRS as the test started, before G_TEST_OPTION_ISOLATE_DIRS hid it */

static const struct {
  int width;
  int height;
} sizes[] = {
  { 1280, 800 },
  { 360, 700 },
};

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

typedef struct {
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
window_has_size (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->window) == size->width &&
         gtk_widget_get_height (size->window) == size->height;
}

/* Makes the window widget exactly @width × @height. Without a window manager a mapped X11
 * window ignores a new default size, so the window is mapped again; and the default size
 * counts GTK's client-side frame, which the widget does not. */
static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  Size size = { GTK_WIDGET (window), width, height };
  int default_width, default_height, frame_x, frame_y;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_get_default_size (window, &default_width, &default_height);
  frame_x = MAX (0, default_width - gtk_widget_get_width (GTK_WIDGET (window)));
  frame_y = MAX (0, default_height - gtk_widget_get_height (GTK_WIDGET (window)));
  if (window_has_size (&size))
    return;

  gtk_window_unmaximize (window);
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (window, width + frame_x, height + frame_y);
  gtk_window_present (window);
  wait_until (window_has_size, &size, "the window to take its new size");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static const char *
scheme_name (AdwColorScheme scheme)
{
  return scheme == ADW_COLOR_SCHEME_FORCE_DARK ? "dark" : "light";
}

static void
set_scheme (GtkWidget      *widget,
            AdwColorScheme  scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_test_widget_wait_for_draw (widget);
}

/* Words in Latin letters that may stand in Russian text */
static gboolean
is_allowed_latin (const char *word)
{
  static const char * const allowed[] = {
    "PDF", "CSV", "ICS", "SQLite", "GNOME",
    "Ctrl", "Shift", "Alt", "Delete", "Enter", "Escape", "Return", "Page", "Up", "Down",
    "Left", "Right", "Home", "End", "Tab", "Backspace",   /* key names, printed on the keys */
    NULL
  };

  return g_strv_contains (allowed, word);
}

/* Every label the person can see is Russian: no English word slipped through untranslated */
static void
assert_russian (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));
      g_autoptr(GRegex) regex = g_regex_new ("[A-Za-z]{3,}", 0, 0, NULL);
      g_autoptr(GRegex) paths = g_regex_new ("\\S*[/.][A-Za-z0-9]\\S*", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *text = NULL;

      /* File names and addresses are data, not words */
      text = g_regex_replace_literal (paths, label, -1, 0, "", 0, NULL);
      if (strchr (text, '@') == NULL)
        for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match);
             g_match_info_next (match, NULL))
          {
            g_autofree char *word = g_match_info_fetch (match, 0);

            if (!is_allowed_latin (word))
              g_error ("A visible label is not in Russian: “%s” (%s)", label,
                       G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_russian (child);
}

/* Icon-only buttons need words for those who cannot see the icon: a tooltip and a label */
static guint
assert_icon_buttons_labelled (GtkWidget *widget)
{
  const char *icon_name = NULL;
  guint checked = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  /* The window's own close/minimize buttons and a spin button's +/− belong to GTK */
  if (GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SPIN_BUTTON (widget))
    return 0;

  if (GTK_IS_MENU_BUTTON (widget))
    icon_name = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    icon_name = gtk_button_get_icon_name (GTK_BUTTON (widget));

  if (icon_name != NULL)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip == NULL || *tooltip == '\0')
        g_error ("The icon-only button “%s” (%s) has no tooltip", icon_name,
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                             GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("The icon-only button “%s” (tooltip “%s”) has no accessible label",
                 icon_name, tooltip);
      checked++;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    return checked;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    checked += assert_icon_buttons_labelled (child);
  return checked;
}

/* The action that a shortcut triggers, as the application has it */
static void
press_accel (HdApplication *app,
             GtkWidget     *window,
             const char    *accel)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);

  g_assert_nonnull (actions);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  activate_detailed (window, actions[0]);
}

static char *
stored_setting (HdApplication *app,
                const char    *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdDatabase) other = NULL;

  /* A connection of its own: the value must be in the file, not only in the window */
  other = hd_database_open (hd_application_get_database_path (app), &error);
  g_assert_no_error (error);
  return hd_database_get_setting (other, key, NULL);
}

static AdwEntryRow *
entry_row (HdPreferencesWindow *prefs,
           guint                index)
{
  GtkWidget *widget = GTK_WIDGET (prefs);
  guint seen = 0;

  /* The rows in the order of the template: school, consultant, phone, e-mail */
  for (GtkWidget *w = find_widget (widget, ADW_TYPE_ENTRY_ROW); w != NULL; )
    {
      if (seen == index)
        return ADW_ENTRY_ROW (w);
      seen++;
      /* the next entry row: walk on from the row's next sibling up the tree */
      {
        GtkWidget *next = NULL;

        for (GtkWidget *up = w; up != NULL && next == NULL; up = gtk_widget_get_parent (up))
          for (GtkWidget *s = gtk_widget_get_next_sibling (up); s != NULL && next == NULL;
               s = gtk_widget_get_next_sibling (s))
            next = find_widget (s, ADW_TYPE_ENTRY_ROW);
        w = next;
      }
    }
  g_assert_not_reached ();
}

/* The text of the first visible label with the style class @css_class, or NULL */
static const char *
visible_label_with_class (GtkWidget  *widget,
                          const char *css_class)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = visible_label_with_class (child, css_class);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* ---------------------------------------------------------------------------------------- */
/* The walk through the application                                                          */

static void
walk_views (HdApplication *app)
{
  HdWindow *window = find_main_window (app);
  GtkWidget *widget = GTK_WIDGET (window);
  AdwViewStack *stack;

  wait_until (database_ready, app, "the database to open");
  gtk_test_widget_wait_for_draw (widget);

  /* The first frame was the header and the spinner; the views came with the database */
  {
    Walk *walk = g_object_get_data (G_OBJECT (app), "walk");

    g_assert_true (walk->painted);
    /* even when the database opened before it, as a small one does */
    g_test_message ("database open at the first frame: %s", walk->painted_database ? "yes" : "no");
    g_assert_false (walk->painted_views);
    g_assert_nonnull (find_widget (widget, HD_TYPE_JOURNAL_VIEW));
  }

  /* The window speaks Russian */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Школьная служба поддержки");

  stack = ADW_VIEW_STACK (find_widget (widget, ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);

  /* At every width the header's switcher (or the title in its place) stays clear of the
   * window's buttons: it once came out wide, over them, between 1000 and 1170 px */
  for (int width = 360; width <= 1400; width += 60)
    {
      AdwSqueezer *squeezer = ADW_SQUEEZER (find_widget (widget, ADW_TYPE_SQUEEZER));
      GtkWidget *menu = find_widget (widget, GTK_TYPE_MENU_BUTTON);
      GtkWidget *shown;
      graphene_rect_t title_bounds, menu_bounds;

      resize (GTK_WINDOW (window), width, 700);
      g_assert_nonnull (squeezer);
      g_assert_nonnull (menu);
      shown = adw_squeezer_get_visible_child (squeezer);
      g_assert_true (gtk_widget_compute_bounds (shown, widget, &title_bounds));
      g_assert_true (gtk_widget_compute_bounds (menu, widget, &menu_bounds));
      if (title_bounds.origin.x + title_bounds.size.width > menu_bounds.origin.x)
        g_error ("at %d px the header's title ends at %.0f px, over the menu button at %.0f px",
                 width, title_bounds.origin.x + title_bounds.size.width, menu_bounds.origin.x);
    }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);

      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          GtkWidget *child;

          press_accel (app, widget, views[i].accel);
          g_assert_cmpstr (hd_window_get_visible_view (window), ==, views[i].name);
          child = adw_view_stack_get_visible_child (stack);
          g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)),
                           ==, views[i].title);

          /* Each view has the shared context, and through it the database (each sits in an
           * AdwBin of the window's, made after the first frame) */
          {
            g_autoptr(HdContext) context = NULL;
            GtkWidget *view = G_OBJECT_TYPE (child) == ADW_TYPE_BIN ? adw_bin_get_child (ADW_BIN (child)) : child;

            g_assert_nonnull (view);
            g_object_get (view, "context", &context, NULL);
            g_assert_true (context == hd_application_get_context (app));
            g_assert_nonnull (hd_context_get_database (context));
          }

          for (AdwColorScheme scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
               scheme <= ADW_COLOR_SCHEME_FORCE_DARK;
               scheme += ADW_COLOR_SCHEME_FORCE_DARK - ADW_COLOR_SCHEME_FORCE_LIGHT)
            {
              g_autofree char *name = g_strdup_printf ("%s-%dx%d-%s", views[i].name,
                                                       sizes[s].width, sizes[s].height,
                                                       scheme_name (scheme));

              set_scheme (widget, scheme);
              assert_russian (widget);
              g_assert_cmpuint (assert_icon_buttons_labelled (widget), >=, 1);
              save_screenshot (widget, name);
            }
        }
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  resize (GTK_WINDOW (window), 1280, 800);

  /* A report's bar opens the journal on those requests, from any view */
  press_accel (app, widget, "<Control>4");
  {
    GVariantBuilder b;

    g_variant_builder_init (&b, G_VARIANT_TYPE ("a{ss}"));
    g_variant_builder_add (&b, "{ss}", "period", "2026-11");
    g_variant_builder_add (&b, "{ss}", "channel", "phone");
    g_assert_true (gtk_widget_activate_action_variant (widget, "win.show-requests",
                                                       g_variant_builder_end (&b)));
  }
  g_assert_cmpstr (hd_window_get_visible_view (window), ==, "journal");
}

static void
walk_preferences (HdApplication *app)
{
  HdWindow *window = find_main_window (app);
  HdPreferencesWindow *prefs;
  GtkSpinButton *spin;
  AdwEntryRow *school, *phone, *email;
  g_autofree char *value = NULL;

  press_accel (app, GTK_WIDGET (window), "<Control>comma");
  prefs = HD_PREFERENCES_WINDOW (find_toplevel (HD_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prefs)), ==, "Параметры");

  school = entry_row (prefs, 0);
  phone = entry_row (prefs, 2);
  email = entry_row (prefs, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (school)), ==, "Название школы");

  /* The defaults are shown before anything is stored */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (school)), ==, "МОАУ СОШ № 1 г. Шимановска");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "8 (41651) 2-00-77");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "shkola1_shim@mail.ru");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      /* Preferences are a dialog: at most 640 px tall on a wide screen */
      resize (GTK_WINDOW (prefs), MIN (sizes[s].width, 600), MIN (sizes[s].height, 640));
      for (AdwColorScheme scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
           scheme <= ADW_COLOR_SCHEME_FORCE_DARK;
           scheme += ADW_COLOR_SCHEME_FORCE_DARK - ADW_COLOR_SCHEME_FORCE_LIGHT)
        {
          g_autofree char *name = g_strdup_printf ("preferences-%dx%d-%s", sizes[s].width,
                                                   sizes[s].height, scheme_name (scheme));

          set_scheme (GTK_WIDGET (prefs), scheme);
          assert_russian (GTK_WIDGET (prefs));
          assert_icon_buttons_labelled (GTK_WIDGET (prefs));
          save_screenshot (GTK_WIDGET (prefs), name);
        }
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* A new school name is saved once typing pauses */
  gtk_editable_set_text (GTK_EDITABLE (school), "  МБОУ СОШ № 7  ");
  wait_ms (800);
  value = stored_setting (app, HD_SETTING_SCHOOL_NAME);
  g_assert_cmpstr (value, ==, "МБОУ СОШ № 7");
  g_clear_pointer (&value, g_free);

  /* A wrong phone number is marked, kept in the row as typed, and not saved */
  gtk_editable_set_text (GTK_EDITABLE (phone), "12-3");
  g_signal_emit_by_name (phone, "entry-activated");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "12-3");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  g_assert_nonnull (strstr (visible_label_with_class (GTK_WIDGET (prefs), "error"),
                            "номер телефона"));
  value = stored_setting (app, HD_SETTING_SUPPORT_PHONE);
  g_assert_null (value);
  g_assert_false (hd_preferences_window_flush (prefs));
  set_scheme (GTK_WIDGET (prefs), ADW_COLOR_SCHEME_FORCE_LIGHT);
  save_screenshot (GTK_WIDGET (prefs), "preferences-error-light");

  /* Corrected, it is saved on Enter and the mark goes */
  gtk_editable_set_text (GTK_EDITABLE (phone), "8 (41651) 2-11-22");
  g_signal_emit_by_name (phone, "entry-activated");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  g_assert_null (visible_label_with_class (GTK_WIDGET (prefs), "error"));
  value = stored_setting (app, HD_SETTING_SUPPORT_PHONE);
  g_assert_cmpstr (value, ==, "8 (41651) 2-11-22");
  g_clear_pointer (&value, g_free);

  /* The deadline is saved as soon as it changes */
  spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3);
  gtk_spin_button_set_value (spin, 5);
  value = stored_setting (app, HD_SETTING_DEADLINE_DAYS);
  g_assert_cmpstr (value, ==, "5");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (hd_context_get_setting_int (hd_application_get_context (app),
                                               HD_SETTING_DEADLINE_DAYS), ==, 5);

  /* Closing with a wrong e-mail asks first; discarding keeps the stored address */
  gtk_editable_set_text (GTK_EDITABLE (email), "shkola1_shim@");
  gtk_window_close (GTK_WINDOW (prefs));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (dialog);
    g_assert_nonnull (find_toplevel (HD_TYPE_PREFERENCES_WINDOW));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    assert_russian (GTK_WIDGET (dialog));
    adw_message_dialog_response (dialog, "discard");
  }
  wait_until (window_gone, GSIZE_TO_POINTER (HD_TYPE_PREFERENCES_WINDOW), "the preferences to close");
  value = stored_setting (app, HD_SETTING_SUPPORT_EMAIL);
  g_assert_null (value);
}

static void
walk_shortcuts_and_about (HdApplication *app)
{
  HdWindow *window = find_main_window (app);
  GtkWindow *shortcuts, *about;

  press_accel (app, GTK_WIDGET (window), "<Control>question");
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  assert_russian (GTK_WIDGET (shortcuts));
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-light");
  gtk_window_close (shortcuts);

  activate_detailed (GTK_WIDGET (window), "app.about");
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Школьная служба поддержки");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  assert_russian (GTK_WIDGET (about));
  save_screenshot (GTK_WIDGET (about), "about-light");
  gtk_window_close (about);
}

static void
walk_all (HdApplication *app)
{
  walk_views (app);
  walk_preferences (app);
  walk_shortcuts_and_about (app);
}

/* A damaged file: the error is shown with the offer to restore the newest backup */
static void
walk_restore (HdApplication *app)
{
  HdWindow *window = find_main_window (app);
  AdwMessageDialog *dialog = NULL;
  g_autofree char *value = NULL;

  wait_until (message_dialog_shown, NULL, "the error to be shown");
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (hd_context_get_database (hd_application_get_context (app)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Не удалось открыть базу данных");
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  assert_russian (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "open-error-light");

  adw_message_dialog_response (dialog, "restore");
  wait_until (database_ready, app, "the restored database to open");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (hd_window_get_visible_view (window), ==, "journal");

  value = stored_setting (app, HD_SETTING_SCHOOL_NAME);
  g_assert_cmpstr (value, ==, "Школа из резервной копии");
}

/* ---------------------------------------------------------------------------------------- */
/* Running the application                                                                   */

static gboolean
run_walk_cb (gpointer user_data)
{
  HdApplication *app = user_data;
  Walk *walk = g_object_get_data (G_OBJECT (app), "walk");

  walk->step (app);
  activate_detailed (GTK_WIDGET (find_main_window (app)), "app.quit");
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                HdApplication *app)
{
  Walk *walk = g_object_get_data (G_OBJECT (app), "walk");
  GtkWidget *window = GTK_WIDGET (find_main_window (app));

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, app);
  walk->painted = TRUE;
  walk->painted_views = find_widget (window, HD_TYPE_JOURNAL_VIEW) != NULL;
  walk->painted_database = hd_context_get_database (hd_application_get_context (app)) != NULL;
}

static void
activate_cb (HdApplication *app,
             Walk          *walk)
{
  HdWindow *window = find_main_window (app);

  if (walk->started)
    return;
  walk->started = TRUE;

  /* The window is up before the database: it shows the spinner while the worker opens it */
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (hd_application_is_opening (app));
  g_assert_null (hd_context_get_database (hd_application_get_context (app)));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_SPINNER));
  /* The views come after the first frame (bench-startup.sh) */
  g_assert_null (find_widget (GTK_WIDGET (window), HD_TYPE_JOURNAL_VIEW));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_paint_cb), app);

  g_idle_add (run_walk_cb, app);
}

static void
run_application (const char *path,
                 StepFunc    step)
{
  g_autoptr(HdApplication) app = hd_application_new (path);
  Walk walk = { step, FALSE };
  int status;


  /* Tests run side by side and without a session bus */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "walk", &walk);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &walk);

  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (walk.started);
}

static void
test_walk (void)
{
  g_autofree char *path = db_path ();

  run_application (path, walk_all);
}

static void
test_restore_backup (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;

  /* A database with a backup, then the file is overwritten by something else */
  {
    g_autoptr(HdDatabase) db = hd_database_open (path, &error);
    g_autofree char *backup = NULL;

    g_assert_no_error (error);
    g_assert_true (hd_database_set_setting (db, HD_SETTING_SCHOOL_NAME, "Школа из резервной копии", &error));
    g_assert_no_error (error);
    backup = hd_database_backup_rotating (db, "test", &error);
    g_assert_no_error (error);
    g_assert_nonnull (backup);
  }
  g_assert_true (g_file_set_contents (path, "This is not a database, it is a letter.\n", -1, &error));
  g_assert_no_error (error);

  run_application (path, walk_restore);
}

typedef struct {
  HdWindow *window;
  gboolean  painted;
  gboolean  painted_views;
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                FirstFrame    *ff)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, ff);
  ff->painted = TRUE;
  ff->painted_views = find_widget (GTK_WIDGET (ff->window), HD_TYPE_JOURNAL_VIEW) != NULL;
}

static gboolean
views_shown (gpointer data)
{
  GtkWidget *journal = find_widget (GTK_WIDGET (data), HD_TYPE_JOURNAL_VIEW);
  GtkWidget *stack = journal != NULL ? gtk_widget_get_ancestor (journal, GTK_TYPE_STACK) : NULL;

  /* mapped, and the crossfade from the spinner over */
  return journal != NULL && gtk_widget_get_mapped (journal) && stack != NULL &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static gboolean
painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

/* A database that is ready before the window's first frame (a small one opens in a few
 * milliseconds) still waits for it: the first frame is the header and the spinner, the views
 * are made and shown right after it. */
static void
test_first_frame (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.schoolhelpdesk.TestFirstFrame",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(HdContext) context = hd_context_new (NULL);
  g_autoptr(HdDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  FirstFrame ff = { 0 };

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  db = hd_database_open (path, &error);
  g_assert_no_error (error);

  ff.window = hd_window_new (app, context);
  gtk_window_present (GTK_WINDOW (ff.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ff.window)), "after-paint",
                    G_CALLBACK (first_frame_cb), &ff);
  /* before the main loop has run: before the first frame */
  hd_context_set_database (context, db);
  g_assert_null (find_widget (GTK_WIDGET (ff.window), HD_TYPE_JOURNAL_VIEW));

  wait_until (painted, &ff, "the first frame");
  g_assert_false (ff.painted_views);
  wait_until (views_shown, ff.window, "the views to be shown");
  save_screenshot (GTK_WIDGET (ff.window), "first-frame-then-views");

  gtk_window_destroy (GTK_WINDOW (ff.window));
  hd_context_set_database (context, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/walk", test_walk);
  g_test_add_func ("/ui/window/restore-backup", test_restore_backup);
  g_test_add_func ("/ui/window/first-frame", test_first_frame);

  status = g_test_run ();
  return status;
}
