/* hd-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include "hd-report-text.h"

/**
 * hd_report_create_layout:
 * @cr: where the text goes; user units are points (1/72 inch) on paper, pixels on screen
 * @family: (nullable): font family, %HD_REPORT_FONT_FAMILY when %NULL
 * @size_pt: font size in user units
 *
 * A PangoLayout whose sizes are in @cr's user units whatever the surface: PangoCairo assumes
 * 96 dpi, which makes text on a PDF surface 4/3 too large, so the resolution is pinned to 72
 * and the size given absolutely. Glyph positions are not rounded, which would garble spacing
 * when the user unit is large.
 */
PangoLayout *
hd_report_create_layout (cairo_t    *cr,
                         const char *family,
                         double      size_pt,
                         PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_font_description_set_family (desc, family != NULL ? family : HD_REPORT_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_context_changed (layout);
  return layout;
}
