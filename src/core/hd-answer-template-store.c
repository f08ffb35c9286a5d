/* hd-answer-template-store.c — ready answers per topic, inserted into a request's resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Table answer_templates (migration 3). A few answers ship with the app: they are written to
 * the table once, in the language the app speaks at that moment, and are then the school's to
 * edit or delete; a settings key remembers that it was done.
 */
#define G_LOG_DOMAIN "hd-answer-template-store"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-answer-template-store.h"
#include "hd-database-private.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-record-private.h"
#include "hd-text.h"

#define TEMPLATE_COLUMNS "id, topic, title, body, position, created_at, updated_at"

/* English msgids, translated when they are written to the database */
static const struct {
  HdTopic     topic;
  const char *title;
  const char *body;
} shipped[] = {
  { HD_TOPIC_SCHEDULE,
    N_("Lessons missing from the journal"),
    N_("Lessons appear in the class journal only after the schedule for that period has been "
       "published. Open «Schedule», check that the lessons are set for the right class, subject "
       "and teacher, and press «Publish». If the lessons still do not appear, tell us the class "
       "and the date and we will check it.") },
  { HD_TOPIC_GRADES_CURRENT,
    N_("How to enter a grade for a lesson"),
    N_("Open the class journal of your subject, find the lesson’s column by its date and click "
       "the cell next to the student’s name. Choose the grade and, if needed, the kind of work "
       "(for example, a test). The grade is saved at once, and parents see it in the student’s "
       "diary.") },
  { HD_TOPIC_GRADES_CURRENT,
    N_("Correcting a wrong grade"),
    N_("A grade entered by mistake can be changed or deleted in the same cell of the journal: "
       "click it and choose another grade or «Delete». Every change is kept in the journal’s "
       "history, so if the school asks for it, write down the reason for the correction.") },
  { HD_TOPIC_GRADES_FINAL,
    N_("How to enter final grades"),
    N_("Final grades for the term, half-year or year are entered on the «Final grades» tab of "
       "the class journal. The column of a period appears only after the school’s administrator "
       "has set up the reporting periods. The system suggests the average grade, but the final "
       "grade is the one you choose.") },
  { HD_TOPIC_GRADES_FINAL,
    N_("A final grade cannot be changed"),
    N_("When a reporting period has ended, its final grades are locked. To correct one, please "
       "contact the deputy director: the school’s administrator can open the period for "
       "corrections for a short time.") },
  { HD_TOPIC_ATTENDANCE,
    N_("How to mark attendance"),
    N_("Attendance is marked in the class journal, in the lesson’s column: click the cell next "
       "to the student and choose the kind of absence (absent, ill, for a valid reason, late). "
       "The regulation asks for it to be marked during the lesson or right after it.") },
  { HD_TOPIC_LESSON_PLANNING,
    N_("Filling in lesson topics from the plan"),
    N_("Lesson topics are filled in from the thematic plan: create the plan for your subject "
       "and class in «Planning» (or load it from a file) and link it to the journal. The topics "
       "then appear in the lessons by date; the topic of a single lesson can still be "
       "changed.") },
  { HD_TOPIC_LESSONS,
    N_("How to fill in a lesson"),
    N_("Open the lesson in the journal by its date and fill in its topic and the homework; "
       "attach files for the students if needed. A lesson counts as held once its topic is "
       "filled in.") },
  { HD_TOPIC_TIMELINESS,
    N_("Deadlines for entering data"),
    N_("By the school’s regulation, grades and attendance are entered on the day of the lesson, "
       "and homework before the end of the school day. What is entered later shows in the "
       "timeliness report that the deputy director reviews.") },
  { HD_TOPIC_ACCESS,
    N_("Restoring access"),
    N_("To restore access, click «Forgot your password?» on the login page: a link is sent to "
       "the e-mail or phone in your profile. If you have neither, come to the consultant during "
       "the reception hours with an identity document, and we will issue a new password.") },
  { HD_TOPIC_ACCESS,
    N_("Access for parents"),
    N_("Parents get access through the class teacher, who gives out an invitation code. "
       "Register at dnevnik.ru with this code, and the account is linked to your child.") },
};

