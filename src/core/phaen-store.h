/* phaen-store.h — a workspace: one SQLite file (.phaen) holding units, plans, indicators, results
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "phaen-changes.h"
#include "phaen-model.h"

G_BEGIN_DECLS

/* Schema version written by this build (PRAGMA user_version). */
#define PHAEN_STORE_SCHEMA_VERSION 7
/* PRAGMA application_id: "PHAE" */
#define PHAEN_STORE_APPLICATION_ID 0x50484145

#define PHAEN_TYPE_STORE (phaen_store_get_type ())
G_DECLARE_FINAL_TYPE (PhaenStore, phaen_store, PHAEN, STORE, GObject)

/**
 * PhaenStoreOpenFlags:
 * @PHAEN_STORE_OPEN_DEFAULT: open for editing: takes the workspace's lock file, migrates an
 *   older schema (after a backup) and checks the file's integrity; when the file, its folder or
 *   its medium cannot be written, the workspace opens read-only instead (see
 *   phaen_store_get_read_only_reason())
 * @PHAEN_STORE_OPEN_READ_ONLY: only to look: nothing is written, not even SQLite's sidecar
 *   files, and no lock is taken (info, score, export, a second viewer)
 * @PHAEN_STORE_OPEN_IGNORE_LOCK: take the lock even when another writer's lock file is there
 *   (the user said that computer no longer has it open)
 */
typedef enum
{
  PHAEN_STORE_OPEN_DEFAULT = 0,
  PHAEN_STORE_OPEN_READ_ONLY = 1 << 0,
  PHAEN_STORE_OPEN_IGNORE_LOCK = 1 << 1,
} PhaenStoreOpenFlags;

/**
 * PhaenStoreReadOnly:
 * Why a workspace is open read-only.
 */
typedef enum
{
  PHAEN_STORE_WRITABLE,
  PHAEN_STORE_READ_ONLY_REQUESTED, /* PHAEN_STORE_OPEN_READ_ONLY */
  PHAEN_STORE_READ_ONLY_FILE,      /* the file has no write permission */
  PHAEN_STORE_READ_ONLY_FOLDER,    /* its folder cannot be written (SQLite's journal goes there) */
  PHAEN_STORE_READ_ONLY_MEDIUM,    /* a read-only disk, a CD, a write-protected stick */
} PhaenStoreReadOnly;

/* Opening. Only regular files are opened (links resolved first). Foreign, empty, truncated,
 * newer or tampered files are refused with PHAEN_ERROR_NOT_WORKSPACE, PHAEN_ERROR_CORRUPT,
 * PHAEN_ERROR_TOO_NEW or PHAEN_ERROR_SCHEMA and are never written to; another writer's lock
 * gives PHAEN_ERROR_LOCKED. */
PhaenStore *phaen_store_open_full (const char *path,
                                   PhaenStoreOpenFlags flags,
                                   GError **error);              /* (transfer full) */
