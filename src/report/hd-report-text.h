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

double       hd_report_draw_text     (cairo_t        *cr,
                                      const char     *text,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          size_pt,
                                      PangoWeight     weight,
                                      PangoStyle      style,
                                      PangoAlignment  align,
                                      gboolean        draw);
void         hd_report_draw_footer   (cairo_t        *cr,
                                      const char     *caption,
                                      guint           page,
                                      guint           n_pages,
                                      double          x,
                                      double          y,
                                      double          width,
                                      double          size_pt);

/**
 * HdReportPageFunc:
 * @user_data: the data given with the function
 * @cr: the page; user units are points
 * @page: the page, from 0
 * @page_width: in points
 * @page_height: in points
 *
 * Draws one page of a document.
 */
typedef void (*HdReportPageFunc) (gpointer  user_data,
                                  cairo_t  *cr,
                                  guint     page,
                                  double    page_width,
                                  double    page_height);

gboolean     hd_report_write_pdf_pages (const char       *path,
                                        const char       *title,
                                        guint             n_pages,
                                        double            page_width,
                                        double            page_height,
                                        HdReportPageFunc  draw_page,
                                        gpointer          user_data,
                                        GError          **error);

G_END_DECLS
