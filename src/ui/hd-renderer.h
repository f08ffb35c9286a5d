/* hd-renderer.h — GTK's cairo renderer where OpenGL would be drawn by the processor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    hd_renderer_gl_is_software (const char *gl_renderer);
const char *hd_renderer_choose         (GdkDisplay *display);

G_END_DECLS
