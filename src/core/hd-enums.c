/* hd-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-enums.h"
#include "hd-text.h"

typedef struct {
  const char *key;
  const char *context;  /* msgctxt, or NULL */
  const char *label;    /* English msgid */
  const char *ru;       /* the Russian label, accepted on import whatever the UI language */
} HdEnumEntry;

static const HdEnumEntry channels[] = {
  { "in_person", "channel", NC_("channel", "In person"), "Лично" },
  { "phone", "channel", NC_("channel", "Phone"), "Телефон" },
  { "email", "channel", NC_("channel", "E-mail"), "Электронная почта" },
  { "portal_call", "channel", NC_("channel", "Online call from the portal"), "Звонок с портала" },
  { "class_teacher", "channel", NC_("channel", "Via the class teacher"), "Через классного руководителя" },
  { "voicemail", "channel", NC_("channel", "Voicemail"), "Голосовое сообщение" },
};

static const HdEnumEntry topics[] = {
  { "schedule", "topic", NC_("topic", "Schedule"), "Расписание" },
  { "grades_current", "topic", NC_("topic", "Current grades"), "Текущая успеваемость" },
  { "grades_final", "topic", NC_("topic", "Final grades"), "Итоговая успеваемость" },
  { "attendance", "topic", NC_("topic", "Attendance"), "Посещаемость" },
  { "lesson_planning", "topic", NC_("topic", "Lesson planning"), "Поурочное планирование" },
  { "lessons", "topic", NC_("topic", "Conducting lessons"), "Проведение уроков" },
  { "timeliness", "topic", NC_("topic", "Timely data entry"), "Своевременность внесения данных" },
  { "access", "topic", NC_("topic", "Access and sign-in"), "Доступ и вход" },
  { "other", "topic", NC_("topic", "Other"), "Другое" },
};

static const HdEnumEntry requester_kinds[] = {
  { "staff", "requester kind", NC_("requester kind", "Staff member"), "Сотрудник" },
  { "parent", "requester kind", NC_("requester kind", "Parent"), "Родитель" },
  { "student", "requester kind", NC_("requester kind", "Student"), "Обучающийся" },
  { "other", "requester kind", NC_("requester kind", "Other"), "Другое" },
};

static const HdEnumEntry statuses[] = {
  { "new", "status", NC_("status", "New"), "Новое" },
  { "in_progress", "status", NC_("status", "In progress"), "В работе" },
  { "waiting_info", "status", NC_("status", "Waiting for information"), "Ждём ответа" },
  { "callback", "status", NC_("status", "Call back"), "Перезвонить" },
  { "escalated", "status", NC_("status", "With Dnevnik.ru support"), "У поддержки Дневник.ру" },
  { "resolved", "status", NC_("status", "Resolved"), "Решено" },
  { "rejected", "status", NC_("status", "Rejected"), "Отклонено" },
};

static const HdEnumEntry rejection_reasons[] = {
  { "insufficient_info", "rejection reason", NC_("rejection reason", "Not enough information"), "Недостаточно исходной информации" },
  { "incorrect_question", "rejection reason", NC_("rejection reason", "Question put incorrectly"), "Вопрос задан некорректно" },
  { "non_constructive", "rejection reason", NC_("rejection reason", "Discussion not constructive"), "Обсуждение неконструктивно" },
  { "other", "rejection reason", NC_("rejection reason", "Other reason"), "Другая причина" },
};

static const HdEnumEntry modes[] = {
  { "in_person", "appointment mode", NC_("appointment mode", "In person"), "Лично" },
  { "phone", "appointment mode", NC_("appointment mode", "By phone"), "По телефону" },
  { "online", "appointment mode", NC_("appointment mode", "Online call"), "Онлайн-звонок" },
};

static const HdEnumEntry appointment_statuses[] = {
  { "scheduled", "appointment status", NC_("appointment status", "Scheduled"), "Запланирована" },
  { "held", "appointment status", NC_("appointment status", "Held"), "Проведена" },
  { "rescheduled", "appointment status", NC_("appointment status", "Rescheduled"), "Перенесена" },
  { "cancelled_requester", "appointment status", NC_("appointment status", "Cancelled by the requester"), "Отменена заявителем" },
  { "cancelled_consultant", "appointment status", NC_("appointment status", "Cancelled by the consultant"), "Отменена консультантом" },
  { "no_show", "appointment status", NC_("appointment status", "No-show"), "Неявка" },
};

