/* hd-templates-page.h — the preferences page of answer templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hd-context.h"

G_BEGIN_DECLS

#define HD_TYPE_TEMPLATES_PAGE (hd_templates_page_get_type ())
G_DECLARE_FINAL_TYPE (HdTemplatesPage, hd_templates_page, HD, TEMPLATES_PAGE, AdwPreferencesPage)

GtkWidget *hd_templates_page_new       (HdContext       *context);
void       hd_templates_page_reload    (HdTemplatesPage *self);
GtkWindow *hd_templates_page_edit      (HdTemplatesPage *self,
                                        gint64           id,
                                        int              topic);
gboolean   hd_templates_page_delete    (HdTemplatesPage *self,
                                        gint64           id);
guint      hd_templates_page_get_n_rows (HdTemplatesPage *self,
                                        int              topic);

G_END_DECLS
