/* phaen-store-private.h — internals shared by the phaen-store-*.c files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "phaen-error.h"
#include "phaen-store.h"

G_BEGIN_DECLS

/* A cached prepared statement; the autoptr cleanup resets it for the next use. */
typedef sqlite3_stmt PhaenStmt;
void _phaen_stmt_release (PhaenStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhaenStmt, _phaen_stmt_release)

PhaenStmt *_phaen_store_prepare (PhaenStore *self, const char *sql, GError **error);
sqlite3 *_phaen_store_get_db (PhaenStore *self);
gboolean _phaen_store_set_error (PhaenStore *self, int rc, GError **error);
gboolean _phaen_store_exec (PhaenStore *self, const char *sql, GError **error);
/* Runs a prepared statement that returns no rows. */
gboolean _phaen_store_step_done (PhaenStore *self, PhaenStmt *stmt, GError **error);

/* Steps @stmt to its first row: FALSE with PHAEN_ERROR_NOT_FOUND and @not_found when there is
 * none, or with the SQLite error. */
gboolean
_phaen_store_step_row (PhaenStore *self, PhaenStmt *stmt, const char *not_found, GError **error);
/* Makes a record of the row @stmt stands on; %NULL with @error set when a value is out of
 * range. (transfer full) */
typedef gpointer (*PhaenRowFunc) (sqlite3_stmt *stmt, GError **error);
/* Steps @stmt to its end, adding each row's record to @list; FALSE at the first row @row_func
 * fails on, or with the SQLite error. */
gboolean _phaen_store_collect_rows (
  PhaenStore *self, PhaenStmt *stmt, GPtrArray *list, PhaenRowFunc row_func, GError **error);

/* meta rows (key → text) that no undo step records: what a workspace says about itself (its
 * id, a unit copy's origin). get returns %NULL when unset. (transfer full) */
char *_phaen_store_get_meta (PhaenStore *self, const char *key);
gboolean
_phaen_store_set_meta (PhaenStore *self, const char *key, const char *value, GError **error);

/* Creates the current schema in @db, an empty database (a unit copy being written). */
gboolean _phaen_store_create_schema (sqlite3 *db, GError **error);

/* Every mutating call is wrapped in an edit: a savepoint, and an undo step when outermost. */
gboolean _phaen_store_edit_begin (PhaenStore *self, const char *label, GError **error);
gboolean _phaen_store_edit_end (PhaenStore *self, gboolean ok, GError **error);
/* A one-statement edit: runs @stmt, prepared and bound, as an edit of its own. */
gboolean
_phaen_store_run_edit (PhaenStore *self, const char *label, PhaenStmt *stmt, GError **error);
gboolean _phaen_store_run_edit_on_row (
  PhaenStore *self, const char *label, PhaenStmt *stmt, const char *not_found, GError **error);
gint64
_phaen_store_run_insert (PhaenStore *self, const char *label, PhaenStmt *stmt, GError **error);

/* Evidence files (phaen-store-indicators.c). Checks @data against the workspace's evidence
 * size limit and returns its MIME type: @mime, or when that is %NULL or empty one guessed from
 * @name and @data. %NULL with PHAEN_ERROR_INVALID when the file is too large. (transfer full) */
char *_phaen_store_check_evidence_file (
  PhaenStore *self, const char *name, const char *mime, GBytes *data, GError **error);
/* Stores @data where undo does not copy it (schema 002); the blob's id, or 0 with @error set. */
gint64 _phaen_store_insert_blob (PhaenStore *self, GBytes *data, GError **error);

/* Reading columns of an untrusted file (phaen-store-read.c): a value outside its range fails
 * with PHAEN_ERROR_CORRUPT and a message naming the column. */
/* What a text field is cut to: under the 32,767 characters of an Excel cell, so that every
 * text read can be exported. */
#define PHAEN_MAX_TEXT_BYTES 32000
/* The schema's CHECK range of a fiscal year (BE). */
#define PHAEN_MIN_FISCAL_YEAR 2400
#define PHAEN_MAX_FISCAL_YEAR 2800
/* Valid UTF-8 of at most PHAEN_MAX_TEXT_BYTES (+ "…"), or NULL for NULL. */
char *_phaen_column_strdup (sqlite3_stmt *stmt, int col);
gboolean _phaen_set_corrupt (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean
_phaen_column_int (sqlite3_stmt *stmt, int col, int min, int max, int *value, GError **error);
/* A row id (> 0), or 0 too when @optional (a NULL foreign key read through coalesce()). */
gboolean
_phaen_column_id (sqlite3_stmt *stmt, int col, gboolean optional, gint64 *value, GError **error);
gboolean _phaen_column_double (sqlite3_stmt *stmt, int col, double *value, GError **error);
gboolean _phaen_column_optional_double (
  sqlite3_stmt *stmt, int col, gboolean *has, double *value, GError **error);

/* Binding */
void _phaen_bind_text (sqlite3_stmt *stmt, int col, const char *text);
/* An id of 0 (no row) binds NULL, as a foreign key that points nowhere. */
void _phaen_bind_optional_id (sqlite3_stmt *stmt, int col, gint64 id);
void _phaen_bind_optional_double (sqlite3_stmt *stmt, int col, gboolean has, double value);
char *_phaen_new_uuid (void);
char *_phaen_now_iso8601 (void);
/* Compares codes and abbreviations the way officers type them: without spaces. */
char *_phaen_code_key (const char *code);

G_END_DECLS
