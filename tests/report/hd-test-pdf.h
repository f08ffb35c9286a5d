/* hd-test-pdf.h — what the report tests share: the production calendar, and reading PDFs
 * back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hd-workdays.h"

G_BEGIN_DECLS

HdWorkdays *open_workdays (void);
char       *run_tool      (const char * const *argv);
char       *pdf_text      (const char         *path,
                           int                 page);
guint       count_of      (const char         *haystack,
                           const char         *needle);

G_END_DECLS
