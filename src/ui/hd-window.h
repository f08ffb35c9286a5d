/* hd-window.h — the main window: a header bar and the stack of four views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_WINDOW (hd_window_get_type ())
G_DECLARE_FINAL_TYPE (HdWindow, hd_window, HD, WINDOW, AdwApplicationWindow)

HdWindow   *hd_window_new                (GtkApplication *application,
                                          HdContext      *context);
HdContext  *hd_window_get_context        (HdWindow       *self);
const char *hd_window_get_visible_view   (HdWindow       *self);
void        hd_window_set_visible_view   (HdWindow       *self,
                                          const char     *name);
void        hd_window_show_loading       (HdWindow       *self);
void        hd_window_show_error         (HdWindow       *self,
                                          const GError   *error);
void        hd_window_add_toast          (HdWindow       *self,
                                          AdwToast       *toast);

G_END_DECLS
