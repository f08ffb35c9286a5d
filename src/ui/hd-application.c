/* hd-application.c — placeholder until the shell lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-application.h"

struct _HdApplication
{
  AdwApplication parent_instance;
  char *database_path;
};

G_DEFINE_FINAL_TYPE (HdApplication, hd_application, ADW_TYPE_APPLICATION)

static void
hd_application_activate (GApplication *app)
{
  GtkWidget *win = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (win), _("School Helpdesk"));
  gtk_window_present (GTK_WINDOW (win));
}

static void
hd_application_finalize (GObject *object)
{
  HdApplication *self = HD_APPLICATION (object);
  g_free (self->database_path);
  G_OBJECT_CLASS (hd_application_parent_class)->finalize (object);
}

static void
hd_application_class_init (HdApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = hd_application_activate;
}

static void
hd_application_init (HdApplication *self)
{
}

HdApplication *
hd_application_new (const char *database_path)
{
  HdApplication *self = g_object_new (HD_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_DEFAULT_FLAGS,
                                      "resource-base-path", "/io/github/schoolhelpdesk/SchoolHelpdesk",
                                      NULL);
  self->database_path = g_strdup (database_path);
  return self;
}
