/* hd-application.h — the GNOME application: one window, one database, one context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_APPLICATION (hd_application_get_type ())
G_DECLARE_FINAL_TYPE (HdApplication, hd_application, HD, APPLICATION, AdwApplication)

HdApplication *hd_application_new               (const char    *database_path);
HdContext     *hd_application_get_context       (HdApplication *self);
const char    *hd_application_get_database_path (HdApplication *self);
gboolean       hd_application_is_opening        (HdApplication *self);

G_END_DECLS
