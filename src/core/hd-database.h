/* hd-database.h — the SQLite file behind everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HD_TYPE_DATABASE (hd_database_get_type ())
G_DECLARE_FINAL_TYPE (HdDatabase, hd_database, HD, DATABASE, GObject)

/* The schema version this build writes; see hd-schema.c. */
#define HD_SCHEMA_VERSION 4
/* PRAGMA application_id: "SHD1" */
#define HD_APPLICATION_ID 0x53484431

char       *hd_database_default_path        (void);
HdDatabase *hd_database_open                (const char  *path,
                                             GError     **error);
HdDatabase *hd_database_open_connection     (HdDatabase  *self,
                                             GError     **error);
const char *hd_database_get_path            (HdDatabase  *self);
gboolean    hd_database_is_read_only        (HdDatabase  *self);
int         hd_database_get_schema_version  (HdDatabase  *self);
const char *hd_database_get_last_backup     (HdDatabase  *self);
gboolean    hd_database_backup              (HdDatabase  *self,
                                             const char  *dest_path,
                                             GError     **error);
char       *hd_database_backup_rotating     (HdDatabase  *self,
                                             const char  *reason,
                                             GError     **error);
char       *hd_database_find_newest_backup  (const char  *db_path);
gboolean    hd_database_restore_backup      (const char  *backup_path,
                                             const char  *db_path,
                                             GError     **error);
gboolean    hd_database_check               (HdDatabase  *self,
                                             gboolean     full,
                                             GError     **error);
GHashTable *hd_database_count_rows          (HdDatabase  *self,
                                             GError     **error);

char       *hd_database_get_setting         (HdDatabase  *self,
                                             const char  *key,
                                             const char  *default_value);
int         hd_database_get_setting_int     (HdDatabase  *self,
                                             const char  *key,
                                             int          default_value);
gboolean    hd_database_set_setting         (HdDatabase  *self,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);

gboolean    hd_database_begin               (HdDatabase  *self,
                                             GError     **error);
gboolean    hd_database_commit              (HdDatabase  *self,
                                             GError     **error);
void        hd_database_rollback            (HdDatabase  *self);

G_END_DECLS
