/* hd-person.h — a person the helpdesk deals with: a staff member, a parent, a student
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hd-enums.h"
#include "hd-types.h"

G_BEGIN_DECLS

#define HD_TYPE_PERSON (hd_person_get_type ())
G_DECLARE_FINAL_TYPE (HdPerson, hd_person, HD, PERSON, GObject)

HdPerson   *hd_person_new             (void);
HdPerson   *hd_person_copy            (HdPerson *self);

gint64      hd_person_get_id          (HdPerson *self);
void        hd_person_set_id          (HdPerson *self,
                                       gint64 id);
const char *hd_person_get_full_name   (HdPerson *self);
void        hd_person_set_full_name   (HdPerson *self,
                                       const char *full_name);
int         hd_person_get_kind        (HdPerson *self);
void        hd_person_set_kind        (HdPerson *self,
                                       int kind);
const char *hd_person_get_position    (HdPerson *self);
void        hd_person_set_position    (HdPerson *self,
                                       const char *position);
const char *hd_person_get_class_name  (HdPerson *self);
void        hd_person_set_class_name  (HdPerson *self,
                                       const char *class_name);
const char *hd_person_get_phone       (HdPerson *self);
void        hd_person_set_phone       (HdPerson *self,
                                       const char *phone);
const char *hd_person_get_email       (HdPerson *self);
void        hd_person_set_email       (HdPerson *self,
                                       const char *email);
gboolean    hd_person_get_archived    (HdPerson *self);
void        hd_person_set_archived    (HdPerson *self,
                                       gboolean archived);
gint64      hd_person_get_created_at  (HdPerson *self);
void        hd_person_set_created_at  (HdPerson *self,
                                       gint64 created_at);
gint64      hd_person_get_updated_at  (HdPerson *self);
void        hd_person_set_updated_at  (HdPerson *self,
                                       gint64 updated_at);

const char *hd_person_field_label     (const char *field);
GPtrArray  *hd_person_validate_all    (HdPerson   *self);
gboolean    hd_person_validate        (HdPerson   *self,
                                       GError    **error);

G_END_DECLS