/* Record */

G_DEFINE_BOXED_TYPE (HdAnswerTemplate, hd_answer_template,
                     hd_answer_template_copy, hd_answer_template_free)

/**
 * hd_answer_template_new:
 * @topic: an #HdTopic
 *
 * Returns: (transfer full): a template not yet stored
 */
HdAnswerTemplate *
hd_answer_template_new (int         topic,
                        const char *title,
                        const char *body)
{
  HdAnswerTemplate *self = g_new0 (HdAnswerTemplate, 1);

  self->topic = topic;
  self->title = g_strdup (title != NULL ? title : "");
  self->body = g_strdup (body != NULL ? body : "");
  return self;
}

HdAnswerTemplate *
hd_answer_template_copy (const HdAnswerTemplate *self)
{
  HdAnswerTemplate *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->title = g_strdup (self->title);
  copy->body = g_strdup (self->body);
  return copy;
}

void
hd_answer_template_free (HdAnswerTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->body);
  g_free (self);
}

/**
 * hd_answer_template_validate:
 *
 * A known topic, a title of 1 to 100 characters and a text of 1 to 5000 (white space at the
 * ends does not count). The error is HD_ERROR_INVALID_FIELD naming "topic", "title" or "body".
 */
gboolean
hd_answer_template_validate (const HdAnswerTemplate  *self,
                             GError                 **error)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_enum_key (HD_ENUM_TOPIC, self->topic) == NULL)
    {
      hd_error_set_field (error, "topic", _("Choose the topic the answer is for."));
      return FALSE;
    }
  title = hd_record_strip (self->title);
  if (!hd_text_check (title, "title", _("Title"), TRUE, HD_ANSWER_TEMPLATE_MAX_TITLE, error))
    return FALSE;
  body = hd_record_strip (self->body);
  return hd_text_check (body, "body", _("Answer text"), TRUE, HD_ANSWER_TEMPLATE_MAX_BODY, error);
}

/* Store */

static HdAnswerTemplate *
template_from_row (HdStmt *stmt)
{
  HdAnswerTemplate *t = g_new0 (HdAnswerTemplate, 1);

  t->id = sqlite3_column_int64 (stmt, 0);
  t->topic = hd_enum_from_key (HD_ENUM_TOPIC, hd_stmt_column_text (stmt, 1));
  t->title = g_strdup (hd_stmt_column_text (stmt, 2));
  t->body = g_strdup (hd_stmt_column_text (stmt, 3));
  t->position = sqlite3_column_int (stmt, 4);
  t->created_at = sqlite3_column_int64 (stmt, 5);
  t->updated_at = sqlite3_column_int64 (stmt, 6);
  return t;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_FOUND,
                       _("The answer template was not found. It may have been deleted."));
}

