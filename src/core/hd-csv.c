/* hd-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is a single forward pass over bytes already in memory: each field is copied once,
 * in slices found with memchr, so a field of megabytes costs what its bytes cost. A bad record
 * is reported and skipped, and reading goes on with the next one, so an import can list every
 * bad line of a file at once; only a quote that is never closed swallows the rest of the file.
 */
#define G_LOG_DOMAIN "hd-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-csv.h"
#include "hd-error.h"

typedef enum {
  PROBLEM_NONE,
  PROBLEM_INVALID_UTF8,
  PROBLEM_TEXT_AFTER_QUOTE,
  PROBLEM_TOO_LONG,
  PROBLEM_FIELD_COUNT,
} Problem;

struct _HdCsvReader
{
  /* Owned */
  GBytes    *bytes;
  GPtrArray *fields;       /* char *, NULL-terminated: the record last returned */
  GStrv      header;
  GString   *field;        /* scratch */

  /* Borrowed from bytes */
  const char *data;
  gsize       len;

  gsize      pos;
  guint      line;         /* physical line at pos, from 1 */
  guint      record_line;  /* where the record last read starts */
  guint      n_columns;    /* fields in the header, 0 before it is read */
  char       delimiter;
  gboolean   at_end;

  Problem    problem;
  guint      problem_field; /* from 0 */
};

static const char guard_chars[] = "=+-@\t\r";

/* The header decides: a ';' outside quotes on the first line makes it ';' (what a Russian
 * Excel writes), else a ',' makes it ',', else there is one column and ';' does no harm.
 * A quote opens a quoted field only at the start of a field, as in the reader. */
static char
detect_delimiter (const char *data,
                  gsize       len)
{
  gboolean comma = FALSE;
  gboolean field_start = TRUE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (field_start && c == '"')
        {
          for (i++; i < len; i++)
            if (data[i] == '"')
              {
                if (i + 1 < len && data[i + 1] == '"')
                  i++;
                else
                  break;
              }
          field_start = FALSE;
          continue;
        }
      field_start = FALSE;
      if (c == ';')
        return ';';
      if (c == ',')
        {
          comma = TRUE;
          field_start = TRUE;
        }
      else if (c == '\n' || c == '\r')
        break;
    }
  return comma ? ',' : ';';
}

/**
 * hd_csv_reader_new:
 * @bytes: the whole file, UTF-8 with or without a byte order mark
 *
 * A reader of @bytes. The first record hd_csv_reader_next() returns is the header; its
 * first line sets the delimiter (`;` if it has one, else `,`) and its fields the number of
 * fields every record must have.
 *
 * Returns: (transfer full): the reader
 */
