/* hd-print-preview.h — the report's pages on screen before they go to paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-report-text.h"
#include "hd-report.h"

G_BEGIN_DECLS

#define HD_TYPE_PRINT_PREVIEW (hd_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (HdPrintPreview, hd_print_preview, HD, PRINT_PREVIEW, AdwWindow)

HdPrintPreview *hd_print_preview_new          (GtkWindow      *parent,
                                               HdReport       *report);
HdPrintPreview *hd_print_preview_new_for_pages (GtkWindow        *parent,
                                                guint             n_pages,
                                                HdReportPageFunc  draw_page,
                                                gpointer          user_data,
                                                GDestroyNotify    destroy);
void            hd_print_preview_set_print_action (HdPrintPreview *self,
                                                   const char     *action_name,
                                                   GVariant       *target);
guint           hd_print_preview_get_page     (HdPrintPreview *self);
guint           hd_print_preview_get_n_pages  (HdPrintPreview *self);
void            hd_print_preview_set_page     (HdPrintPreview *self,
                                               guint           page);
const char     *hd_print_preview_get_page_text (HdPrintPreview *self);

G_END_DECLS
