/* hd-answer-template-store.h — ready answers per topic, inserted into a request's resolution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-database.h"

G_BEGIN_DECLS

/* Limits of a template, in characters */
#define HD_ANSWER_TEMPLATE_MAX_TITLE 100
#define HD_ANSWER_TEMPLATE_MAX_BODY  5000

/* The settings key that says the shipped templates were created once; deleting them all
 * must not bring them back. */
#define HD_SETTING_ANSWER_TEMPLATES_SEEDED "answer-templates-seeded"

/**
 * HdAnswerTemplate:
 * @id: the row's id, 0 before it is stored
 * @topic: the #HdTopic it answers
 * @title: what the menu shows, 1 to 100 characters
 * @body: the text inserted into the resolution, 1 to 5000 characters
 * @position: the order within the topic, from 1
 * @created_at: Unix seconds
 * @updated_at: Unix seconds
 */
typedef struct {
  gint64  id;
  int     topic;
  char   *title;
  char   *body;
  int     position;
  gint64  created_at;
  gint64  updated_at;
} HdAnswerTemplate;

#define HD_TYPE_ANSWER_TEMPLATE (hd_answer_template_get_type ())

GType             hd_answer_template_get_type          (void) G_GNUC_CONST;
HdAnswerTemplate *hd_answer_template_new               (int                      topic,
                                                        const char              *title,
                                                        const char              *body);
HdAnswerTemplate *hd_answer_template_copy              (const HdAnswerTemplate  *self);
void              hd_answer_template_free              (HdAnswerTemplate        *self);
gboolean          hd_answer_template_validate          (const HdAnswerTemplate  *self,
                                                        GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdAnswerTemplate, hd_answer_template_free)

gboolean          hd_answer_template_store_ensure_defaults (HdDatabase          *db,
                                                            GError             **error);
GPtrArray        *hd_answer_template_store_list        (HdDatabase              *db,
                                                        int                      topic,
                                                        GError                 **error);
HdAnswerTemplate *hd_answer_template_store_get         (HdDatabase              *db,
                                                        gint64                   id,
                                                        GError                 **error);
gboolean          hd_answer_template_store_create      (HdDatabase              *db,
                                                        HdAnswerTemplate        *answer,
                                                        GError                 **error);
gboolean          hd_answer_template_store_restore     (HdDatabase              *db,
                                                        HdAnswerTemplate        *answer,
                                                        GError                 **error);
gboolean          hd_answer_template_store_update      (HdDatabase              *db,
                                                        HdAnswerTemplate        *answer,
                                                        GError                 **error);
gboolean          hd_answer_template_store_delete      (HdDatabase              *db,
                                                        gint64                   id,
                                                        GError                 **error);

G_END_DECLS
