/* hd-newcomer.h — a new employee to be trained in the electronic journal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-types.h"

G_BEGIN_DECLS

/**
 * HdChecklistItem:
 *
 * What the training of a new employee covered, from the regulation. The newcomer's checklist
 * is a mask of `1 << item`; its bits are stored, so the order never changes.
 */
typedef enum {
  HD_CHECKLIST_SIGN_IN,
  HD_CHECKLIST_SCHEDULE,
  HD_CHECKLIST_GRADES_CURRENT,
  HD_CHECKLIST_GRADES_FINAL,
  HD_CHECKLIST_ATTENDANCE,
  HD_CHECKLIST_LESSON_PLANNING,
  HD_CHECKLIST_LESSONS,
  HD_CHECKLIST_TIMELINESS,
  HD_N_CHECKLIST_ITEMS
} HdChecklistItem;

#define HD_CHECKLIST_BIT(item) (1u << (item))
#define HD_CHECKLIST_ALL       ((1u << HD_N_CHECKLIST_ITEMS) - 1)

/* The setting (an integer mask) of the items that must be ticked before the training is done */
#define HD_SETTING_CHECKLIST_MANDATORY "checklist-mandatory"
#define HD_CHECKLIST_DEFAULT_MANDATORY \
  (HD_CHECKLIST_BIT (HD_CHECKLIST_SIGN_IN) | HD_CHECKLIST_BIT (HD_CHECKLIST_SCHEDULE) | \
   HD_CHECKLIST_BIT (HD_CHECKLIST_GRADES_CURRENT) | HD_CHECKLIST_BIT (HD_CHECKLIST_ATTENDANCE))

const char *hd_checklist_item_key   (HdChecklistItem item);
const char *hd_checklist_item_label (HdChecklistItem item);
char       *hd_checklist_describe   (guint           mask);

#define HD_TYPE_NEWCOMER (hd_newcomer_get_type ())
G_DECLARE_FINAL_TYPE (HdNewcomer, hd_newcomer, HD, NEWCOMER, GObject)

HdNewcomer *hd_newcomer_new              (void);
HdNewcomer *hd_newcomer_copy             (HdNewcomer *self);

gint64      hd_newcomer_get_id           (HdNewcomer *self);
void        hd_newcomer_set_id           (HdNewcomer *self,
                                          gint64 id);
gint64      hd_newcomer_get_person_id    (HdNewcomer *self);
void        hd_newcomer_set_person_id    (HdNewcomer *self,
                                          gint64 person_id);
const char *hd_newcomer_get_person_name  (HdNewcomer *self);
void        hd_newcomer_set_person_name  (HdNewcomer *self,
                                          const char *person_name);
const char *hd_newcomer_get_started_on   (HdNewcomer *self);
void        hd_newcomer_set_started_on   (HdNewcomer *self,
                                          const char *started_on);
const char *hd_newcomer_get_due_on       (HdNewcomer *self);
void        hd_newcomer_set_due_on       (HdNewcomer *self,
                                          const char *due_on);
const char *hd_newcomer_get_trained_on   (HdNewcomer *self);
void        hd_newcomer_set_trained_on   (HdNewcomer *self,
                                          const char *trained_on);
const char *hd_newcomer_get_trainer      (HdNewcomer *self);
void        hd_newcomer_set_trainer      (HdNewcomer *self,
                                          const char *trainer);
guint       hd_newcomer_get_checklist    (HdNewcomer *self);
void        hd_newcomer_set_checklist    (HdNewcomer *self,
                                          guint checklist);
const char *hd_newcomer_get_notes        (HdNewcomer *self);
void        hd_newcomer_set_notes        (HdNewcomer *self,
                                          const char *notes);
gboolean    hd_newcomer_get_archived     (HdNewcomer *self);
void        hd_newcomer_set_archived     (HdNewcomer *self,
                                          gboolean archived);
gint64      hd_newcomer_get_created_at   (HdNewcomer *self);
void        hd_newcomer_set_created_at   (HdNewcomer *self,
                                          gint64 created_at);
gint64      hd_newcomer_get_updated_at   (HdNewcomer *self);
void        hd_newcomer_set_updated_at   (HdNewcomer *self,
                                          gint64 updated_at);

const char *hd_newcomer_field_label   (const char  *field);
GPtrArray  *hd_newcomer_validate_all  (HdNewcomer  *self,
                                       const GDate *today,
                                       guint        mandatory);

G_END_DECLS
