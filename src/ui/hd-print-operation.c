/* hd-print-operation.c — printing a document of the report layer, with the last page setup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document the app prints (the monthly report, the consultant's agenda) is drawn by the
 * report layer in points on a page it lays out itself, so every print runs the same way:
 * points, not millimetres (Pango rounds glyph positions to user units, PLATFORM-NOTES §4.3),
 * the full page (the documents draw their own margins), the page setup in the dialog, and
 * asynchronous where the platform allows. The next print starts where the last one left off,
 * whichever document it was: the page setup and the print settings of the last print are kept
 * as key-file text in the school's database settings, so they survive a restart and travel
 * with the database to another computer. The first print of a database starts from A4.
 */
#define G_LOG_DOMAIN "hd-print-operation"

#include "config.h"

#include "hd-print-operation.h"

struct _HdPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned */
  HdDatabase        *db;            /* (nullable): where the setup is remembered */
  gpointer           document;
  GDestroyNotify     document_destroy;
  GtkPageSetup      *page_setup;    /* the one the pages were laid out on */

  /* Borrowed */
  HdPrintCountFunc   count;
  HdPrintDrawFunc    draw;
};

G_DEFINE_FINAL_TYPE (HdPrintOperation, hd_print_operation, GTK_TYPE_PRINT_OPERATION)

static GKeyFile *
load_key_file (HdDatabase *db,
               const char *key)
{
  g_autofree char *text = db != NULL ? hd_database_get_setting (db, key, NULL) : NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (text == NULL || *text == '\0' ||
      !g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL))
    return NULL;
  return g_steal_pointer (&file);
}

static void
save_key_file (HdDatabase *db,
               const char *key,
               GKeyFile   *file)
{
  g_autofree char *text = g_key_file_to_data (file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  /* Not worth a dialog: the print itself went through */
  if (!hd_database_set_setting (db, key, text, &error))
    g_warning ("The print setup was not remembered: %s", error->message);
}

static void
hd_print_operation_begin_print (GtkPrintOperation *op,
                                GtkPrintContext   *context)
{
  HdPrintOperation *self = HD_PRINT_OPERATION (op);

  g_set_object (&self->page_setup, gtk_print_context_get_page_setup (context));
  gtk_print_operation_set_n_pages (op, self->count (self->document,
                                                    gtk_print_context_get_width (context),
                                                    gtk_print_context_get_height (context)));
}

static void
hd_print_operation_draw_page (GtkPrintOperation *op,
                              GtkPrintContext   *context,
                              int                page)
{
  HdPrintOperation *self = HD_PRINT_OPERATION (op);

  self->draw (self->document, gtk_print_context_get_cairo_context (context), (guint) page,
              gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
hd_print_operation_done (GtkPrintOperation       *op,
                         GtkPrintOperationResult  result)
{
  HdPrintOperation *self = HD_PRINT_OPERATION (op);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && self->db != NULL)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);

      if (self->page_setup != NULL)
        {
          g_autoptr(GKeyFile) file = g_key_file_new ();

          gtk_page_setup_to_key_file (self->page_setup, file, NULL);
          save_key_file (self->db, HD_PRINT_SETTING_PAGE_SETUP, file);
        }
      if (settings != NULL)
        {
          g_autoptr(GKeyFile) file = g_key_file_new ();

          gtk_print_settings_to_key_file (settings, file, NULL);
          save_key_file (self->db, HD_PRINT_SETTING_PRINT_SETTINGS, file);
        }
    }

  if (GTK_PRINT_OPERATION_CLASS (hd_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (hd_print_operation_parent_class)->done (op, result);
}

static void
hd_print_operation_finalize (GObject *object)
{
  HdPrintOperation *self = HD_PRINT_OPERATION (object);

  if (self->document_destroy != NULL)
    self->document_destroy (self->document);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (hd_print_operation_parent_class)->finalize (object);
}

static void
hd_print_operation_class_init (HdPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = hd_print_operation_finalize;
  op_class->begin_print = hd_print_operation_begin_print;
  op_class->draw_page = hd_print_operation_draw_page;
  op_class->done = hd_print_operation_done;
}

static void
hd_print_operation_init (HdPrintOperation *self)
{
  GtkPrintOperation *op = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  gtk_print_operation_set_allow_async (op, TRUE);
}

/**
 * hd_print_operation_new:
 * @db: (nullable): the database whose settings remember the last page setup
 * @job_name: the name the print queue shows
 * @count: how many pages @document takes
 * @draw: draws one page of @document
 * @document: what is printed; the operation keeps it, whatever the view shows meanwhile
 * @document_destroy: (nullable): frees @document with the operation
 *
 * Returns: (transfer full): an operation ready for gtk_print_operation_run(), with the page
 *   setup and print settings of the last print (A4 at first)
 */
HdPrintOperation *
hd_print_operation_new (HdDatabase       *db,
                        const char       *job_name,
                        HdPrintCountFunc  count,
                        HdPrintDrawFunc   draw,
                        gpointer          document,
                        GDestroyNotify    document_destroy)
{
  HdPrintOperation *self;
  g_autoptr(GKeyFile) setup_file = NULL;
  g_autoptr(GKeyFile) settings_file = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (db == NULL || HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (count != NULL && draw != NULL, NULL);

  self = g_object_new (HD_TYPE_PRINT_OPERATION, "job-name", job_name, NULL);
  self->db = db != NULL ? g_object_ref (db) : NULL;
  self->count = count;
  self->draw = draw;
  self->document = document;
  self->document_destroy = document_destroy;

  setup_file = load_key_file (db, HD_PRINT_SETTING_PAGE_SETUP);
  if (setup_file != NULL)
    setup = gtk_page_setup_new_from_key_file (setup_file, NULL, NULL);
  if (setup == NULL)
    {
      GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
      gtk_paper_size_free (a4);
    }
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  settings_file = load_key_file (db, HD_PRINT_SETTING_PRINT_SETTINGS);
  if (settings_file != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_key_file (settings_file, NULL, NULL);

      if (settings != NULL)
        gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
    }
  return self;
}
