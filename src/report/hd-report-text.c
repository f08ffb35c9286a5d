/* hd-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hd-error.h"

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

/**
 * hd_report_draw_text:
 * @cr: where the text goes
 * @text: the text, wrapped at words (or inside a word too long for a line)
 * @x: left edge of the box
 * @y: top edge of the box
 * @width: width of the box
 * @size_pt: font size in user units
 * @style: normal or italic
 * @align: alignment of the lines inside the box
 * @draw: %FALSE to measure only
 *
 * Lays out @text in @width and, when @draw, paints it at (@x, @y) in the current source.
 * Measuring and drawing through one function keeps a paginator's heights equal to what is
 * printed.
 *
 * Returns: the height of the text
 */
double
hd_report_draw_text (cairo_t        *cr,
                     const char     *text,
                     double          x,
                     double          y,
                     double          width,
                     double          size_pt,
                     PangoWeight     weight,
                     PangoStyle      style,
                     PangoAlignment  align,
                     gboolean        draw)
{
  PangoLayout *layout;
  int h;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  layout = hd_report_create_layout (cr, NULL, size_pt, weight);
  if (style != PANGO_STYLE_NORMAL)
    {
      PangoFontDescription *desc = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_style (desc, style);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, NULL, &h);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

/**
 * hd_report_draw_footer:
 * @cr: the page
 * @caption: (nullable): what the document is, on the left
 * @page: the page, from 0
 * @n_pages: how many pages the document has
 * @x: left edge of the text area
 * @y: top of the footer's text; a grey rule goes just above it
 * @width: width of the text area
 * @size_pt: font size
 *
 * The footer of every printed page: a rule, the caption, and «Страница N из M» on the right.
 */
void
hd_report_draw_footer (cairo_t    *cr,
                       const char *caption,
                       guint       page,
                       guint       n_pages,
                       double      x,
                       double      y,
                       double      width,
                       double      size_pt)
{
  g_autofree char *number = NULL;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y - 4);
  cairo_line_to (cr, x + width, y - 4);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  /* Translators: the page footer of a report: the page's number and the number of pages */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  if (caption != NULL)
    hd_report_draw_text (cr, caption, x, y, width * 0.6, size_pt, PANGO_WEIGHT_NORMAL,
                         PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, TRUE);
  hd_report_draw_text (cr, number, x, y, width, size_pt, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                       PANGO_ALIGN_RIGHT, TRUE);
  cairo_restore (cr);
}

/**
 * hd_report_write_pdf_pages:
 * @path: the PDF file to write (replaced only when the new one is complete)
 * @title: (nullable): the document's title in the PDF's metadata
 * @n_pages: how many pages to draw
 * @page_width: in points
 * @page_height: in points
 * @draw_page: (scope call): draws each page
 * @error: return location for an error
 *
 * Writes a PDF with its fonts embedded. The file is written next to @path and renamed, so a
 * failure never leaves half a PDF behind. Safe in a worker thread when @draw_page is.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_report_write_pdf_pages (const char        *path,
                           const char        *title,
                           guint              n_pages,
                           double             page_width,
                           double             page_height,
                           HdReportPageFunc   draw_page,
                           gpointer           user_data,
                           GError           **error)
{
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, HD_ERROR, saved == ENOSPC ? HD_ERROR_DISK_FULL : HD_ERROR_IO,
                   /* Translators: %s is a file name, the second %s the system's reason */
                   _("The PDF file could not be saved to “%s”: %s. Choose a folder you can "
                     "write to."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  surface = cairo_pdf_surface_create (tmp_path, page_width, page_height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "School Helpdesk");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (user_data, cr, page, page_width, page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, HD_ERROR, status == CAIRO_STATUS_SUCCESS && saved == ENOSPC ?
                                    HD_ERROR_DISK_FULL : HD_ERROR_IO,
                   /* Translators: %s is a file name */
                   _("The PDF file could not be saved to “%s”. Check that there is free space "
                     "on the disk and try again."), path);
      return FALSE;
    }
  return TRUE;
}