/* The position after the last template of @topic */
static gboolean
next_position (HdDatabase *db,
               int         topic,
               int        *position,
               GError    **error)
{
  g_autoptr(HdStmt) stmt =
    hd_database_prepare (db, "SELECT coalesce(max(position), 0) + 1 FROM answer_templates WHERE topic = ?1",
                         error);

  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, hd_enum_key (HD_ENUM_TOPIC, topic), FALSE);
  if (hd_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *position = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Writes @answer as a new row at @position, or last in its topic when @position is 0 */
static gboolean
insert (HdDatabase       *db,
        HdAnswerTemplate *answer,
        int               position,
        GError          **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *title = hd_record_strip (answer->title);
  g_autofree char *body = hd_record_strip (answer->body);
  gint64 now = hd_record_now ();

  if (position == 0 && !next_position (db, answer->topic, &position, error))
    return FALSE;
  stmt = hd_database_prepare (db,
                              "INSERT INTO answer_templates (topic, title, body, position, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  hd_stmt_bind_text (stmt, 1, hd_enum_key (HD_ENUM_TOPIC, answer->topic), FALSE);
  hd_stmt_bind_text (stmt, 2, title, FALSE);
  hd_stmt_bind_text (stmt, 3, body, FALSE);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;

  answer->id = hd_database_last_insert_id (db);
  answer->position = position;
  answer->created_at = answer->updated_at = now;
  g_free (answer->title);
  answer->title = g_steal_pointer (&title);
  g_free (answer->body);
  answer->body = g_steal_pointer (&body);
  return TRUE;
}

/**
 * hd_answer_template_store_ensure_defaults:
 *
 * Writes the shipped templates, translated into the current language, unless that was done
 * once before in this database (even if the school has deleted them since). Called by
 * hd_answer_template_store_list(); a read-only database is left alone.
 */
gboolean
hd_answer_template_store_ensure_defaults (HdDatabase  *db,
                                          GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (hd_database_is_read_only (db) ||
      hd_database_get_setting_int (db, HD_SETTING_ANSWER_TEMPLATES_SEEDED, 0) != 0)
    return TRUE;

  if (!hd_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(HdAnswerTemplate) answer =
        hd_answer_template_new (shipped[i].topic, _(shipped[i].title), _(shipped[i].body));

      if (!insert (db, answer, 0, error))
        goto failed;
    }
  if (!hd_database_set_setting (db, HD_SETTING_ANSWER_TEMPLATES_SEEDED, "1", error) ||
      !hd_database_commit (db, error))
    goto failed;
  return TRUE;

failed:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_answer_template_store_list:
 * @topic: an #HdTopic, or -1 for every topic
 *
 * The templates of @topic in their order (of every topic: by topic, in the order of the
 * enum). The first call in a database writes the shipped ones.
 *
 * Returns: (transfer full) (element-type HdAnswerTemplate): the templates, or %NULL on error
 */
GPtrArray *
hd_answer_template_store_list (HdDatabase  *db,
                               int          topic,
                               GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) seed_error = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (topic >= -1 && topic < HD_N_TOPICS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Without the shipped answers the list is still worth showing */
  if (!hd_answer_template_store_ensure_defaults (db, &seed_error))
    g_warning ("Shipped answer templates not written: %s", seed_error->message);

  stmt = hd_database_prepare (db,
                              "SELECT " TEMPLATE_COLUMNS " FROM answer_templates"
                              " WHERE ?1 IS NULL OR topic = ?1"
                              " ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  hd_stmt_bind_text (stmt, 1, topic >= 0 ? hd_enum_key (HD_ENUM_TOPIC, topic) : NULL, TRUE);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_answer_template_free);
  while ((rc = hd_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      HdAnswerTemplate *t = template_from_row (stmt);

      /* A topic key of a newer version: not one this build can show */
      if (t->topic < 0)
        hd_answer_template_free (t);
      else
        g_ptr_array_add (list, t);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  if (topic < 0)
    {
      /* By topic in the enum's order, which SQL does not know; stable within a topic */
      for (guint i = 1; i < list->len; i++)
        for (guint j = i; j > 0; j--)
          {
            HdAnswerTemplate *a = g_ptr_array_index (list, j - 1);
            HdAnswerTemplate *b = g_ptr_array_index (list, j);

            if (a->topic <= b->topic)
              break;
            list->pdata[j - 1] = b;
            list->pdata[j] = a;
          }
    }
  return g_steal_pointer (&list);
}

/**
 * hd_answer_template_store_get:
 *
 * Returns: (transfer full): the template, or %NULL with HD_ERROR_NOT_FOUND
 */
HdAnswerTemplate *
hd_answer_template_store_get (HdDatabase  *db,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = hd_database_prepare (db, "SELECT " TEMPLATE_COLUMNS " FROM answer_templates WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = hd_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return template_from_row (stmt);
  if (rc == SQLITE_DONE)
    set_not_found (error);
  return NULL;
}

/**
 * hd_answer_template_store_create:
 * @answer: a template without an id
 *
 * Validates @answer and stores it last in its topic; sets its id, position and times, and
 * its title and text as stored (trimmed). Nothing is written when a field is invalid.
 */
gboolean
hd_answer_template_store_create (HdDatabase        *db,
                                 HdAnswerTemplate  *answer,
                                 GError           **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (answer != NULL && answer->id == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_answer_template_validate (answer, error))
    return FALSE;
  return insert (db, answer, 0, error);
}

/**
 * hd_answer_template_store_restore:
 * @answer: a template as it was read before hd_answer_template_store_delete(), with its
 *   position; its id is replaced by the new row's
 *
 * Puts a deleted template back where it stood in its topic, for an undo: the templates at its
 * position and after move one down. Validated like a new one.
 */
gboolean
hd_answer_template_store_restore (HdDatabase        *db,
                                  HdAnswerTemplate  *answer,
                                  GError           **error)
{
  g_autoptr(HdStmt) shift = NULL;
  int position;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_answer_template_validate (answer, error))
    return FALSE;
  position = MAX (answer->position, 1);
  if (!hd_database_begin (db, error))
    return FALSE;
  shift = hd_database_prepare (db,
                               "UPDATE answer_templates SET position = position + 1"
                               " WHERE topic = ?1 AND position >= ?2",
                               error);
  if (shift == NULL)
    goto fail;
  hd_stmt_bind_text (shift, 1, hd_enum_key (HD_ENUM_TOPIC, answer->topic), FALSE);
  sqlite3_bind_int (shift, 2, position);
  if (!hd_database_step_done (db, shift, error) ||
      !insert (db, answer, position, error) ||
      !hd_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  hd_database_rollback (db);
  return FALSE;
}

/**
 * hd_answer_template_store_update:
 * @answer: a template read from the store, then edited
 *
 * Validates and writes the title, text and topic of @answer; moved to another topic it goes
 * last there.
 */
gboolean
hd_answer_template_store_update (HdDatabase        *db,
                                 HdAnswerTemplate  *answer,
                                 GError           **error)
{
  g_autoptr(HdAnswerTemplate) old = NULL;
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  gint64 now = hd_record_now ();
  int position;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hd_answer_template_validate (answer, error))
    return FALSE;
  old = hd_answer_template_store_get (db, answer->id, error);
  if (old == NULL)
    return FALSE;

  position = old->position;
  if (old->topic != answer->topic && !next_position (db, answer->topic, &position, error))
    return FALSE;

  stmt = hd_database_prepare (db,
                              "UPDATE answer_templates SET topic = ?1, title = ?2, body = ?3,"
                              " position = ?4, updated_at = ?5 WHERE id = ?6",
                              error);
  if (stmt == NULL)
    return FALSE;
  title = hd_record_strip (answer->title);
  body = hd_record_strip (answer->body);
  hd_stmt_bind_text (stmt, 1, hd_enum_key (HD_ENUM_TOPIC, answer->topic), FALSE);
  hd_stmt_bind_text (stmt, 2, title, FALSE);
  hd_stmt_bind_text (stmt, 3, body, FALSE);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, answer->id);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;

  answer->position = position;
  answer->created_at = old->created_at;
  answer->updated_at = now;
  g_free (answer->title);
  answer->title = g_steal_pointer (&title);
  g_free (answer->body);
  answer->body = g_steal_pointer (&body);
  return TRUE;
}

/**
 * hd_answer_template_store_delete:
 *
 * Deletes a template for good (nothing refers to one: its text was copied into the
 * resolutions it was used in).
 */
gboolean
hd_answer_template_store_delete (HdDatabase  *db,
                                 gint64       id,
                                 GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = hd_database_prepare (db, "DELETE FROM answer_templates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hd_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (hd_database_get_handle (db)) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  return TRUE;
}
