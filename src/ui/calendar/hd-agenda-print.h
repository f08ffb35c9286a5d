/* hd-agenda-print.h — printing the calendar's agenda of a day or a week, and saving it as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-agenda-report.h"

G_BEGIN_DECLS

void     hd_agenda_print_activate           (GtkWidget            *view,
                                             HdDatabase           *db,
                                             HdWorkdays           *workdays,
                                             const GDate          *day,
                                             const char           *action_name,
                                             GVariant             *parameter);

void     hd_agenda_print_export_pdf_async   (GtkWidget            *view,
                                             HdAgendaReport       *report,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean hd_agenda_print_export_pdf_finish  (GtkWidget            *view,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
