/* fuzz-csv.c — libFuzzer target for the CSV reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beyond "no crash, no leak, no undefined behaviour" it checks properties:
 * - every record returned is valid UTF-8 and has as many fields as the header;
 * - line numbers never go back;
 * - what the reader returned, written again (formula guard on) and read back, is the same.
 * The import of requests has its own target, fuzz-csv-import.c (it is a hundred times slower).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hd-csv.h"
#include "hd-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_round_trip (GPtrArray *records,
                  char       delimiter)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HdCsvReader) again = NULL;

  hd_csv_append_bom (out);
  for (guint i = 0; i < records->len; i++)
    {
      GStrv fields = g_ptr_array_index (records, i);
      hd_csv_append_record (out, delimiter, (const char * const *) fields,
                            g_strv_length (fields), HD_CSV_WRITE_GUARD_FORMULAS);
    }

  bytes = g_string_free_to_bytes (out);
  again = hd_csv_reader_new (bytes);
  for (guint i = 0; i < records->len; i++)
    {
      GStrv want = g_ptr_array_index (records, i);
      g_autoptr(GError) error = NULL;
      const char * const *got = hd_csv_reader_next (again, &error);
      guint n;

      if (error != NULL)
        g_error ("record %u written again does not read back: %s", i, error->message);
      g_assert (got != NULL);
      n = g_strv_length ((char **) got);
      g_assert (n == g_strv_length (want));
      for (guint j = 0; j < n; j++)
        if (strcmp (hd_csv_unguard (got[j]), want[j]) != 0)
          g_error ("record %u field %u changed on the round trip", i, j);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HdCsvReader) reader = hd_csv_reader_new (bytes);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint last_line = 0;
  guint n_columns = 0;
  gboolean round_trip = TRUE;

  /* a record takes at least one byte, a bad record too: more calls than bytes is a loop */
  for (gsize calls = 0; ; calls++)
    {
      g_autoptr(GError) error = NULL;
      const char * const *fields;

      g_assert (calls <= size + 1);
      fields = hd_csv_reader_next (reader, &error);
      g_assert (hd_csv_reader_get_line (reader) >= last_line);
      last_line = hd_csv_reader_get_line (reader);

      if (error != NULL)
        {
          g_assert (fields == NULL);
          g_assert (error->domain == HD_ERROR && error->code == HD_ERROR_PARSE);
          g_assert (g_utf8_validate (error->message, -1, NULL));
          /* a bad header changes what the rows are read against; skip the round trip */
          if (records->len == 0)
            round_trip = FALSE;
          continue;
        }
      if (fields == NULL)
        break;

      if (records->len == 0 && round_trip)
        n_columns = g_strv_length ((char **) fields);
      g_assert (g_strv_length ((char **) fields) == hd_csv_reader_get_n_columns (reader));
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert (g_utf8_validate (fields[i], -1, NULL));
      if (round_trip)
        g_ptr_array_add (records, g_strdupv ((char **) fields));
    }

  g_assert (hd_csv_reader_get_fraction (reader) >= 0.0 &&
            hd_csv_reader_get_fraction (reader) <= 1.0);
  if (round_trip && records->len > 0 && n_columns > 0)
    check_round_trip (records, hd_csv_reader_get_delimiter (reader));

  return 0;
}
