/* hd-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-error.h"
#include "hd-text.h"

/**
 * hd_text_normalize:
 * @text: (nullable): UTF-8 text
 *
 * The search key of @text: case-folded (which SQLite cannot do beyond ASCII), «ё» written as «е»,
 * runs of white space made one space, leading and trailing space dropped. Invalid UTF-8 is
 * replaced, never passed on.
 *
 * Returns: (transfer full): the key, never %NULL
 */
char *
hd_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  folded = g_utf8_casefold (valid, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      if (c == 0x0451) /* ё */
        c = 0x0435;    /* е */
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* A letter or digit that FTS5's unicode61 tokenizer keeps inside a token. It classifies by
 * Unicode 6.1, where a few of today's letters were still spacing marks (the New Tai Lue vowel
 * signs and two Vedic signs, letters since Unicode 8.0); for it they end a word. Ending the
 * word there too keeps each quoted word of the query one token: requests_fts keeps no
 * positions (detail=none), so a phrase of two tokens is an error, not a search.
 * test-database tries every letter and digit GLib knows against the index. */
static gboolean
is_word_char (gunichar c)
{
  if ((c >= 0x19B0 && c <= 0x19C0) || c == 0x19C8 || c == 0x19C9 || c == 0x1CF2 || c == 0x1CF3)
    return FALSE;
  return g_unichar_isalnum (c);
}

/**
 * hd_text_fts_query:
 * @text: what the user typed
 *
 * Builds an FTS5 MATCH expression: each word of @text, normalized, becomes a quoted prefix
 * query ("оценк"*), joined by AND. Nothing the user types can become FTS syntax.
 *
 * Russian words lose a vowel in some forms (оценка → оценок, окно → окон), so a word of five
 * letters or more is searched by its stem without the last letter: «оценк» finds «Оценки»,
 * «ОЦЕНКА» and «оценок».
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when @text has no word
 */
char *
hd_text_fts_query (const char *text)
{
  g_autofree char *key = hd_text_normalize (text);
  GString *q = g_string_new (NULL);
  const char *p = key;

  while (*p)
    {
      const char *start;
      const char *p_end;

      while (*p && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          glong n_chars = g_utf8_strlen (start, p - start);

          if (q->len > 0)
            g_string_append (q, " AND ");
          /* «оцен»* covers «оценк»*: one prefix, not an OR of two */
          if (n_chars >= 5)
            p_end = g_utf8_prev_char (p);
          else
            p_end = p;
          g_string_append_c (q, '"');
          g_string_append_len (q, start, p_end - start);
          g_string_append (q, "\"*");
        }
    }

  if (q->len == 0)
    {
      g_string_free (q, TRUE);
      return NULL;
    }
  return g_string_free (q, FALSE);
}

char *
hd_text_strip (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strstrip (g_utf8_make_valid (text, -1));
}

gboolean
hd_text_is_valid_email (const char *text)
{
  const char *at;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' || *p == '"')
      return FALSE;
  /* a domain with a dot, not at either end */
  {
    const char *dot = strrchr (at + 1, '.');
    if (dot == NULL || dot == at + 1 || dot[1] == '\0')
      return FALSE;
  }
  return strlen (text) <= 254;
}

/* Russian numbers as people write them: «8 (41651) 2-00-77», «+7 914 555-12-34», «89145551234»,
 * or a local number of 5 to 7 digits («2-00-77»). Spaces, brackets and hyphens are free. */
gboolean
hd_text_is_valid_phone (const char *text)
{
  guint digits = 0;
  gboolean plus = FALSE;
  const char *first_digit = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (first_digit == NULL)
            first_digit = p;
          digits++;
        }
      else if (*p == '+' && digits == 0 && !plus)
        plus = TRUE;
      else if (*p != ' ' && *p != '(' && *p != ')' && *p != '-')
        return FALSE;
    }

  if (plus)
    return digits == 11 && *first_digit == '7';
  if (digits == 11)
    return *first_digit == '7' || *first_digit == '8';
  /* «8 914 555-12-3»: a long-distance number with a digit missing */
  if (digits == 10)
    return *first_digit != '8' && *first_digit != '7';
  return digits >= 5 && digits <= 7;
}

/**
 * hd_text_check:
 * @text: (nullable): the value, already stripped
 * @field: the field's key, for hd_error_get_field()
 * @field_label: the field's translated name, for the message
 * @required: whether an empty value is an error
 * @max_chars: the most characters allowed, or 0 for no limit
 *
 * The checks every text field gets: valid UTF-8, present when required, not too long,
 * no control characters other than newline and tab.
 */
gboolean
hd_text_check (const char  *text,
               const char  *field,
               const char  *field_label,
               gboolean     required,
               guint        max_chars,
               GError     **error)
{
  glong len;

  if (text == NULL || *text == '\0')
    {
      if (required)
        {
          /* Translators: %s is the name of a field, e.g. «Краткое содержание» */
          hd_error_set_field (error, field, _("“%s” must be filled in."), field_label);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Translators: %s is the name of a field */
      hd_error_set_field (error, field, _("“%s” contains characters that are not valid text."),
                          field_label);
      return FALSE;
    }

  len = g_utf8_strlen (text, -1);
  if (max_chars > 0 && len > (glong) max_chars)
    {
      /* Translators: %s is the name of a field, %u the limit, %ld the length */
      hd_error_set_field (error, field,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” may be at most %u character long (now %ld).",
                                       "“%s” may be at most %u characters long (now %ld).",
                                       max_chars),
                          field_label, max_chars, len);
      return FALSE;
    }

  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
      {
        /* Translators: %s is the name of a field */
        hd_error_set_field (error, field, _("“%s” contains control characters."), field_label);
        return FALSE;
      }

  return TRUE;
}
