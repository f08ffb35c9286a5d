/* hd-report-text.h — text on any cairo surface, at the surface's real resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The font family used on paper and in PDFs: present on Debian and in the GNOME runtime. */
#define HD_REPORT_FONT_FAMILY "DejaVu Sans"

PangoLayout *hd_report_create_layout (cairo_t    *cr,
                                      const char *family,
                                      double      size_pt,
                                      PangoWeight weight);

G_END_DECLS