PhaenStore *phaen_store_open (const char *path, GError **error); /* flags DEFAULT */
PhaenStore *phaen_store_open_read_only (const char *path, GError **error);
PhaenStore *phaen_store_create (const char *path, GError **error); /* fails if path exists */
void phaen_store_open_async (const char *path,
                             PhaenStoreOpenFlags flags,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
PhaenStore *phaen_store_open_finish (GAsyncResult *result, GError **error);
/* Rebuilds a clean workspace at @copy_path from the data of @path, whose schema was refused
 * (PHAEN_ERROR_SCHEMA): only Phaen's own tables and columns are copied, nothing that was added
 * runs. @path is not written. */
gboolean phaen_store_repair_into_copy (const char *path, const char *copy_path, GError **error);
gboolean phaen_store_is_read_only (PhaenStore *self);
/* FALSE with the PHAEN_ERROR_READ_ONLY message an edit would get, saying why: for views that
 * should refuse before the user starts typing. */
gboolean phaen_store_check_writable (PhaenStore *self, GError **error);
/* A unit copy (src/sync/phaen-unit-copy.h): a workspace the planning office made for one unit
 * and one fiscal year. Its unit enters results, รายละเอียดการดำเนินงาน, ปัญหา/อุปสรรค, progress
 * and evidence; every edit of what the office owns (units, people, years, plans, activities
 * and their planned months, budgets, indicators, criteria, weights, score overrides) is
 * refused with PHAEN_ERROR_READ_ONLY saying so, by the store itself. */
gboolean phaen_store_is_unit_copy (PhaenStore *self);
/* FALSE with the PHAEN_ERROR_READ_ONLY message an edit of the office's records would get (a
 * unit copy, or a workspace open read-only): for views that should refuse before typing. */
gboolean phaen_store_check_office_edit (PhaenStore *self, GError **error);
/* The largest evidence file accepted, in bytes (0: any). Larger files are refused with
 * PHAEN_ERROR_INVALID saying the limit; the app sets it from its settings. */
#define PHAEN_STORE_DEFAULT_EVIDENCE_LIMIT (G_GINT64_CONSTANT (50) * 1000 * 1000)
void phaen_store_set_evidence_limit (PhaenStore *self, gint64 bytes);
gint64 phaen_store_get_evidence_limit (PhaenStore *self);
PhaenStoreReadOnly phaen_store_get_read_only_reason (PhaenStore *self);
/* SQLite's journal mode in use ("persist" when editing: see the top of phaen-store.c).
 * Returns: (transfer full) */
char *phaen_store_get_journal_mode (PhaenStore *self);
/* Looks whether another program or computer has written the file since this store last did
 * (PRAGMA data_version). If so, forgets undo and redo — they could otherwise revert the other
 * writer's edits — emits "changed" and returns TRUE. Cheap: call it every second or so. */
gboolean phaen_store_check_outside_change (PhaenStore *self);
const char *phaen_store_get_path (PhaenStore *self);
/* TRUE when writing to @path would overwrite the workspace: its own file (however named: a
 * relative path, a link) or one of SQLite's -wal, -shm, -journal files beside it. Exporters
 * refuse such a target. */
gboolean phaen_store_is_own_file (PhaenStore *self, const char *path);

/* Edits. Every mutating call below is its own transaction and its own undo step unless it runs
 * between phaen_store_begin() and phaen_store_commit(), which make one step of many calls
 * (painting a row of months, say). "changed" is emitted after every commit, undo and redo. */
gboolean phaen_store_begin (PhaenStore *self, const char *label, GError **error);
/* A block of reads that belong together, read in one transaction (see phaen-store.c). */
void phaen_store_read_begin (PhaenStore *self);
void phaen_store_read_end (PhaenStore *self);
gboolean phaen_store_commit (PhaenStore *self, GError **error);
void phaen_store_rollback (PhaenStore *self);
gboolean phaen_store_can_undo (PhaenStore *self);
gboolean phaen_store_can_redo (PhaenStore *self);
const char *phaen_store_get_undo_label (PhaenStore *self);
const char *phaen_store_get_redo_label (PhaenStore *self);
gboolean phaen_store_undo (PhaenStore *self, GError **error);
gboolean phaen_store_redo (PhaenStore *self, GError **error);
void phaen_store_clear_history (PhaenStore *self);

/* Units and people */
gint64 phaen_store_add_unit (
  PhaenStore *self, const char *abbr, const char *name, gint64 parent_id, GError **error);
gboolean phaen_store_update_unit (PhaenStore *self, const PhaenUnit *unit, GError **error);
gboolean phaen_store_delete_unit (PhaenStore *self, gint64 unit_id, GError **error);
GPtrArray *phaen_store_list_units (PhaenStore *self, GError **error); /* (element-type PhaenUnit) */
PhaenUnit *phaen_store_get_unit (PhaenStore *self, gint64 unit_id, GError **error);
/* Finds by abbreviation, ignoring spaces and dots' spacing ("สตป." = "สตป"); NOT_FOUND else. */
PhaenUnit *phaen_store_find_unit (PhaenStore *self, const char *abbr, GError **error);
gint64 phaen_store_add_person (PhaenStore *self, const PhaenPerson *person, GError **error);
GPtrArray *phaen_store_list_people (PhaenStore *self, gint64 unit_id, GError **error);

/* Fiscal years (BE) and their quarterly disbursement targets (% cumulative, cabinet resolution) */
gboolean phaen_store_add_fiscal_year (PhaenStore *self, int fiscal_year, GError **error);
GArray *phaen_store_list_fiscal_years (PhaenStore *self, GError **error); /* (element-type int) */
/* FALSE with PHAEN_ERROR_NOT_FOUND when @fiscal_year is none of the years listed above. */
gboolean phaen_store_has_fiscal_year (PhaenStore *self, int fiscal_year, GError **error);
gboolean phaen_store_set_disbursement_targets (PhaenStore *self,
                                               int fiscal_year,
                                               const double targets[PHAEN_QUARTERS],
                                               GError **error);
gboolean phaen_store_get_disbursement_targets (PhaenStore *self,
                                               int fiscal_year,
                                               double targets[PHAEN_QUARTERS],
                                               GError **error);

/* Plans */
gint64 phaen_store_add_plan (PhaenStore *self,
                             gint64 unit_id,
                             int fiscal_year,
                             PhaenPlanKind kind,
                             const char *title,
                             GError **error);
gboolean phaen_store_update_plan (PhaenStore *self, const PhaenPlan *plan, GError **error);
gboolean phaen_store_delete_plan (PhaenStore *self, gint64 plan_id, GError **error);
PhaenPlan *phaen_store_get_plan (PhaenStore *self, gint64 plan_id, GError **error);
/* unit_id 0 and fiscal_year 0 mean any */
GPtrArray *phaen_store_list_plans (PhaenStore *self,
                                   gint64 unit_id,
                                   int fiscal_year,
                                   GError **error); /* (element-type PhaenPlan) */
gboolean phaen_store_set_plan_section (
  PhaenStore *self, gint64 plan_id, const char *key, const char *text, GError **error);
char *phaen_store_get_plan_section (PhaenStore *self,
                                    gint64 plan_id,
                                    const char *key,
                                    GError **error); /* (transfer full) "" when unset */

/* Activities: listed depth-first in display order with number and depth filled in. */
GPtrArray *phaen_store_list_activities (PhaenStore *self, gint64 plan_id, GError **error);
PhaenActivity *phaen_store_get_activity (PhaenStore *self, gint64 activity_id, GError **error);
/* Inserts at position among parent's children (-1 appends); later siblings move down. */
gint64 phaen_store_add_activity (PhaenStore *self,
                                 gint64 plan_id,
                                 gint64 parent_id,
                                 int position,
                                 const char *name,
                                 GError **error);
/* Writes the scalar fields (name, category, level, owner, budget, output, progress). A new
 * activity's level is one below its parent's (phaen_store_add_activity()). */
gboolean
phaen_store_update_activity (PhaenStore *self, const PhaenActivity *activity, GError **error);
gboolean phaen_store_set_month_marks (
  PhaenStore *self, gint64 activity_id, int month, guint marks, GError **error);
gboolean phaen_store_set_month_progress (
  PhaenStore *self, gint64 activity_id, int month, const char *text, GError **error);
gboolean phaen_store_delete_activity (PhaenStore *self, gint64 activity_id, GError **error);
/* Moves under new_parent_id (0 = top level) at position (-1 appends). */
gboolean phaen_store_move_activity (
  PhaenStore *self, gint64 activity_id, gint64 new_parent_id, int position, GError **error);
gboolean phaen_store_indent_activity (PhaenStore *self, gint64 activity_id, GError **error);
gboolean phaen_store_outdent_activity (PhaenStore *self, gint64 activity_id, GError **error);

/* Budget by quarter for a plan */
gboolean
phaen_store_set_budget_quarter (PhaenStore *self, const PhaenBudgetQuarter *q, GError **error);
GArray *phaen_store_list_budget_quarters (PhaenStore *self,
                                          gint64 plan_id,
                                          GError **error); /* (element-type PhaenBudgetQuarter) */

/* Indicators */
gint64 phaen_store_add_indicator (PhaenStore *self,
                                  gint64 unit_id,
                                  int fiscal_year,
                                  const char *code,
                                  const char *name,
                                  GError **error);
gboolean
phaen_store_update_indicator (PhaenStore *self, const PhaenIndicator *indicator, GError **error);
gboolean phaen_store_delete_indicator (PhaenStore *self, gint64 indicator_id, GError **error);
PhaenIndicator *phaen_store_get_indicator (PhaenStore *self, gint64 indicator_id, GError **error);
/* Finds by code within a unit and year, ignoring spaces ("สตป.02" = "สตป. 02") */
PhaenIndicator *phaen_store_find_indicator (
  PhaenStore *self, gint64 unit_id, int fiscal_year, const char *code, GError **error);
GPtrArray *phaen_store_list_indicators (PhaenStore *self,
                                        gint64 unit_id,
                                        int fiscal_year,
                                        GError **error); /* (element-type PhaenIndicator) */

/**
 * PhaenIndicatorYear:
 * @n_indicators: how many indicators the unit has that year
 * @n_pmqa7: how many of them are scored as PMQA category 7
 *
 * What a list of units and years needs of their indicators, without reading them.
 */
typedef struct
{
  gint64 unit_id;
  int fiscal_year;
  guint n_indicators;
  guint n_pmqa7;
} PhaenIndicatorYear;

/* Every unit and year that has indicators, by unit then year.
 * Returns: (transfer full) (element-type PhaenIndicatorYear) */
GArray *phaen_store_list_indicator_years (PhaenStore *self, GError **error);

/* Criteria versions: the newest is in force. Adding one records its approval date and reason. */
gint64 phaen_store_add_criteria_version (PhaenStore *self,
                                         gint64 indicator_id,
                                         const PhaenCriteriaVersion *version,
                                         GError **error);
PhaenCriteriaVersion *phaen_store_get_criteria (PhaenStore *self,
                                                gint64 indicator_id,
                                                GError **error); /* NULL + NOT_FOUND if none */
GPtrArray *
phaen_store_list_criteria_versions (PhaenStore *self, gint64 indicator_id, GError **error);
/* Every version of a unit's indicators of a year, by indicator: one read for a scorecard. */
GPtrArray *
phaen_store_list_unit_criteria_versions (PhaenStore *self,
                                         gint64 unit_id,
                                         int fiscal_year,
                                         GError **error); /* (element-type PhaenCriteriaVersion) */

/* Quarterly results. value_text is kept as typed; it is parsed (Thai or Arabic digits) into
 * value when it is a number. */
gboolean phaen_store_set_result (PhaenStore *self,
                                 gint64 indicator_id,
                                 int quarter,
                                 const char *value_text,
                                 const char *detail,
                                 const char *problems,
                                 GError **error);
gboolean phaen_store_set_score_override (PhaenStore *self,
                                         gint64 indicator_id,
                                         int quarter,
                                         gboolean has_override,
                                         double score,
                                         const char *reason,
                                         GError **error);
/* Returns 4 slots, index quarter-1; a slot is NULL when nothing was entered. */
GPtrArray *phaen_store_get_results (PhaenStore *self, gint64 indicator_id, GError **error);
/* Every result of a unit's indicators of a year, by indicator then quarter. */
GPtrArray *phaen_store_list_unit_results (PhaenStore *self,
                                          gint64 unit_id,
                                          int fiscal_year,
                                          GError **error); /* (element-type PhaenResult) */
/* The indicator of the result @result_id: 0 (no error) when there is no such result (any more). */
gint64 phaen_store_get_result_indicator (PhaenStore *self, gint64 result_id, GError **error);

/* PMQA category 7: one result per BE year */
gboolean phaen_store_set_pmqa_value (PhaenStore *self,
                                     gint64 indicator_id,
                                     int year,
                                     gboolean has_value,
                                     double value,
                                     GError **error);
gboolean
phaen_store_get_pmqa_value (PhaenStore *self, gint64 indicator_id, int year, double *value);

/* Evidence of a quarter's result: a file stored inside the workspace, or a URL. */
gint64 phaen_store_add_evidence_file (PhaenStore *self,
                                      gint64 indicator_id,
                                      int quarter,
                                      const char *name,
                                      const char *mime,
                                      GBytes *data,
                                      GError **error);
gint64 phaen_store_add_evidence_url (PhaenStore *self,
                                     gint64 indicator_id,
                                     int quarter,
                                     const char *title,
                                     const char *url,
                                     GError **error);
GPtrArray *
phaen_store_list_evidence (PhaenStore *self, gint64 indicator_id, int quarter, GError **error);
GBytes *phaen_store_get_evidence_data (PhaenStore *self, gint64 evidence_id, GError **error);
gboolean phaen_store_delete_evidence (PhaenStore *self, gint64 evidence_id, GError **error);

/* Managing the workspace (phaen-store-manage.c). Each call is one undo step. */
typedef struct
{
  int plans, activities, indicators, results, evidence, people, child_units;
} PhaenStoreContents;
gboolean phaen_store_count_unit_contents (PhaenStore *self,
                                          gint64 unit_id,
                                          PhaenStoreContents *contents,
                                          GError **error);
gboolean phaen_store_count_plan_contents (PhaenStore *self,
                                          gint64 plan_id,
                                          PhaenStoreContents *contents,
                                          GError **error);
/* Returns: (transfer full) "3 แผน, 42 กิจกรรม, 12 ตัวชี้วัด" (the counts that are not zero) */
char *phaen_store_contents_describe (const PhaenStoreContents *contents);
/* A new abbreviation that another unit has is refused (PHAEN_ERROR_INVALID). */
gboolean phaen_store_rename_unit (
  PhaenStore *self, gint64 unit_id, const char *abbr, const char *name, GError **error);
/* Moves plans, indicators, people and sub-units of @from_id to @into_id, deletes @from_id. */
gboolean phaen_store_merge_units (PhaenStore *self, gint64 from_id, gint64 into_id, GError **error);
/* A copy in @fiscal_year with sections, activities and planned months, allocated budget and
 * indicators with criteria; no results. Returns the new plan's id, 0 on error. */
gint64
phaen_store_duplicate_plan (PhaenStore *self, gint64 plan_id, int fiscal_year, GError **error);

/* Counts for `phaen-cli info` */
typedef struct
{
  int units, people, fiscal_years, plans, activities, indicators, results, evidence;
} PhaenStoreStats;
gboolean phaen_store_get_stats (PhaenStore *self, PhaenStoreStats *stats, GError **error);

G_END_DECLS
