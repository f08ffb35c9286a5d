/* hd-settings-keys.h — the keys of the settings table and their defaults, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school's preferences live in the database (table `settings`), so they travel with its
 * data. The defaults are the school's own details, not words of the interface, so they are
 * not translated.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HD_SETTING_SCHOOL_NAME        "school-name"
#define HD_SETTING_CONSULTANT_NAME    "consultant-name"
#define HD_SETTING_SUPPORT_PHONE      "support-phone"
#define HD_SETTING_SUPPORT_EMAIL      "support-email"
#define HD_SETTING_DEADLINE_DAYS      "deadline-days"

#define HD_DEFAULT_SCHOOL_NAME        "МОАУ СОШ № 1 г. Шимановска"
#define HD_DEFAULT_CONSULTANT_NAME    ""
#define HD_DEFAULT_SUPPORT_PHONE      "8 (41651) 2-00-77"
#define HD_DEFAULT_SUPPORT_EMAIL      "shkola1_shim@mail.ru"

/* Working days a new employee has to be trained in (the regulation says 3) */
#define HD_DEFAULT_DEADLINE_DAYS      3
#define HD_MIN_DEADLINE_DAYS          1
#define HD_MAX_DEADLINE_DAYS          10

G_END_DECLS
