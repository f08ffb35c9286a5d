/* hd-signoff-sheet.c — the training sign-off sheet («лист инструктажа») of a new employee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page that the new employee and the consultant sign after the training: who, which post,
 * the dates, what the training covered (ticked boxes), and two signature lines. The same
 * function draws the printed page (GtkPrintOperation, in points) and the PDF.
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "hd-error.h"
#include "hd-newcomer.h"
#include "hd-report-text.h"
#include "hd-signoff-sheet.h"

#define MARGIN      56.7   /* 20 mm */
#define BOX         10.0
#define HAIRLINE    0.6

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date on the sign-off sheet, see strftime; %B is the genitive month in ru */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

/* Draws @text at (@x, @y) within @width; returns its height */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           PangoWeight weight,
           PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = hd_report_create_layout (cr, NULL, size, weight);
  int h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* A "label: value" line; an empty value leaves a line to fill in by hand */
static double
draw_field (cairo_t    *cr,
            const char *label,
            const char *value,
            double      x,
            double      y,
            double      width)
{
  g_autoptr(PangoLayout) layout = hd_report_create_layout (cr, NULL, 11, PANGO_WEIGHT_NORMAL);
  int label_w, label_h;
  double value_x, h;

  pango_layout_set_text (layout, label, -1);
  pango_layout_get_size (layout, &label_w, &label_h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  value_x = x + (double) label_w / PANGO_SCALE + 6;
  h = (double) label_h / PANGO_SCALE;

  if (value != NULL && *value != '\0')
    h = MAX (h, draw_text (cr, value, value_x, y, x + width - value_x, 11, PANGO_WEIGHT_BOLD,
                           PANGO_ALIGN_LEFT));
  else
    {
      cairo_set_line_width (cr, HAIRLINE);
      cairo_move_to (cr, value_x, y + h);
      cairo_line_to (cr, x + width, y + h);
      cairo_stroke (cr);
    }
  return h;
}

static void
draw_box (cairo_t  *cr,
          double    x,
          double    y,
          gboolean  ticked)
{
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, BOX, BOX);
  cairo_stroke (cr);
  if (ticked)
    {
      /* a tick, which reads on any printer */
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, x + 2, y + BOX * 0.55);
      cairo_line_to (cr, x + BOX * 0.42, y + BOX - 2);
      cairo_line_to (cr, x + BOX - 1.5, y + 1.5);
      cairo_stroke (cr);
    }
}

static double
draw_signature (cairo_t    *cr,
                const char *who,
                const char *name,
                double      x,
                double      y,
                double      width)
{
  double line_y, col = width * 0.42;
  double h;

  h = draw_text (cr, who, x, y, width, 11, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT);
  line_y = y + h + 28;
  cairo_set_line_width (cr, HAIRLINE);
  cairo_move_to (cr, x, line_y);
  cairo_line_to (cr, x + col - 12, line_y);
  cairo_move_to (cr, x + col, line_y);
  cairo_line_to (cr, x + width * 0.78 - 12, line_y);
  cairo_move_to (cr, x + width * 0.78, line_y);
  cairo_line_to (cr, x + width, line_y);
  cairo_stroke (cr);

  if (name != NULL && *name != '\0')
    draw_text (cr, name, x, line_y - 16, col - 12, 10, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT);
  /* Translators: captions under the signature lines of the sign-off sheet */
  draw_text (cr, C_("signature line", "full name"), x, line_y + 2, col - 12, 8,
             PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER);
  draw_text (cr, C_("signature line", "signature"), x + col, line_y + 2, width * 0.78 - col - 12, 8,
             PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER);
  draw_text (cr, C_("signature line", "date"), x + width * 0.78, line_y + 2, width * 0.22, 8,
             PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER);
  return line_y + 14 - y;
}

