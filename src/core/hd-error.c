/* hd-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-error"

#include "config.h"

#include "hd-error.h"

/* An extended error domain (GLib 2.68) carries the name of the invalid field beside the
 * message, so the UI can show the message at that field without parsing text. */
typedef struct {
  char *field;
} HdErrorPrivate;

static void
hd_error_private_init (HdErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
hd_error_private_copy (const HdErrorPrivate *src,
                       HdErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
hd_error_private_clear (HdErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (HdError, hd_error)

void
hd_error_set_field (GError     **error,
                    const char  *field,
                    const char  *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;
  GError *e;
  HdErrorPrivate *priv;

  g_return_if_fail (field != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  e = g_error_new_literal (HD_ERROR, HD_ERROR_INVALID_FIELD, message);
  priv = hd_error_get_private (e);
  priv->field = g_strdup (field);
  g_propagate_error (error, e);
}

const char *
hd_error_get_field (const GError *error)
{
  HdErrorPrivate *priv;

  if (error == NULL || error->domain != HD_ERROR)
    return NULL;

  priv = hd_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}
