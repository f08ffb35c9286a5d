/* hd-database.c — opening, checking, migrating and backing up the SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hd-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hd-database-private.h"
#include "hd-error.h"

struct _HdDatabase
{
  GObject     parent_instance;

  /* Owned */
  sqlite3    *db;
  char       *path;
  char       *last_backup;
  GHashTable *statements;   /* const char *sql (borrowed, static) → sqlite3_stmt * */

  int         schema_version;
  guint       tx_depth;
  guint       read_only : 1;
};

G_DEFINE_FINAL_TYPE (HdDatabase, hd_database, G_TYPE_OBJECT)

#define BUSY_TIMEOUT_MS 5000
#define BACKUPS_KEPT 10

static void
hd_database_finalize (GObject *object)
{
  HdDatabase *self = (HdDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->last_backup, g_free);

  G_OBJECT_CLASS (hd_database_parent_class)->finalize (object);
}

static void
hd_database_class_init (HdDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hd_database_init (HdDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                    */

static void
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *path,
                  GError     **error)
{
  int primary = rc & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d: %s", rc, detail);

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, HD_ERROR, HD_ERROR_DISK_FULL,
                           _("The disk is full, so the change was not saved. "
                             "Free some space and try again; everything saved earlier is intact."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, HD_ERROR, HD_ERROR_BUSY,
                           _("The database is busy in another program. Try again in a moment."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      if (path != NULL)
        g_set_error (error, HD_ERROR, HD_ERROR_READ_ONLY,
                     /* Translators: %s is a file name */
                     _("The database “%s” cannot be written. Check that the disk is not "
                       "write-protected and that you may change the file."), path);
      else
        g_set_error_literal (error, HD_ERROR, HD_ERROR_READ_ONLY,
                             _("The database cannot be written. Check that the disk is not "
                               "write-protected and that you may change the file."));
      break;
    case SQLITE_CORRUPT:
      g_set_error_literal (error, HD_ERROR, HD_ERROR_CORRUPT,
                           _("The database file is damaged. Restore the newest backup."));
      break;
    case SQLITE_NOTADB:
      g_set_error_literal (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE,
                           _("The file is not a School Helpdesk database."));
      break;
    case SQLITE_IOERR:
      g_set_error_literal (error, HD_ERROR, HD_ERROR_IO,
                           _("The computer could not read or write the database file "
                             "(an input/output error). Check the disk."));
      break;
    case SQLITE_CONSTRAINT:
      /* Translators: %s is SQLite's own (English) explanation */
      g_set_error (error, HD_ERROR, HD_ERROR_INVALID_FIELD,
                   _("The record breaks a rule of the database (%s)."), detail);
      break;
    default:
      /* Translators: %s is SQLite's own (English) explanation */
      g_set_error (error, HD_ERROR, HD_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

void
hd_database_set_error (HdDatabase  *self,
                       int          rc,
                       GError     **error)
{
  set_sqlite_error (self->db, rc, self->path, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Statements                                                                                */

/* The same for a connection of SQLite's own, not an HdDatabase (@handle may be %NULL) */
void
hd_sqlite_set_error (sqlite3  *handle,
                     int       rc,
                     GError  **error)
{
  set_sqlite_error (handle, rc, NULL, error);
}

sqlite3 *
hd_database_get_handle (HdDatabase *self)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);
  return self->db;
}

/**
 * hd_database_prepare:
 * @sql: a string constant; statements are cached by its text
 *
 * Returns: (transfer none): the statement, ready to bind
 */
HdStmt *
hd_database_prepare (HdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      hd_database_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

int
hd_database_step (HdDatabase  *self,
                  HdStmt      *stmt,
                  GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      hd_database_set_error (self, rc, error);
      sqlite3_reset (stmt);
    }
  return rc;
}

gboolean
hd_database_step_done (HdDatabase  *self,
                       HdStmt      *stmt,
                       GError     **error)
{
  int rc = hd_database_step (self, stmt, error);

  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  return rc == SQLITE_DONE;
}

gboolean
hd_database_exec (HdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      hd_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gint64
hd_database_last_insert_id (HdDatabase *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

void
hd_stmt_bind_text (HdStmt     *stmt,
                   int         index,
                   const char *text,
                   gboolean    empty_is_null)
{
  if (text == NULL || (empty_is_null && *text == '\0'))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
hd_stmt_column_text (HdStmt *stmt,
                     int     column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* ---------------------------------------------------------------------------------------- */
/* Transactions: BEGIN IMMEDIATE at the outside, savepoints inside, so stores can nest.      */

gboolean
hd_database_begin (HdDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      set_sqlite_error (self->db, SQLITE_READONLY, self->path, error);
      return FALSE;
    }

  if (!hd_database_exec (self, self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT hd", error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
hd_database_commit (HdDatabase  *self,
                    GError     **error)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (!hd_database_exec (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE hd", error))
    {
      hd_database_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

void
hd_database_rollback (HdDatabase *self)
{
  g_return_if_fail (HD_IS_DATABASE (self));
  g_return_if_fail (self->tx_depth > 0);

  if (self->tx_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO hd; RELEASE hd", NULL, NULL, NULL);
  self->tx_depth--;
}

/* ---------------------------------------------------------------------------------------- */
/* Opening                                                                                   */

char *
hd_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "school-helpdesk", "helpdesk.db", NULL);
}

typedef enum {
  FILE_MISSING,
  FILE_EMPTY,
  FILE_SQLITE,
} FileKind;

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file's header with plain read(2), before SQLite touches it, so a file we refuse
 * stays exactly as it was: no -wal or -shm file appears beside it. */
static gboolean
inspect_file (const char  *path,
              FileKind    *kind,
              GError     **error)
{
  guchar header[100];
  ssize_t n;
  int fd;
  guint32 app_id, version;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        {
          *kind = FILE_MISSING;
          return TRUE;
        }
      g_set_error (error, HD_ERROR, saved == EACCES ? HD_ERROR_READ_ONLY : HD_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Cannot open the database “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    {
      *kind = FILE_EMPTY;
      return TRUE;
    }

  if (n < (ssize_t) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a School Helpdesk database. The file was left as it is."), path);
      return FALSE;
    }

  version = read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (app_id != 0 && app_id != HD_APPLICATION_ID)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a database of another program, not of School Helpdesk. "
                     "The file was left as it is."), path);
      return FALSE;
    }

  if (version > HD_SCHEMA_VERSION)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_SCHEMA_TOO_NEW,
                   /* Translators: %s is a file name, %u and %d are version numbers */
                   _("“%s” was saved by a newer version of School Helpdesk (data format %u; "
                     "this version reads up to %d). Update the application. "
                     "The file was left as it is."),
                   path, version, HD_SCHEMA_VERSION);
      return FALSE;
    }

  if (app_id == 0 && version != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not of School Helpdesk. "
                     "The file was left as it is."), path);
      return FALSE;
    }

  *kind = FILE_SQLITE;
  return TRUE;
}

/* quick_check on an immutable, read-only view of the file: nothing is written or created. */
static gboolean
quick_check_untouched (const char  *path,
                       GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?immutable=1", escaped);

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
    }

  if (!ok)
    g_set_error (error, HD_ERROR, HD_ERROR_CORRUPT,
                 /* Translators: %s is a file name */
                 _("The database “%s” is damaged and was not opened. It was left as it is; "
                   "restore the newest backup."), path);

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
configure_connection (HdDatabase  *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  /* trusted_schema stays on: the FTS triggers write to a virtual table, which SQLite 3.40
   * counts as unsafe otherwise. Foreign files are refused before this point. */

  if (self->read_only)
    return hd_database_exec (self, "PRAGMA foreign_keys=ON; PRAGMA query_only=ON", error);

  /* page_size only counts for a file with nothing in it yet, so it must come before WAL,
   * which writes the header. 16 KiB pages instead of 4: a quarter of the pages, b-tree
   * levels and write calls for the same rows; a million demo requests load 3× faster
   * (tests/bench/bench-core.sh), and a journal page of rows comes in one read. */
  return hd_database_exec (self,
                           "PRAGMA page_size=16384;"
                           "PRAGMA journal_mode=WAL;"
                           "PRAGMA synchronous=FULL;"
                           "PRAGMA foreign_keys=ON;"
                           "PRAGMA journal_size_limit=67108864;",
                           error);
}

static int
read_user_version (HdDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (HdDatabase  *self,
         GError     **error)
{
  const HdMigration *migrations;
  guint n_migrations;
  int version = read_user_version (self);
  g_autofree char *pragma = NULL;

  if (version < 0)
    {
      set_sqlite_error (self->db, sqlite3_errcode (self->db), self->path, error);
      return FALSE;
    }

  self->schema_version = version;
  if (version == HD_SCHEMA_VERSION)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_READ_ONLY,
                   _("The database “%s” needs to be updated to this version of the application, "
                     "but it cannot be written."), self->path);
      return FALSE;
    }

  /* A database with data in it gets a backup before its schema changes. */
  if (version > 0)
    {
      g_autofree char *backup = hd_database_backup_rotating (self, "migration", error);
      if (backup == NULL)
        return FALSE;
    }

  if (!hd_database_begin (self, error))
    return FALSE;

  migrations = hd_schema_get_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations; i++)
    {
      if (migrations[i].version <= version)
        continue;
      g_debug ("Migrating %s to schema version %d", self->path, migrations[i].version);
      if (!hd_database_exec (self, migrations[i].sql, error))
        {
          hd_database_rollback (self);
          return FALSE;
        }
    }

  pragma = g_strdup_printf ("PRAGMA user_version=%d; PRAGMA application_id=%d",
                            HD_SCHEMA_VERSION, HD_APPLICATION_ID);
  if (!hd_database_exec (self, pragma, error))
    {
      hd_database_rollback (self);
      return FALSE;
    }

  if (!hd_database_commit (self, error))
    return FALSE;

  self->schema_version = HD_SCHEMA_VERSION;
  return TRUE;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Cannot create the folder “%s”: %s."), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, HD_ERROR, saved == EACCES || saved == EROFS ? HD_ERROR_READ_ONLY : HD_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Cannot create the database “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static HdDatabase *
open_connection (const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(HdDatabase) self = g_object_new (HD_TYPE_DATABASE, NULL);
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI;
  g_autofree char *uri = NULL;
  int rc;

  self->path = g_strdup (path);
  self->read_only = read_only;

  if (read_only)
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      /* A file we may not write: read it as it is, without the locks and -shm file that
       * would need write access. */
      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
      flags |= SQLITE_OPEN_READONLY;
    }
  else
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      uri = g_strdup_printf ("file:%s", escaped);
      flags |= SQLITE_OPEN_READWRITE;
    }

  rc = sqlite3_open_v2 (uri, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, path, error);
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * hd_database_open:
 * @path: the database file; created (with its folder) when missing
 *
 * Opens the school's database, creating it or bringing its schema up to date (after a
 * backup). A file that is not a School Helpdesk database, one from a newer version of the
 * app, or one that fails its quick check is refused and left byte for byte as it was.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
HdDatabase *
hd_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(HdDatabase) self = NULL;
  FileKind kind;
  gboolean read_only = FALSE;
  gboolean check_after_open = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!inspect_file (path, &kind, error))
    return NULL;

  if (kind == FILE_MISSING)
    {
      if (!create_file (path, error))
        return NULL;
    }
  else if (kind == FILE_SQLITE)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      struct stat st;

      /* After a crash the newest commits may still be in the -wal file, and a transaction
       * interrupted in rollback-journal mode (the demo generator's) leaves half-written pages
       * in the file with their originals in -journal; an immutable view ignores both, so
       * checking the main file alone could call a sound database damaged and send the user to
       * an older backup. Then check on the real connection instead, which recovers first. */
      check_after_open = (g_stat (wal, &st) == 0 && st.st_size > 0) ||
                         (g_stat (journal, &st) == 0 && st.st_size > 0);
      if (!check_after_open && !quick_check_untouched (path, error))
        return NULL;
      read_only = access (path, W_OK) != 0;
      if (!read_only)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          /* SQLite needs to create the -wal and -shm files beside the database */
          read_only = access (dir, W_OK) != 0;
        }
    }
  else if (access (path, W_OK) != 0)
    {
      set_sqlite_error (NULL, SQLITE_READONLY, path, error);
      return NULL;
    }

  self = open_connection (path, read_only, error);
  if (self == NULL)
    return NULL;

  if (check_after_open && !hd_database_check (self, FALSE, error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * hd_database_open_connection:
 *
 * Another connection to the same file, for a worker thread (a connection belongs to one
 * thread at a time). The schema is already up to date.
 */
HdDatabase *
hd_database_open_connection (HdDatabase  *self,
                             GError     **error)
{
  g_autoptr(HdDatabase) other = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);

  other = open_connection (self->path, self->read_only, error);
  if (other == NULL)
    return NULL;
  other->schema_version = self->schema_version;
  return g_steal_pointer (&other);
}

const char *
hd_database_get_path (HdDatabase *self)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
hd_database_is_read_only (HdDatabase *self)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), TRUE);
  return self->read_only;
}

