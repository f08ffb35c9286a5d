/* hd-renderer.c — GTK's cairo renderer where OpenGL would be drawn by the processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 draws every window with OpenGL whenever the display offers it, even when that
 * OpenGL is Mesa's software rasterizer (llvmpipe: the processor pretending to be a graphics
 * card), which is what a school computer without a working graphics driver, a virtual machine
 * or a remote desktop gets. There GTK's cairo renderer draws the journal sooner and holds less:
 * on 1 000 000 requests under Xvfb, opening the journal took 58–85 ms to the first rows drawn
 * with llvmpipe and 36 ms with cairo, and the app held 38 MB more (tests/bench/bench-journal.sh).
 * GTK itself makes the same choice from 4.14 on, so this only acts on older GTK.
 *
 * The choice is the display's "gsk-renderer" data, which gsk_renderer_new_for_surface()
 * consults before anything else (GTK's inspector sets it the same way for its own display);
 * it must be made before the first window is realized. GSK_RENDERER in the environment is the
 * user's own choice and always wins.
 */
#define G_LOG_DOMAIN "hd-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "hd-renderer.h"

/* What Mesa's software rasterizers call themselves in GL_RENDERER, e.g. «llvmpipe (LLVM 15.0.6,
 * 256 bits)», «softpipe», «Software Rasterizer» (the classic swrast) */
static const char * const software_renderers[] = {
  "llvmpipe",
  "softpipe",
  "swrast",
  "software rasterizer",
};

/**
 * hd_renderer_gl_is_software:
 * @gl_renderer: (nullable): the GL_RENDERER string of an OpenGL context
 *
 * Returns: whether @gl_renderer names a software rasterizer rather than a graphics card
 */
gboolean
hd_renderer_gl_is_software (const char *gl_renderer)
{
  g_autofree char *folded = NULL;

  if (gl_renderer == NULL)
    return FALSE;

  folded = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software_renderers); i++)
    if (strstr (folded, software_renderers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The GL_RENDERER of a context made on @display, or NULL if it has no OpenGL */
static char *
query_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *renderer;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL on this display (%s): GTK draws with cairo", error->message);
      return NULL;
    }

  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return renderer;
}

/**
 * hd_renderer_choose:
 * @display: the display the windows will be on, before any of them is realized
 *
 * Has the windows of @display drawn by GTK's cairo renderer when its OpenGL is a software
 * rasterizer, unless GSK_RENDERER says otherwise or the GTK in use decides so itself.
 *
 * Returns: (nullable): "cairo" if it chose the cairo renderer, NULL if it left GTK's choice
 */
const char *
hd_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL
      || g_object_get_data (G_OBJECT (display), "gsk-renderer") != NULL)
    return NULL;
  /* GTK 4.14 leaves llvmpipe for cairo itself ("gsk: Don't use gpu renderers with llvmpipe") */
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 14)
    return NULL;

  gl_renderer = query_gl_renderer (display);
  if (!hd_renderer_gl_is_software (gl_renderer))
    return NULL;

  g_debug ("OpenGL here is “%s”, a software rasterizer: drawing with cairo", gl_renderer);
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
  return "cairo";
}
