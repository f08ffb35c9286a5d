/* hd-print-preview.c — the report's pages on screen before they go to paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK's own preview hands a PDF to an external viewer, which a sandboxed app cannot count on,
 * so the preview is drawn here, page by page, by the very function that draws the paper
 * (hd_report_draw_page, or any other document's page function) on an A4 sheet scaled to the
 * window. «Печать…» from here asks the view that opened it to print the same document.
 */
#define G_LOG_DOMAIN "hd-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-print-preview.h"

/* A4 in points, as the report lays itself out */
#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.89

struct _HdPrintPreview
{
  AdwWindow parent_instance;

  /* Borrowed: children of the window */
  GtkWidget *area;
  GtkLabel  *page_label;
  GtkWidget *previous_button;
  GtkWidget *next_button;

  /* Owned */
  HdReportPageFunc  draw_page;
  gpointer          draw_data;
  GDestroyNotify    draw_destroy;
  char             *print_action;
  GVariant         *print_target;
  guint             page;
  guint             n_pages;
};

G_DEFINE_FINAL_TYPE (HdPrintPreview, hd_print_preview, ADW_TYPE_WINDOW)

static void
update_page (HdPrintPreview *self)
{
  g_autofree char *text = NULL;

  /* Translators: the page shown in the print preview: «Страница 2 из 5» */
  text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (self->area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  HdPrintPreview *self = user_data;
  double margin = 16;
  double scale = MIN ((width - 2 * margin) / PAGE_WIDTH, (height - 2 * margin) / PAGE_HEIGHT);
  double x, y;

  if (scale <= 0 || self->draw_page == NULL)
    return;

  x = (width - PAGE_WIDTH * scale) / 2;
  y = (height - PAGE_HEIGHT * scale) / 2;

  /* A sheet of paper: a soft shadow, then white, whatever the style */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 2, y + 3, PAGE_WIDTH * scale, PAGE_HEIGHT * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, PAGE_WIDTH * scale, PAGE_HEIGHT * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_clip (cr);
  self->draw_page (self->draw_data, cr, self->page, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_restore (cr);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HdPrintPreview *self = HD_PRINT_PREVIEW (widget);

  if (self->page > 0)
    hd_print_preview_set_page (self, self->page - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdPrintPreview *self = HD_PRINT_PREVIEW (widget);

  hd_print_preview_set_page (self, self->page + 1);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HdPrintPreview *self = HD_PRINT_PREVIEW (widget);
  g_autoptr(GtkWidget) view = NULL;
  g_autofree char *name = g_strdup (self->print_action);
  g_autoptr(GVariant) target = self->print_target != NULL ? g_variant_ref (self->print_target) : NULL;

  /* The view that opened the preview prints; the preview steps aside for the print dialog */
  view = g_object_get_data (G_OBJECT (widget), "hd-view");
  if (view != NULL)
    g_object_ref (view);
  gtk_window_close (GTK_WINDOW (widget));
  if (view != NULL && name != NULL)
    gtk_widget_activate_action_variant (view, name, target);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
hd_print_preview_dispose (GObject *object)
{
  HdPrintPreview *self = HD_PRINT_PREVIEW (object);

  if (self->draw_destroy != NULL)
    g_clear_pointer (&self->draw_data, self->draw_destroy);
  self->draw_page = NULL;
  G_OBJECT_CLASS (hd_print_preview_parent_class)->dispose (object);
}

static void
hd_print_preview_finalize (GObject *object)
{
  HdPrintPreview *self = HD_PRINT_PREVIEW (object);

  g_free (self->print_action);
  g_clear_pointer (&self->print_target, g_variant_unref);
  G_OBJECT_CLASS (hd_print_preview_parent_class)->finalize (object);
}

static void
hd_print_preview_class_init (HdPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_print_preview_dispose;
  object_class->finalize = hd_print_preview_finalize;

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hd_print_preview_init (HdPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 820);

  self->previous_button = icon_button ("go-previous-symbolic", _("Previous Page"), "preview.previous");
  self->next_button = icon_button ("go-next-symbolic", _("Next Page"), "preview.next");
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->page_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->page_label), 6);
  gtk_box_append (GTK_BOX (pages), self->previous_button);
  gtk_box_append (GTK_BOX (pages), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (pages), self->next_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), pages);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "preview.print");
  gtk_widget_add_css_class (print, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_size_request (self->area, 240, 340);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_add_css_class (self->area, "view");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
draw_report_page (gpointer  user_data,
                  cairo_t  *cr,
                  guint     page,
                  double    page_width,
                  double    page_height)
{
  hd_report_draw_page (user_data, cr, page, page_width, page_height);
}

/**
 * hd_print_preview_new:
 * @parent: the window to stay above; set the object data "hd-view" to the widget whose
 *   `reports.print` action prints
 * @report: the report to show; its pages are laid out on A4
 */
HdPrintPreview *
hd_print_preview_new (GtkWindow *parent,
                      HdReport  *report)
{
  HdPrintPreview *self;

  g_return_val_if_fail (HD_IS_REPORT (report), NULL);

  self = hd_print_preview_new_for_pages (parent, hd_report_get_n_pages (report, PAGE_WIDTH, PAGE_HEIGHT),
                                         draw_report_page, g_object_ref (report), g_object_unref);
  hd_print_preview_set_print_action (self, "reports.print", NULL);
  return self;
}

/**
 * hd_print_preview_new_for_pages:
 * @parent: the window to stay above; set the object data "hd-view" to the widget whose
 *   print action (hd_print_preview_set_print_action()) prints
 * @n_pages: how many A4 pages the document has
 * @draw_page: (scope notified): draws a page, in points, margins included
 * @user_data: (closure): the document, for @draw_page
 * @destroy: frees @user_data with the preview
 *
 * A preview of any document the report layer draws page by page (the agenda, the report).
 */
HdPrintPreview *
hd_print_preview_new_for_pages (GtkWindow        *parent,
                                guint             n_pages,
                                HdReportPageFunc  draw_page,
                                gpointer          user_data,
                                GDestroyNotify    destroy)
{
  HdPrintPreview *self;

  g_return_val_if_fail (draw_page != NULL, NULL);

  self = g_object_new (HD_TYPE_PRINT_PREVIEW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->draw_page = draw_page;
  self->draw_data = user_data;
  self->draw_destroy = destroy;
  self->n_pages = MAX (1, n_pages);
  update_page (self);
  return self;
}

/**
 * hd_print_preview_set_print_action:
 * @action_name: (nullable): the action of the "hd-view" widget that prints the document
 * @target: (nullable): its parameter; a floating reference is taken
 *
 * What «Печать…» does: the preview closes and activates this action on the view.
 */
void
hd_print_preview_set_print_action (HdPrintPreview *self,
                                   const char     *action_name,
                                   GVariant       *target)
{
  g_return_if_fail (HD_IS_PRINT_PREVIEW (self));

  g_free (self->print_action);
  self->print_action = g_strdup (action_name);
  g_clear_pointer (&self->print_target, g_variant_unref);
  if (target != NULL)
    self->print_target = g_variant_ref_sink (target);
}

guint
hd_print_preview_get_page (HdPrintPreview *self)
{
  g_return_val_if_fail (HD_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

guint
hd_print_preview_get_n_pages (HdPrintPreview *self)
{
  g_return_val_if_fail (HD_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}

void
hd_print_preview_set_page (HdPrintPreview *self,
                           guint           page)
{
  g_return_if_fail (HD_IS_PRINT_PREVIEW (self));

  page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_page (self);
}

const char *
hd_print_preview_get_page_text (HdPrintPreview *self)
{
  g_return_val_if_fail (HD_IS_PRINT_PREVIEW (self), NULL);
  return gtk_label_get_text (self->page_label);
}
