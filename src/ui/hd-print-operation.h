/* hd-print-operation.h — printing a document of the report layer, with the last page setup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hd-database.h"

G_BEGIN_DECLS

/* How many pages @document takes on a page of @page_width × @page_height points */
typedef guint (*HdPrintCountFunc) (gpointer document,
                                   double   page_width,
                                   double   page_height);
/* Draws page @page (from 0) of @document on @cr, in points */
typedef void  (*HdPrintDrawFunc)  (gpointer  document,
                                   cairo_t  *cr,
                                   guint     page,
                                   double    page_width,
                                   double    page_height);

#define HD_PRINT_SETTING_PAGE_SETUP     "print-page-setup"
#define HD_PRINT_SETTING_PRINT_SETTINGS "print-settings"

#define HD_TYPE_PRINT_OPERATION (hd_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (HdPrintOperation, hd_print_operation, HD, PRINT_OPERATION, GtkPrintOperation)

HdPrintOperation *hd_print_operation_new (HdDatabase       *db,
                                          const char       *job_name,
                                          HdPrintCountFunc  count,
                                          HdPrintDrawFunc   draw,
                                          gpointer          document,
                                          GDestroyNotify    document_destroy);

G_END_DECLS