HdCsvReader *
hd_csv_reader_new (GBytes *bytes)
{
  HdCsvReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (HdCsvReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->len);
  if (self->data == NULL)
    self->data = "";
  if (self->len >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  self->line = 1;
  self->record_line = 1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  self->delimiter = detect_delimiter (self->data + self->pos, self->len - self->pos);
  return self;
}

void
hd_csv_reader_free (HdCsvReader *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_ptr_array_unref (self->fields);
  g_strfreev (self->header);
  g_string_free (self->field, TRUE);
  g_free (self);
}

static void
set_problem (HdCsvReader *self,
             Problem      problem)
{
  if (self->problem == PROBLEM_NONE)
    {
      self->problem = problem;
      self->problem_field = self->fields->len;
    }
}

/* Appends data[from, to) to the field being read, counting the line breaks in it (LF, CRLF or
 * a lone CR each count once). */
static void
take (HdCsvReader *self,
      gsize        from,
      gsize        to)
{
  const char *end = self->data + to;

  for (const char *p = memchr (self->data + from, '\n', to - from);
       p != NULL;
       p = memchr (p + 1, '\n', end - (p + 1)))
    self->line++;
  for (const char *r = memchr (self->data + from, '\r', to - from);
       r != NULL;
       r = memchr (r + 1, '\r', end - (r + 1)))
    if (r + 1 >= self->data + self->len || r[1] != '\n')
      self->line++;

  if (self->field->len + (to - from) > HD_CSV_MAX_FIELD_BYTES)
    set_problem (self, PROBLEM_TOO_LONG);
  else
    g_string_append_len (self->field, self->data + from, to - from);
}

static gboolean
is_record_end (HdCsvReader *self)
{
  return self->pos >= self->len || self->data[self->pos] == '\n' || self->data[self->pos] == '\r';
}

/* Reads an unquoted run up to the delimiter or the end of the line. */
static void
read_plain (HdCsvReader *self)
{
  gsize start = self->pos;

  while (self->pos < self->len)
    {
      char c = self->data[self->pos];

      if (c == self->delimiter || c == '\n' || c == '\r')
        break;
      self->pos++;
    }
  take (self, start, self->pos);
}

/* Reads a quoted field from its opening quote. FALSE when the closing quote is missing. */
static gboolean
read_quoted (HdCsvReader *self)
{
  self->pos++;
  for (;;)
    {
      const char *q = memchr (self->data + self->pos, '"', self->len - self->pos);
      gsize at;

      if (q == NULL)
        {
          take (self, self->pos, self->len);
          self->pos = self->len;
          return FALSE;
        }
      at = q - self->data;
      take (self, self->pos, at);
      self->pos = at + 1;
      if (self->pos < self->len && self->data[self->pos] == '"')
        {
          take (self, self->pos, self->pos + 1);
          self->pos++;
          continue;
        }
      break;
    }

  if (!is_record_end (self) && self->data[self->pos] != self->delimiter)
    {
      /* "ab"c: keep the text, but say the record is malformed */
      set_problem (self, PROBLEM_TEXT_AFTER_QUOTE);
      read_plain (self);
    }
  return TRUE;
}

static void
set_problem_error (HdCsvReader  *self,
                   GError      **error)
{
  guint n = self->problem_field + 1;
  const char *name = NULL;
  g_autofree char *field = NULL;

  if (self->header != NULL && self->problem_field < g_strv_length (self->header))
    name = self->header[self->problem_field];
  if (name != NULL && *name != '\0' && g_utf8_validate (name, -1, NULL))
    /* Translators: the name of a field in an error message: %u is its number, %s the column's
     * name from the file's header, e.g. «поле 7 (description)» */
    field = g_strdup_printf (_("field %u (%s)"), n, name);
  else
    /* Translators: %u is the number of a field in a line of the file */
    field = g_strdup_printf (_("field %u"), n);

  switch (self->problem)
    {
    case PROBLEM_INVALID_UTF8:
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   /* Translators: %s is «field 7 (description)» */
                   _("The text of %s is not in the UTF-8 encoding. In Excel, save the file "
                     "as “CSV UTF-8 (Comma delimited)” and import it again."), field);
      break;

    case PROBLEM_TEXT_AFTER_QUOTE:
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   /* Translators: %s is «field 7 (description)» */
                   _("In %s there is more text after the closing quote mark. A quote mark inside "
                     "a quoted field must be doubled (\"\")."), field);
      break;

    case PROBLEM_TOO_LONG:
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   /* Translators: %s is «field 7 (description)», %u a number of megabytes */
                   _("The text of %s is longer than %u MB."), field,
                   HD_CSV_MAX_FIELD_BYTES / (1024 * 1024));
      break;

    case PROBLEM_FIELD_COUNT:
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   /* Translators: both are numbers of fields; the header has the second */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The line has %u field instead of %u. Check the delimiters and "
                                "the quote marks.",
                                "The line has %u fields instead of %u. Check the delimiters and "
                                "the quote marks.",
                                self->fields->len),
                   self->fields->len, self->n_columns);
      break;

    case PROBLEM_NONE:
    default:
      g_assert_not_reached ();
    }
}

/**
 * hd_csv_reader_next:
 * @self: the reader
 * @error: where a bad record is described
 *
 * Reads the next record: the header first, then the rows. Blank lines are skipped. A record
 * may span several lines when a quoted field holds line breaks; hd_csv_reader_get_line() says
 * where it starts.
 *
 * A bad record sets @error (%HD_ERROR_PARSE; the message does not name the line) and is skipped:
 * the next call reads on after it. The problems: not valid UTF-8 (or a zero byte), text after a
 * closing quote, a field over %HD_CSV_MAX_FIELD_BYTES, a number of fields other than the
 * header's, and a quote that is never closed, which ends the file. A file with no record at all
 * is an error too; a header alone is not.
 *
 * Returns: (transfer none) (nullable): the fields, %NULL-terminated, valid until the next call;
 *   %NULL at the end or with @error set
 */
const char * const *
hd_csv_reader_next (HdCsvReader  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_ptr_array_set_size (self->fields, 0);

  /* skip blank lines */
  while (!self->at_end && self->pos < self->len &&
         (self->data[self->pos] == '\n' || self->data[self->pos] == '\r'))
    {
      if (self->data[self->pos] == '\r' && self->pos + 1 < self->len &&
          self->data[self->pos + 1] == '\n')
        self->pos++;
      self->pos++;
      self->line++;
    }

  self->record_line = self->line;
  if (self->pos >= self->len || self->at_end)
    {
      if (self->header == NULL && !self->at_end)
        {
          self->record_line = 1;
          g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                             _("The file is empty. It should start with a header line that "
                               "names the columns."));
        }
      self->at_end = TRUE;
      return NULL;
    }

  self->problem = PROBLEM_NONE;
  for (;;)
    {
      g_string_truncate (self->field, 0);
      /* after a delimiter at the very end comes an empty last field */
      if (self->pos < self->len && self->data[self->pos] == '"')
        {
          if (!read_quoted (self))
            {
              self->at_end = TRUE;
              g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                                   _("A quoted field that starts on this line is never closed: "
                                     "a closing quote mark (\") is missing."));
              return NULL;
            }
        }
      else
        read_plain (self);

      if (!g_utf8_validate (self->field->str, self->field->len, NULL))
        set_problem (self, PROBLEM_INVALID_UTF8);
      g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));

      if (self->pos < self->len && self->data[self->pos] == self->delimiter)
        {
          self->pos++;
          continue;
        }
      /* the end of the line or of the file */
      if (self->pos < self->len)
        {
          if (self->data[self->pos] == '\r' && self->pos + 1 < self->len &&
              self->data[self->pos + 1] == '\n')
            self->pos++;
          self->pos++;
          self->line++;
        }
      break;
    }

  if (self->header == NULL)
    self->n_columns = self->fields->len;
  else if (self->problem == PROBLEM_NONE && self->fields->len != self->n_columns)
    {
      self->problem = PROBLEM_FIELD_COUNT;
      self->problem_field = 0;
    }

  if (self->problem != PROBLEM_NONE)
    {
      set_problem_error (self, error);
      /* a bad header still sets the width, so the rows are judged against it */
      if (self->header == NULL)
        {
          g_ptr_array_add (self->fields, NULL);
          self->header = g_strdupv ((char **) self->fields->pdata);
        }
      g_ptr_array_set_size (self->fields, 0);
      return NULL;
    }

  g_ptr_array_add (self->fields, NULL);
  if (self->header == NULL)
    self->header = g_strdupv ((char **) self->fields->pdata);
  return (const char * const *) self->fields->pdata;
}

