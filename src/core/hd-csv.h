/* hd-csv.h — an RFC 4180 reader and writer, the CSV dialect a Russian Excel opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A field longer than this is a bad record (the reader keeps the whole file in memory; this
 * only stops one record from doubling it). Fields of a few megabytes are read in linear time
 * and left to the validation of the columns to refuse with a clear message. */
#define HD_CSV_MAX_FIELD_BYTES (16 * 1024 * 1024)

typedef struct _HdCsvReader HdCsvReader;

HdCsvReader        *hd_csv_reader_new           (GBytes       *bytes);
void                hd_csv_reader_free          (HdCsvReader  *self);
const char * const *hd_csv_reader_next          (HdCsvReader  *self,
                                                 GError      **error);
guint               hd_csv_reader_get_line      (HdCsvReader  *self);
guint               hd_csv_reader_get_n_columns (HdCsvReader  *self);
char                hd_csv_reader_get_delimiter (HdCsvReader  *self);
double              hd_csv_reader_get_fraction  (HdCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdCsvReader, hd_csv_reader_free)

/**
 * HdCsvWriteFlags:
 * @HD_CSV_WRITE_NONE: write the fields as they are
 * @HD_CSV_WRITE_GUARD_FORMULAS: prefix an apostrophe to a field that a spreadsheet would run
 *   as a formula (see hd_csv_guard_needed()); hd_csv_unguard() takes it off again
 */
typedef enum {
  HD_CSV_WRITE_NONE           = 0,
  HD_CSV_WRITE_GUARD_FORMULAS = 1 << 0,
} HdCsvWriteFlags;

void                hd_csv_append_bom           (GString             *out);
void                hd_csv_append_record        (GString             *out,
                                                 char                 delimiter,
                                                 const char * const  *fields,
                                                 guint                n_fields,
                                                 HdCsvWriteFlags      flags);
gboolean            hd_csv_guard_needed         (const char          *field);
const char         *hd_csv_unguard              (const char          *field);

G_END_DECLS