int
hd_database_get_schema_version (HdDatabase *self)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
hd_database_get_last_backup (HdDatabase *self)
{
  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);
  return self->last_backup;
}

/* ---------------------------------------------------------------------------------------- */
/* Backups                                                                                   */

/**
 * hd_database_backup:
 * @dest_path: where to write the copy; replaced if it exists
 *
 * A consistent copy through SQLite's online backup API, even while the database is in use.
 * The copy is written to a temporary file beside @dest_path (0600) and renamed into place, so
 * a failed backup never leaves half a file under the final name.
 */
gboolean
hd_database_backup (HdDatabase  *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  tmp = g_strdup_printf ("%s.part", dest_path);
  g_unlink (tmp);
  if (!create_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  /* A backup is a single file: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (dest, rc, dest_path, error);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Cannot write the backup “%s”: %s."), dest_path, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

static char *
backups_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

static char *
backup_prefix_for (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s-", base);
}

static gint
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Names sort by time: PREFIX-YYYYMMDD-HHMMSS-REASON.db */
static GPtrArray *
list_backups (const char *db_path)
{
  g_autofree char *dir = backups_dir_for (db_path);
  g_autofree char *prefix = backup_prefix_for (db_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return names;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_names_desc);
  return names;
}

/**
 * hd_database_backup_rotating:
 * @reason: a word for the file name: "migration", "daily", "restore"
 *
 * Writes a backup into the `backups` folder beside the database and keeps the newest ten.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
hd_database_backup_rotating (HdDatabase  *self,
                             const char  *reason,
                             GError     **error)
{
  g_autofree char *dir = backups_dir_for (self->path);
  g_autofree char *prefix = backup_prefix_for (self->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s%s-%s.db", prefix, stamp, reason);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GPtrArray) all = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   _("Cannot create the folder “%s”: %s."), dir, g_strerror (saved));
      return NULL;
    }

  if (!hd_database_backup (self, path, error))
    return NULL;

  all = list_backups (self->path);
  for (guint i = BACKUPS_KEPT; i < all->len; i++)
    g_unlink (g_ptr_array_index (all, i));

  g_free (self->last_backup);
  self->last_backup = g_strdup (path);
  return g_steal_pointer (&path);
}

char *
hd_database_find_newest_backup (const char *db_path)
{
  g_autoptr(GPtrArray) all = list_backups (db_path);

  return all->len > 0 ? g_strdup (g_ptr_array_index (all, 0)) : NULL;
}

/**
 * hd_database_restore_backup:
 *
 * Replaces @db_path by a copy of @backup_path, after checking that the backup is a sound
 * School Helpdesk database. The replaced file is kept beside it with a `.replaced` suffix.
 * The database must not be open.
 */
gboolean
hd_database_restore_backup (const char  *backup_path,
                            const char  *db_path,
                            GError     **error)
{
  g_autoptr(HdDatabase) backup = NULL;
  g_autofree char *replaced = NULL;
  FileKind kind;

  if (!inspect_file (backup_path, &kind, error))
    return FALSE;
  if (kind != FILE_SQLITE || !quick_check_untouched (backup_path, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, HD_ERROR, HD_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a School Helpdesk database. The file was left as it is."),
                     backup_path);
      return FALSE;
    }

  backup = open_connection (backup_path, TRUE, error);
  if (backup == NULL)
    return FALSE;

  replaced = g_strdup_printf ("%s.replaced", db_path);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strdup_printf ("%s-wal", db_path);
      g_autofree char *shm = g_strdup_printf ("%s-shm", db_path);

      g_unlink (replaced);
      if (g_rename (db_path, replaced) != 0)
        {
          int saved = errno;
          g_set_error (error, HD_ERROR, HD_ERROR_IO,
                       _("Cannot write the backup “%s”: %s."), db_path, g_strerror (saved));
          return FALSE;
        }
      g_unlink (wal);
      g_unlink (shm);
    }

  return hd_database_backup (backup, db_path, error);
}

/* ---------------------------------------------------------------------------------------- */
/* Checks                                                                                    */

gboolean
hd_database_check (HdDatabase  *self,
                   gboolean     full,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (ok)
    {
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        ok = FALSE;
      sqlite3_finalize (stmt);
    }

  if (!ok)
    g_set_error (error, HD_ERROR, HD_ERROR_CORRUPT,
                 _("The database “%s” is damaged. Restore the newest backup."), self->path);
  return ok;
}

/**
 * hd_database_count_rows:
 *
 * Returns: (transfer full): table name → number of rows (as GINT_TO_POINTER is too small for
 *   a million, values are gint64 *)
 */
GHashTable *
hd_database_count_rows (HdDatabase  *self,
                        GError     **error)
{
  static const char * const queries[][2] = {
    { "people", "SELECT count(*) FROM people" },
    { "requests", "SELECT count(*) FROM requests" },
    { "request_events", "SELECT count(*) FROM request_events" },
    { "appointments", "SELECT count(*) FROM appointments" },
    { "reception_hours", "SELECT count(*) FROM reception_hours" },
    { "newcomers", "SELECT count(*) FROM newcomers" },
    { "calendar_days", "SELECT count(*) FROM calendar_days" },
    { "answer_templates", "SELECT count(*) FROM answer_templates" },
    { "settings", "SELECT count(*) FROM settings" },
  };
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(HdStmt) stmt = hd_database_prepare (self, queries[i][1], error);
      gint64 *value;

      if (stmt == NULL || hd_database_step (self, stmt, error) != SQLITE_ROW)
        return NULL;
      value = g_new (gint64, 1);
      *value = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (counts, (gpointer) queries[i][0], value);
    }
  return g_steal_pointer (&counts);
}

/* ---------------------------------------------------------------------------------------- */
/* Settings: a key/value table, so a school's preferences live with its data.               */

char *
hd_database_get_setting (HdDatabase *self,
                         const char *key,
                         const char *default_value)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (self), NULL);

  stmt = hd_database_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (default_value);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (hd_stmt_column_text (stmt, 0));
  return g_strdup (default_value);
}

int
hd_database_get_setting_int (HdDatabase *self,
                             const char *key,
                             int         default_value)
{
  g_autofree char *text = hd_database_get_setting (self, key, NULL);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return default_value;
  return (int) value;
}

gboolean
hd_database_set_setting (HdDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  g_return_val_if_fail (HD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->read_only)
    {
      set_sqlite_error (self->db, SQLITE_READONLY, self->path, error);
      return FALSE;
    }

  if (value == NULL)
    stmt = hd_database_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = hd_database_prepare (self,
                                "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return hd_database_step_done (self, stmt, error);
}
