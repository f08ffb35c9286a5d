/* hd-error.h — the error domain of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HD_ERROR (hd_error_quark ())

/**
 * HdErrorCode:
 * @HD_ERROR_FAILED: something went wrong that has no better code
 * @HD_ERROR_NOT_FOUND: the record does not exist (or was archived)
 * @HD_ERROR_INVALID_FIELD: a field failed validation; the message names the field
 * @HD_ERROR_SCHEMA_TOO_NEW: the database was written by a newer version of the app
 * @HD_ERROR_NOT_A_DATABASE: the file is not a School Helpdesk database
 * @HD_ERROR_CORRUPT: the database fails its integrity check
 * @HD_ERROR_DISK_FULL: the disk (or the database's size limit) is full
 * @HD_ERROR_BUSY: another program holds the database for too long
 * @HD_ERROR_READ_ONLY: the database file cannot be written
 * @HD_ERROR_IO: the operating system reported an input/output error
 * @HD_ERROR_PARSE: a file being imported is malformed; the message has the line
 * @HD_ERROR_CONFLICT: the action conflicts with existing records (an overlapping booking, …)
 *
 * Codes a caller can act on. Messages are for a person and translated.
 */
typedef enum {
  HD_ERROR_FAILED,
  HD_ERROR_NOT_FOUND,
  HD_ERROR_INVALID_FIELD,
  HD_ERROR_SCHEMA_TOO_NEW,
  HD_ERROR_NOT_A_DATABASE,
  HD_ERROR_CORRUPT,
  HD_ERROR_DISK_FULL,
  HD_ERROR_BUSY,
  HD_ERROR_READ_ONLY,
  HD_ERROR_IO,
  HD_ERROR_PARSE,
  HD_ERROR_CONFLICT,
} HdErrorCode;

GQuark hd_error_quark (void);

/* The field an HD_ERROR_INVALID_FIELD error is about, for the UI to show it at that field. */
void        hd_error_set_field   (GError     **error,
                                  const char  *field,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (3, 4);
const char *hd_error_get_field   (const GError *error);

G_END_DECLS
