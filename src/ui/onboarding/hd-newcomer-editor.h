/* hd-newcomer-editor.h — the window to add a new employee or record their training
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-newcomer.h"

G_BEGIN_DECLS

#define HD_TYPE_NEWCOMER_EDITOR (hd_newcomer_editor_get_type ())
G_DECLARE_FINAL_TYPE (HdNewcomerEditor, hd_newcomer_editor, HD, NEWCOMER_EDITOR, AdwWindow)

HdNewcomerEditor *hd_newcomer_editor_new              (HdContext         *context,
                                                       gint64             id);
gint64            hd_newcomer_editor_get_newcomer_id  (HdNewcomerEditor  *self);
gboolean          hd_newcomer_editor_choose_person    (HdNewcomerEditor  *self,
                                                       gint64             person_id);
void              hd_newcomer_editor_set_started_on   (HdNewcomerEditor  *self,
                                                       const GDate       *day);
void              hd_newcomer_editor_set_trained_on   (HdNewcomerEditor  *self,
                                                       const GDate       *day);
void              hd_newcomer_editor_set_item_done    (HdNewcomerEditor  *self,
                                                       HdChecklistItem    item,
                                                       gboolean           done);
GtkWidget        *hd_newcomer_editor_get_field_widget (HdNewcomerEditor  *self,
                                                       const char        *field);
const char       *hd_newcomer_editor_get_field_error  (HdNewcomerEditor  *self,
                                                       const char        *field);
gboolean          hd_newcomer_editor_save             (HdNewcomerEditor  *self);
gboolean          hd_newcomer_editor_export_sheet     (HdNewcomerEditor  *self,
                                                       const char        *path,
                                                       GError           **error);

G_END_DECLS
