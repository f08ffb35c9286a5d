/* hd-text.h — text rules shared by the stores: search keys, e-mail and phone formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *hd_text_normalize        (const char  *text);
char     *hd_text_fts_query        (const char  *text);
gboolean  hd_text_is_valid_email   (const char  *text);
gboolean  hd_text_is_valid_phone   (const char  *text);
char     *hd_text_strip            (const char  *text);
gboolean  hd_text_check            (const char  *text,
                                    const char  *field,
                                    const char  *field_label,
                                    gboolean     required,
                                    guint        max_chars,
                                    GError     **error);

G_END_DECLS
