/* hd-related-picker.h — the request editor's field for a related earlier request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_RELATED_PICKER (hd_related_picker_get_type ())
G_DECLARE_FINAL_TYPE (HdRelatedPicker, hd_related_picker, HD, RELATED_PICKER, GtkWidget)

GtkWidget *hd_related_picker_new             (HdContext       *context);
GtkWidget *hd_related_picker_get_entry       (HdRelatedPicker *self);
void       hd_related_picker_set_exclude_id  (HdRelatedPicker *self,
                                              gint64           id);
gint64     hd_related_picker_get_chosen_id   (HdRelatedPicker *self);
const char *hd_related_picker_get_chosen_text (HdRelatedPicker *self);
void       hd_related_picker_choose          (HdRelatedPicker *self,
                                              gint64           id);
void       hd_related_picker_clear           (HdRelatedPicker *self);
void       hd_related_picker_search          (HdRelatedPicker *self,
                                              const char      *text);
guint      hd_related_picker_get_n_results   (HdRelatedPicker *self);
gint64     hd_related_picker_get_result_id   (HdRelatedPicker *self,
                                              guint            index);

G_END_DECLS
