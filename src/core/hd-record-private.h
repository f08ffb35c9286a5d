/* hd-record-private.h — validation and history helpers shared by the record stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hd-database-private.h"
#include "hd-enums.h"
#include "hd-event.h"

G_BEGIN_DECLS

/* Limits of the regulation's forms, in characters */
#define HD_MAX_NAME        200
#define HD_MAX_SUMMARY     200
#define HD_MAX_SHORT       200
#define HD_MAX_DESCRIPTION 10000
#define HD_MAX_NOTES       10000

/* The earliest instant a record may carry: 2000-01-01 00:00 UTC */
#define HD_EARLIEST_TIME   ((gint64) 946684800)

/* Validation collects every field's error into a GPtrArray of GError, so an editor can mark
 * all of them at once; the first one is what a save reports. */
GPtrArray  *hd_check_new            (void);
void        hd_check_add            (GPtrArray    *errors,
                                     GError       *error);
gboolean    hd_check_text           (GPtrArray    *errors,
                                     const char   *text,
                                     const char   *field,
                                     const char   *label,
                                     gboolean      required,
                                     guint         max_chars);
gboolean    hd_check_enum           (GPtrArray    *errors,
                                     HdEnumKind    kind,
                                     int           value,
                                     gboolean      optional,
                                     const char   *field,
                                     const char   *label);
gboolean    hd_check_phone          (GPtrArray    *errors,
                                     const char   *text,
                                     const char   *field,
                                     const char   *label);
gboolean    hd_check_email          (GPtrArray    *errors,
                                     const char   *text,
                                     const char   *field,
                                     const char   *label);
gboolean    hd_check_date           (GPtrArray    *errors,
                                     const char   *text,
                                     const char   *field,
                                     const char   *label,
                                     gboolean      required,
                                     GDate        *out);
gboolean    hd_check_person         (HdDatabase   *db,
                                     GPtrArray    *errors,
                                     gint64        person_id,
                                     gboolean      staff_only,
                                     gboolean      archived_ok,
                                     const char   *field,
                                     const char   *label,
                                     char        **phone);
gboolean    hd_check_finish         (GPtrArray    *errors,
                                     GError      **error);

/* The value as it is stored: ASCII white space stripped at both ends; %NULL stays %NULL. */
char       *hd_record_strip         (const char   *text);
/* Same, but an empty result becomes %NULL (for optional columns). */
char       *hd_record_strip_or_null (const char   *text);
gboolean    hd_record_is_blank      (const char   *text);
gint64      hd_record_now           (void);

/* History rows; @sql inserts (record id, at, field, old, new). */
gboolean    hd_record_add_event     (HdDatabase   *db,
                                     const char   *sql,
                                     gint64        record_id,
                                     gint64        at,
                                     const char   *field,
                                     const char   *old_value,
                                     const char   *new_value,
                                     GError      **error);
GPtrArray  *hd_record_list_events   (HdDatabase   *db,
                                     const char   *sql,
                                     gint64        record_id,
                                     GError      **error);

/* A column of a record's table, bound to the record's property of the same name. The stores
 * keep their SQL in the order of their column tables. */
typedef enum {
  HD_COLUMN_INT,            /* int property, stored as is */
  HD_COLUMN_ID,             /* gint64, 0 stored as NULL */
  HD_COLUMN_TIME,           /* gint64 Unix seconds, 0 stored as NULL */
  HD_COLUMN_BOOL,           /* gboolean, 0 or 1 */
  HD_COLUMN_UINT,           /* guint mask */
  HD_COLUMN_ENUM,           /* int of @enum_kind, stored as its key, -1 as NULL */
  HD_COLUMN_TEXT,           /* string, stripped, empty stored as NULL */
  HD_COLUMN_TEXT_NOT_NULL,  /* string, stripped, empty stored as '' */
} HdColumnKind;

typedef struct {
  const char   *name;       /* the column */
  const char   *property;   /* the record's property */
  HdColumnKind  kind;
  HdEnumKind    enum_kind;
} HdColumn;

void        hd_columns_normalize    (GObject        *record,
                                     const HdColumn *columns,
                                     guint           n_columns);
void        hd_columns_copy         (GObject        *dest,
                                     GObject        *src,
                                     const HdColumn *columns,
                                     guint           n_columns);
void        hd_columns_bind         (HdStmt         *stmt,
                                     GObject        *record,
                                     const HdColumn *columns,
                                     guint           n_columns);
void        hd_columns_read         (HdStmt         *stmt,
                                     GObject        *record,
                                     const HdColumn *columns,
                                     guint           n_columns);
char       *hd_column_text          (GObject        *record,
                                     const HdColumn *column);
gboolean    hd_columns_write_events (HdDatabase     *db,
                                     const char     *sql,
                                     gint64          record_id,
                                     gint64          at,
                                     GObject        *old_record,
                                     GObject        *new_record,
                                     const HdColumn *columns,
                                     guint           n_columns,
                                     guint          *n_changes,
                                     GError        **error);

/* Text forms of values for the history */
char       *hd_record_int_text      (gint64        value,
                                     gboolean      zero_is_null);

G_END_DECLS

G_BEGIN_DECLS

/* hd-request-store.c: a person's new name goes into the search text of their requests; call
 * inside the transaction that renames them. */
gboolean    hd_request_store_rename_requester (HdDatabase  *db,
                                               gint64       person_id,
                                               const char  *full_name,
                                               GError     **error);

G_END_DECLS