/**
 * hd_csv_reader_get_line:
 *
 * Returns: the physical line (from 1) where the record last read — or refused — starts
 */
guint
hd_csv_reader_get_line (HdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->record_line;
}

/**
 * hd_csv_reader_get_n_columns:
 *
 * Returns: the number of fields of the header, 0 before it is read
 */
guint
hd_csv_reader_get_n_columns (HdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

char
hd_csv_reader_get_delimiter (HdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ';');
  return self->delimiter;
}

/**
 * hd_csv_reader_get_fraction:
 *
 * Returns: how much of the file has been read, from 0 to 1, for a progress bar
 */
double
hd_csv_reader_get_fraction (HdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->len > 0 ? (double) self->pos / (double) self->len : 1.0;
}

/* ---------------------------------------------------------------------------------------- */
/* Writing                                                                                   */

void
hd_csv_append_bom (GString *out)
{
  g_return_if_fail (out != NULL);
  g_string_append (out, "\xEF\xBB\xBF");
}

/**
 * hd_csv_guard_needed:
 * @field: a field's text
 *
 * Whether a spreadsheet would take @field for a formula: it starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return, or with apostrophes and then one of those (so that the apostrophe
 * hd_csv_unguard() takes off is always the one the writer put on, and a field that really
 * starts with «'=» comes back unchanged).
 */
gboolean
hd_csv_guard_needed (const char *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  while (*field == '\'')
    field++;
  return *field != '\0' && strchr (guard_chars, *field) != NULL;
}

/**
 * hd_csv_unguard:
 * @field: a field as read from a file
 *
 * Undoes %HD_CSV_WRITE_GUARD_FORMULAS: drops exactly one leading apostrophe when what follows
 * it needs the guard.
 *
 * Returns: (transfer none): @field or the text after its first character
 */
const char *
hd_csv_unguard (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field[0] == '\'' && hd_csv_guard_needed (field + 1))
    return field + 1;
  return field;
}

/**
 * hd_csv_append_record:
 * @out: where to write
 * @delimiter: `;` or `,`
 * @fields: (array length=n_fields): the fields; %NULL is an empty field
 * @flags: %HD_CSV_WRITE_GUARD_FORMULAS to defuse formulas
 *
 * Writes one record ended by CRLF. A field is quoted only when it has to be: when it holds the
 * delimiter, a quote mark, a CR or an LF; a lone empty field, which would otherwise be a blank
 * line that readers skip. So that a reader detecting the delimiter from the header decides as
 * the writer did, a `;` is quoted in a `,` file too, and in a record of one field both are.
 */
void
hd_csv_append_record (GString            *out,
                      char                delimiter,
                      const char * const *fields,
                      guint               n_fields,
                      HdCsvWriteFlags     flags)
{
  char specials[] = { ';', '"', '\r', '\n', '\0', '\0' };

  g_return_if_fail (out != NULL);
  g_return_if_fail (delimiter == ';' || delimiter == ',');
  g_return_if_fail (fields != NULL || n_fields == 0);

  if (delimiter == ',' || n_fields == 1)
    specials[4] = ',';
  for (guint i = 0; i < n_fields; i++)
    {
      const char *f = fields[i] != NULL ? fields[i] : "";
      gboolean guard = (flags & HD_CSV_WRITE_GUARD_FORMULAS) != 0 && hd_csv_guard_needed (f);
      gboolean quote = strpbrk (f, specials) != NULL || (n_fields == 1 && *f == '\0');

      if (i > 0)
        g_string_append_c (out, delimiter);
      if (quote)
        g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      if (quote)
        {
          for (const char *q; (q = strchr (f, '"')) != NULL; f = q + 1)
            {
              g_string_append_len (out, f, q - f + 1);
              g_string_append_c (out, '"');
            }
          g_string_append (out, f);
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, f);
    }
  g_string_append (out, "\r\n");
}
