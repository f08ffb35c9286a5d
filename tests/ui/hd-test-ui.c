/* hd-test-ui.c — what the GUI tests share: set-up in Russian, waiting on the main loop,
 * finding widgets and windows, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hd-application.h"
#include "hd-context.h"
#include "hd-test-ui.h"
#include "hd-window.h"

/* The system's data folders, read before G_TEST_OPTION_ISOLATE_DIRS replaces them */
static char *system_data_dirs;

/* Icons and the MIME database come from the system's data folders, which the isolated test
 * environment hides: GTK loads symbolic icons through gdk-pixbuf, which needs the MIME
 * database to tell SVG. The app's own icons come from the source tree. */
static void
add_icon_paths (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) dirs = g_strsplit (system_data_dirs, G_SEARCHPATH_SEPARATOR_S, -1);
  g_autofree char *app_icons = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "icons", NULL);
  g_autoptr(GStrvBuilder) mime_dirs = g_strv_builder_new ();
  g_auto(GStrv) mime_dirv = NULL;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *mime = g_build_filename (dirs[i], "mime", NULL);
      g_autofree char *icons = g_build_filename (dirs[i], "icons", NULL);

      g_strv_builder_add (mime_dirs, mime);
      gtk_icon_theme_add_search_path (theme, icons);
    }
  gtk_icon_theme_add_search_path (theme, app_icons);
  mime_dirv = g_strv_builder_end (mime_dirs);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirv);
}

/**
 * hd_test_ui_init:
 *
 * g_test_init() with isolated folders, the Russian locale (ru_RU.UTF-8 when the machine has
 * it; otherwise C.UTF-8 with LANGUAGE=ru, which GNU gettext honours in any locale but C), the
 * translations of the build tree (HD_LOCALEDIR), GTK, and the system's icons.
 */
void
hd_test_ui_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("HD_LOCALEDIR");

  /* A subprocess (g_test_trap_subprocess()) inherits the isolated folders: the parent's
   * system folders come to it in HD_TEST_SYSTEM_DATA_DIRS */
  system_data_dirs = g_strdup (g_getenv ("HD_TEST_SYSTEM_DATA_DIRS"));
  if (system_data_dirs == NULL)
    system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  if (system_data_dirs == NULL || *system_data_dirs == '\0')
    {
      g_free (system_data_dirs);
      system_data_dirs = g_strdup ("/usr/local/share:/usr/share");
    }
  g_setenv ("HD_TEST_SYSTEM_DATA_DIRS", system_data_dirs, TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (setlocale (LC_ALL, "") == NULL || g_str_has_prefix (setlocale (LC_ALL, NULL), "C"))
    {
      g_test_message ("ru_RU.UTF-8 is not available; using C.UTF-8 with LANGUAGE=ru");
      g_setenv ("LANGUAGE", "ru", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The locale is set; GTK must not reset it */
  gtk_disable_setlocale ();
  gtk_init ();
  add_icon_paths ();
}

/* The first visible toplevel window of @type, or %NULL */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Renders @widget as it is on screen into HD_SCREENSHOT_DIR/@name.png (nothing without it) */
void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("HD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  /* a frame, then a moment for what it started (a spinner, an animation) to settle */
  gtk_test_widget_wait_for_draw (widget);
  wait_ms (100);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  file_name = g_str_has_suffix (name, ".png") ? g_strdup (name) : g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Sets the gboolean at @user_data: a timeout that ends a wait */
gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE; fails, naming @what, after 30 seconds (the
 * sanitized build under load is slow, a healthy wait takes well under a second) */
void
wait_until (gboolean  (*done) (gpointer),
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds */
void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget of @type in the tree below @root (depth first), or NULL */
GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The database file of a test that starts the whole application, in its isolated data folder */
char *
db_path (void)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), "helpdesk.db", NULL);
}

HdWindow *
find_main_window (HdApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (HD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* For wait_until(): the application (@data) has opened its database */
gboolean
database_ready (gpointer data)
{
  HdApplication *app = data;
  HdContext *context = hd_application_get_context (app);

  return !hd_application_is_opening (app) && context != NULL &&
         hd_context_get_database (context) != NULL;
}

/* Activates "group.name" or "group.name(target)" on @widget, as a menu item or button does */
void
activate_detailed (GtkWidget  *widget,
                   const char *detailed_action)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_action_parse_detailed_name (detailed_action, &name, &target, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (widget, name, target));
}

/* For wait_until(): no visible toplevel of the GType in @data is left */
gboolean
window_gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* A mapped button labelled @label under @root, or %NULL */
GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  /* the button's own label, or a label of ours inside it (one that wraps) */
  if (GTK_IS_BUTTON (root) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 ||
       (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))) &&
        g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))), label) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}
