/* hd-database-private.h — for the stores in src/core only; the UI never sees SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hd-database.h"

G_BEGIN_DECLS

typedef sqlite3_stmt HdStmt;

/* A prepared statement from the connection's cache, reset and unbound when it goes out of
 * scope: g_autoptr(HdStmt) stmt = hd_database_prepare (db, "SELECT …", error); */
static inline void
hd_stmt_release (HdStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdStmt, hd_stmt_release)

sqlite3    *hd_database_get_handle     (HdDatabase   *self);
HdStmt     *hd_database_prepare        (HdDatabase   *self,
                                        const char   *sql,
                                        GError      **error);
gboolean    hd_database_exec           (HdDatabase   *self,
                                        const char   *sql,
                                        GError      **error);
gboolean    hd_database_step_done      (HdDatabase   *self,
                                        HdStmt       *stmt,
                                        GError      **error);
int         hd_database_step           (HdDatabase   *self,
                                        HdStmt       *stmt,
                                        GError      **error);
void        hd_database_set_error      (HdDatabase   *self,
                                        int           rc,
                                        GError      **error);
void        hd_sqlite_set_error        (sqlite3      *handle,
                                        int           rc,
                                        GError      **error);
gint64      hd_database_last_insert_id (HdDatabase   *self);

/* Bind text, NULL for an empty or NULL string when @empty_is_null */
void        hd_stmt_bind_text          (HdStmt       *stmt,
                                        int           index,
                                        const char   *text,
                                        gboolean      empty_is_null);
const char *hd_stmt_column_text        (HdStmt       *stmt,
                                        int           column);

/* hd-schema.c */
typedef struct {
  int         version;
  const char *sql;
} HdMigration;

const HdMigration *hd_schema_get_migrations (guint *n_migrations);

G_END_DECLS