/**
 * hd_signoff_sheet_draw:
 * @sheet: what the sheet says
 * @cr: where to draw; user units are points, the origin is the page's top left corner
 * @width: the page's width in points (%HD_SIGNOFF_SHEET_WIDTH for A4)
 * @height: the page's height in points
 *
 * Draws the whole page, margins included, in black on white.
 */
void
hd_signoff_sheet_draw (const HdSignoffSheet *sheet,
                       cairo_t              *cr,
                       double                width,
                       double                height)
{
  g_autofree char *started = NULL;
  g_autofree char *due = NULL;
  g_autofree char *trained = NULL;
  double x = MARGIN, y = MARGIN, w;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (cr != NULL);

  w = width - 2 * MARGIN;
  started = format_date (&sheet->started_on);
  due = format_date (&sheet->due_on);
  trained = format_date (&sheet->trained_on);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (sheet->school_name != NULL && *sheet->school_name != '\0')
    y += draw_text (cr, sheet->school_name, x, y, w, 11, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER) + 28;

  y += draw_text (cr, _("Training Sign-Off Sheet"), x, y, w, 18, PANGO_WEIGHT_BOLD,
                  PANGO_ALIGN_CENTER) + 4;
  y += draw_text (cr, _("on working with the electronic journal “Dnevnik.ru”"), x, y, w, 11,
                  PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER) + 24;

  y += draw_field (cr, _("Employee:"), sheet->employee_name, x, y, w) + 10;
  y += draw_field (cr, _("Position:"), sheet->position, x, y, w) + 10;
  y += draw_field (cr, _("Took up the post on:"), started, x, y, w) + 10;
  y += draw_field (cr, _("To be trained by:"), due, x, y, w) + 10;
  y += draw_field (cr, _("Trained on:"), trained, x, y, w) + 24;

  y += draw_text (cr, _("The training covered:"), x, y, w, 12, PANGO_WEIGHT_BOLD,
                  PANGO_ALIGN_LEFT) + 10;
  for (HdChecklistItem item = 0; item < HD_N_CHECKLIST_ITEMS; item++)
    {
      gboolean ticked = (sheet->checklist & HD_CHECKLIST_BIT (item)) != 0;
      g_autofree char *text = NULL;
      double h;

      if (sheet->mandatory & HD_CHECKLIST_BIT (item))
        /* Translators: a checklist item on the sign-off sheet that the school requires */
        text = g_strdup_printf (_("%s (required)"), hd_checklist_item_label (item));
      else
        text = g_strdup (hd_checklist_item_label (item));
      draw_box (cr, x + 4, y + 2, ticked);
      h = draw_text (cr, text, x + 4 + BOX + 10, y, w - BOX - 14, 11, PANGO_WEIGHT_NORMAL,
                     PANGO_ALIGN_LEFT);
      y += MAX (h, BOX + 2) + 8;
    }

  y += 16;
  y += draw_text (cr, _("The employee has been trained to work with the electronic journal and "
                        "knows where to ask for help."),
                  x, y, w, 10, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT) + 32;

  y += draw_signature (cr, _("New employee"), sheet->employee_name, x, y, w) + 28;
  draw_signature (cr, _("Consultant who gave the training"), sheet->trainer, x, y, w);

  cairo_restore (cr);
}

/**
 * hd_signoff_sheet_write_pdf:
 * @path: the PDF file to write (replaced)
 *
 * Writes the sheet as a one-page A4 PDF.
 */
gboolean
hd_signoff_sheet_write_pdf (const HdSignoffSheet  *sheet,
                            const char            *path,
                            GError               **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create (path, HD_SIGNOFF_SHEET_WIDTH, HD_SIGNOFF_SHEET_HEIGHT);
  cr = cairo_create (surface);
  hd_signoff_sheet_draw (sheet, cr, HD_SIGNOFF_SHEET_WIDTH, HD_SIGNOFF_SHEET_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   /* Translators: %s is a file name */
                   _("The sign-off sheet could not be saved to “%s”. Check that the folder exists "
                     "and that there is free space on the disk."), path);
      return FALSE;
    }
  return TRUE;
}
