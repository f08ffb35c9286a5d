/* test-renderer.c — the cairo renderer where OpenGL is drawn by the processor (hd-renderer.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK reads GSK_RENDERER once, when the first window is realized, so each case that makes a
 * window runs in a subprocess of its own with the environment set for it. Under Xvfb OpenGL
 * is Mesa's llvmpipe, so the choice is exercised for real.
 */
#include "config.h"

#include <epoxy/gl.h>

#include "hd-renderer.h"
#include "hd-test-ui.h"

static void
test_names (void)
{
  const struct { const char *name; gboolean software; } cases[] = {
    { "llvmpipe (LLVM 15.0.6, 256 bits)", TRUE },
    { "LLVMPIPE", TRUE },
    { "softpipe", TRUE },
    { "Software Rasterizer", TRUE },
    { "Mesa swrast", TRUE },
    { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", FALSE },
    /* a real card whose driver is compiled by LLVM */
    { "AMD Radeon RX 580 Series (radeonsi, polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", FALSE },
    /* a virtual machine's card, drawn by the host's graphics card */
    { "virgl (Intel(R) UHD Graphics 620 (KBL GT2))", FALSE },
    { "SVGA3D; build: RELEASE;  LLVM;", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].name);
      g_assert_cmpint (hd_renderer_gl_is_software (cases[i].name), ==, cases[i].software);
    }
}

/* What this display's OpenGL is, asked independently of hd-renderer.c; NULL without OpenGL */
static char *
display_gl_renderer (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  context = gdk_display_create_gl_context (gdk_display_get_default (), &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    return NULL;
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

static gboolean
window_realized (gpointer data)
{
  HdWindow *window = find_main_window (data);

  return window != NULL && gtk_widget_get_realized (GTK_WIDGET (window));
}

/* The application's main window's renderer, as its type name */
static char *
app_renderer (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(HdApplication) app = hd_application_new (path);
  char *renderer = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  wait_until (window_realized, app, "the window to be realized");
  wait_until (database_ready, app, "the database to open");

  {
    GtkNative *native = GTK_NATIVE (find_main_window (app));

    gtk_test_widget_wait_for_draw (GTK_WIDGET (native));
    renderer = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (native)));
    save_screenshot (GTK_WIDGET (native), "renderer-chosen");
    gtk_window_destroy (GTK_WINDOW (native));
  }
  g_application_quit (G_APPLICATION (app));
  return renderer;
}

/* No GSK_RENDERER: cairo on a software rasterizer, GTK's own choice on a graphics card */
static void
test_default (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl = display_gl_renderer ();
      g_autofree char *renderer = NULL;

      g_assert_null (g_getenv ("GSK_RENDERER"));
      g_test_message ("OpenGL here: %s", gl != NULL ? gl : "none");
      renderer = app_renderer ();
      g_test_message ("the window is drawn by %s", renderer);
      if (gl == NULL || hd_renderer_gl_is_software (gl) || gtk_get_minor_version () >= 14)
        g_assert_cmpstr (renderer, ==, "GskCairoRenderer");
      else
        g_assert_cmpstr (renderer, !=, "GskCairoRenderer");
      return;
    }

  g_unsetenv ("GSK_RENDERER");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

/* GSK_RENDERER is the user's choice: OpenGL even on llvmpipe */
static void
test_environment_wins (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *gl = display_gl_renderer ();
      g_autofree char *renderer = NULL;

      if (gl == NULL)
        {
          g_test_skip ("This display has no OpenGL");
          return;
        }
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_null (hd_renderer_choose (gdk_display_get_default ()));
      renderer = app_renderer ();
      g_assert_cmpstr (renderer, ==, "GskGLRenderer");
      return;
    }

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR | G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/renderer/names", test_names);
  g_test_add_func ("/ui/renderer/default", test_default);
  g_test_add_func ("/ui/renderer/environment-wins", test_environment_wins);

  return g_test_run ();
}
