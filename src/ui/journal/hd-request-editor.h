/* hd-request-editor.h — the window to register a request or work on one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"
#include "hd-terms.h"

G_BEGIN_DECLS

#define HD_TYPE_REQUEST_EDITOR (hd_request_editor_get_type ())
G_DECLARE_FINAL_TYPE (HdRequestEditor, hd_request_editor, HD, REQUEST_EDITOR, AdwWindow)

HdRequestEditor *hd_request_editor_new              (HdContext       *context,
                                                     HdTerms         *terms,
                                                     gint64           id);
gint64           hd_request_editor_get_request_id   (HdRequestEditor *self);
gboolean         hd_request_editor_is_dirty         (HdRequestEditor *self);
GtkWidget       *hd_request_editor_get_field_widget (HdRequestEditor *self,
                                                     const char      *field);
const char      *hd_request_editor_get_field_error  (HdRequestEditor *self,
                                                     const char      *field);
gboolean         hd_request_editor_get_field_visible (HdRequestEditor *self,
                                                     const char      *field);
gboolean         hd_request_editor_choose_person    (HdRequestEditor *self,
                                                     gint64           person_id);
void             hd_request_editor_create_person    (HdRequestEditor *self);
gboolean         hd_request_editor_get_repeat_shown (HdRequestEditor *self);
gboolean         hd_request_editor_save             (HdRequestEditor *self);

G_END_DECLS
