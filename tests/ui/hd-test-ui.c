/* hd-test-ui.c — what the GUI tests share: waiting on the main loop, finding widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hd-test-ui.h"

/* Sets the gboolean at @user_data: a timeout that ends a wait */
gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE; fails, naming @what, after 30 seconds (the
 * sanitized build under load is slow, a healthy wait takes well under a second) */
void
wait_until (gboolean  (*done) (gpointer),
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds */
void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget of @type in the tree below @root (depth first), or NULL */
GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
