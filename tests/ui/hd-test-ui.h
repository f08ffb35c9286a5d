/* hd-test-ui.h — what the GUI tests share: set-up in Russian, waiting on the main loop,
 * finding widgets and windows, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hd-application.h"
#include "hd-window.h"

G_BEGIN_DECLS

void       hd_test_ui_init (int        *argc,
                            char     ***argv);
GtkWindow *find_toplevel   (GType       type);
void       save_screenshot (GtkWidget  *widget,
                            const char *name);

gboolean   timeout_cb  (gpointer    user_data);
void       wait_until  (gboolean  (*done) (gpointer),
                        gpointer    data,
                        const char *what);
void       wait_ms     (guint       ms);
GtkWidget *find_widget (GtkWidget  *root,
                        GType       type);

/* Tests that start the whole application */
char          *db_path           (void);
HdWindow      *find_main_window  (HdApplication *app);
gboolean       database_ready    (gpointer       data);
void           activate_detailed (GtkWidget     *widget,
                                  const char    *detailed_action);
gboolean       window_gone       (gpointer       data);
GtkWidget     *find_button       (GtkWidget     *root,
                                  const char    *label);

G_END_DECLS