static const struct {
  const HdEnumEntry *entries;
  guint n_entries;
  const char *field;
} tables[HD_N_ENUM_KINDS] = {
  [HD_ENUM_CHANNEL] = { channels, G_N_ELEMENTS (channels), "channel" },
  [HD_ENUM_TOPIC] = { topics, G_N_ELEMENTS (topics), "topic" },
  [HD_ENUM_REQUESTER_KIND] = { requester_kinds, G_N_ELEMENTS (requester_kinds), "requester_kind" },
  [HD_ENUM_STATUS] = { statuses, G_N_ELEMENTS (statuses), "status" },
  [HD_ENUM_REJECTION_REASON] = { rejection_reasons, G_N_ELEMENTS (rejection_reasons), "rejection_reason" },
  [HD_ENUM_APPOINTMENT_MODE] = { modes, G_N_ELEMENTS (modes), "mode" },
  [HD_ENUM_APPOINTMENT_STATUS] = { appointment_statuses, G_N_ELEMENTS (appointment_statuses), "status" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == HD_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (topics) == HD_N_TOPICS);
G_STATIC_ASSERT (G_N_ELEMENTS (requester_kinds) == HD_N_REQUESTER_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == HD_N_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (rejection_reasons) == HD_N_REJECTION_REASONS);
G_STATIC_ASSERT (G_N_ELEMENTS (modes) == HD_N_MODES);
G_STATIC_ASSERT (G_N_ELEMENTS (appointment_statuses) == HD_N_APPOINTMENT_STATUSES);

guint
hd_enum_count (HdEnumKind kind)
{
  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, 0);
  return tables[kind].n_entries;
}

const char *
hd_enum_field_name (HdEnumKind kind)
{
  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, NULL);
  return tables[kind].field;
}

const char *
hd_enum_key (HdEnumKind kind,
             int        value)
{
  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, NULL);
  if (value < 0 || (guint) value >= tables[kind].n_entries)
    return NULL;
  return tables[kind].entries[value].key;
}

const char *
hd_enum_label (HdEnumKind kind,
               int        value)
{
  const HdEnumEntry *e;

  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, NULL);
  if (value < 0 || (guint) value >= tables[kind].n_entries)
    return NULL;
  e = &tables[kind].entries[value];
  return g_dpgettext2 (GETTEXT_PACKAGE, e->context, e->label);
}

int
hd_enum_from_key (HdEnumKind  kind,
                  const char *key)
{
  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, -1);
  if (key == NULL)
    return -1;
  for (guint i = 0; i < tables[kind].n_entries; i++)
    if (g_strcmp0 (tables[kind].entries[i].key, key) == 0)
      return (int) i;
  return -1;
}

/**
 * hd_enum_parse:
 * @kind: which enum
 * @text: a key (`in_person`), the Russian label in any case (`лично`, `ЛИЧНО`), the English
 *   label, or the label in the user's language
 *
 * Returns: the value, or -1 when @text names none of them
 */
int
hd_enum_parse (HdEnumKind  kind,
               const char *text)
{
  g_autofree char *wanted = NULL;
  int value;

  g_return_val_if_fail (kind < HD_N_ENUM_KINDS, -1);
  if (text == NULL)
    return -1;

  if ((value = hd_enum_from_key (kind, text)) >= 0)
    return value;

  wanted = hd_text_normalize (text);
  for (guint i = 0; i < tables[kind].n_entries; i++)
    {
      const HdEnumEntry *e = &tables[kind].entries[i];
      g_autofree char *ru = hd_text_normalize (e->ru);
      g_autofree char *en = hd_text_normalize (e->label);
      g_autofree char *local = hd_text_normalize (hd_enum_label (kind, (int) i));
      g_autofree char *key = hd_text_normalize (e->key);

      if (g_str_equal (wanted, ru) || g_str_equal (wanted, en) ||
          g_str_equal (wanted, local) || g_str_equal (wanted, key))
        return (int) i;
    }
  return -1;
}

gboolean
hd_status_is_closed (HdStatus status)
{
  return status == HD_STATUS_RESOLVED || status == HD_STATUS_REJECTED;
}
