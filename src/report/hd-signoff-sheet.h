/* hd-signoff-sheet.h — the training sign-off sheet («лист инструктажа») of a new employee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points */
#define HD_SIGNOFF_SHEET_WIDTH  595.276
#define HD_SIGNOFF_SHEET_HEIGHT 841.89

/**
 * HdSignoffSheet:
 * @school_name: the school, as the settings have it
 * @employee_name: the new employee's full name
 * @position: (nullable): the post
 * @started_on: the day the employee took up the post
 * @due_on: the last day of the training term (may be cleared)
 * @trained_on: the day of the training, or a cleared date for a blank to fill in by hand
 * @trainer: (nullable): who trained the employee (the consultant)
 * @checklist: the items covered, a mask of `1 << HdChecklistItem`
 * @mandatory: the items the school requires, marked on the sheet
 *
 * Plain data: the sheet is drawn from this, never from the database.
 */
typedef struct {
  const char *school_name;
  const char *employee_name;
  const char *position;
  GDate       started_on;
  GDate       due_on;
  GDate       trained_on;
  const char *trainer;
  guint       checklist;
  guint       mandatory;
} HdSignoffSheet;

void     hd_signoff_sheet_draw      (const HdSignoffSheet  *sheet,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height);
gboolean hd_signoff_sheet_write_pdf (const HdSignoffSheet  *sheet,
                                     const char            *path,
                                     GError               **error);

G_END_DECLS
