/* hd-enums.h — the words of the regulation and the enums they become
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The keys (in_person, phone, …) are stored in the database and written to CSV files: they are a
 * public interface and never change. The labels are for people and are translated. */

typedef enum {
  HD_CHANNEL_IN_PERSON,
  HD_CHANNEL_PHONE,
  HD_CHANNEL_EMAIL,
  HD_CHANNEL_PORTAL_CALL,
  HD_CHANNEL_CLASS_TEACHER,
  HD_CHANNEL_VOICEMAIL,
  HD_N_CHANNELS
} HdChannel;

typedef enum {
  HD_TOPIC_SCHEDULE,
  HD_TOPIC_GRADES_CURRENT,
  HD_TOPIC_GRADES_FINAL,
  HD_TOPIC_ATTENDANCE,
  HD_TOPIC_LESSON_PLANNING,
  HD_TOPIC_LESSONS,
  HD_TOPIC_TIMELINESS,
  HD_TOPIC_ACCESS,
  HD_TOPIC_OTHER,
  HD_N_TOPICS
} HdTopic;

typedef enum {
  HD_REQUESTER_STAFF,
  HD_REQUESTER_PARENT,
  HD_REQUESTER_STUDENT,
  HD_REQUESTER_OTHER,
  HD_N_REQUESTER_KINDS
} HdRequesterKind;

typedef enum {
  HD_STATUS_NEW,
  HD_STATUS_IN_PROGRESS,
  HD_STATUS_WAITING_INFO,
  HD_STATUS_CALLBACK,
  HD_STATUS_ESCALATED,
  HD_STATUS_RESOLVED,
  HD_STATUS_REJECTED,
  HD_N_STATUSES
} HdStatus;

typedef enum {
  HD_REJECTION_INSUFFICIENT_INFO,
  HD_REJECTION_INCORRECT_QUESTION,
  HD_REJECTION_NON_CONSTRUCTIVE,
  HD_REJECTION_OTHER,
  HD_N_REJECTION_REASONS
} HdRejectionReason;

typedef enum {
  HD_MODE_IN_PERSON,
  HD_MODE_PHONE,
  HD_MODE_ONLINE,
  HD_N_MODES
} HdAppointmentMode;

typedef enum {
  HD_APPOINTMENT_SCHEDULED,
  HD_APPOINTMENT_HELD,
  HD_APPOINTMENT_RESCHEDULED,
  HD_APPOINTMENT_CANCELLED_REQUESTER,
  HD_APPOINTMENT_CANCELLED_CONSULTANT,
  HD_APPOINTMENT_NO_SHOW,
  HD_N_APPOINTMENT_STATUSES
} HdAppointmentStatus;

typedef enum {
  HD_ENUM_CHANNEL,
  HD_ENUM_TOPIC,
  HD_ENUM_REQUESTER_KIND,
  HD_ENUM_STATUS,
  HD_ENUM_REJECTION_REASON,
  HD_ENUM_APPOINTMENT_MODE,
  HD_ENUM_APPOINTMENT_STATUS,
  HD_N_ENUM_KINDS
} HdEnumKind;

guint        hd_enum_count      (HdEnumKind  kind);
const char  *hd_enum_key        (HdEnumKind  kind,
                                 int         value);
const char  *hd_enum_label      (HdEnumKind  kind,
                                 int         value);
int          hd_enum_from_key   (HdEnumKind  kind,
                                 const char *key);
int          hd_enum_parse      (HdEnumKind  kind,
                                 const char *text);
const char  *hd_enum_field_name (HdEnumKind  kind);

/* Statuses in which the request is finished (no term runs any more). */
gboolean     hd_status_is_closed (HdStatus status);

G_END_DECLS
