/* hd-preferences-window.h — the school's preferences, stored in its database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_PREFERENCES_WINDOW (hd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HdPreferencesWindow, hd_preferences_window, HD, PREFERENCES_WINDOW, AdwPreferencesWindow)

HdPreferencesWindow *hd_preferences_window_new   (HdContext           *context);
gboolean             hd_preferences_window_flush (HdPreferencesWindow *self);

G_END_DECLS
