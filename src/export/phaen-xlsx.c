/* phaen-xlsx.c — chooses the unit, year and forms, runs the form writers, replaces the file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-xlsx-private.h"

static const char *const form_names[] = {
  [PHAEN_XLSX_FORM_PLAN] = "plan",       [PHAEN_XLSX_FORM_INDICATOR] = "indicator",
  [PHAEN_XLSX_FORM_SUMMARY] = "summary", [PHAEN_XLSX_FORM_EFFICIENCY] = "efficiency",
  [PHAEN_XLSX_FORM_PMQA7] = "pmqa7",     [PHAEN_XLSX_FORM_ALL] = "all",
};

typedef struct
{
  PhaenXlsxOptions options;
  char *unit;
  char *indicator_code;
  char *font_name;
  char *workspace_path;
  char *out_path;
} ExportTask;

/* ------------------------------------------------------------------ helpers */

static PhaenUnit *
resolve_unit (PhaenStore *store,
              const PhaenXlsxOptions *options,
              const PhaenPlan *plan,
              GError **error)
{
  g_autoptr (PhaenUnit) unit = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GString) names = NULL;

  if (options->unit_id != 0)
    unit = phaen_store_get_unit (store, options->unit_id, error);
  else if (options->unit != NULL && *options->unit != '\0')
    unit = phaen_store_find_unit (store, options->unit, error);
  else if (plan != NULL)
    return phaen_store_get_unit (store, plan->unit_id, error);
  else
    {
      units = phaen_store_list_units (store, error);
      if (units == NULL)
        return NULL;
      if (units->len == 1)
        return phaen_unit_copy (g_ptr_array_index (units, 0));
      if (units->len == 0)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                       _ ("The workspace has no units."));
          return NULL;
        }
      names = g_string_new (NULL);
      for (guint i = 0; i < units->len; i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "",
                                ((PhaenUnit *)g_ptr_array_index (units, i))->abbr);
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID, _ ("Choose the unit to export: %s."),
                   names->str);
      return NULL;
    }

  if (unit == NULL)
    return NULL;
  if (plan != NULL && plan->unit_id != unit->id)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("Plan %" PRId64 " does not belong to unit %s."), plan->id, unit->abbr);
      return NULL;
    }
  return g_steal_pointer (&unit);
}

/* Whether the unit has something of @form in @year: its plans, and its indicators as @counts
 * (phaen_store_list_indicator_years()) counts them, without reading thousands of them. */
static gboolean
year_has_form (PhaenStore *store,
               const PhaenUnit *unit,
               int year,
               const GArray *counts,
               PhaenXlsxForm form,
               gboolean *has,
               GError **error)
{
  g_autoptr (GPtrArray) plans = phaen_store_list_plans (store, unit->id, year, error);

  *has = FALSE;
  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);

      *has |= form == PHAEN_XLSX_FORM_ALL ||
              (form == PHAEN_XLSX_FORM_PLAN &&
               (plan->kind == PHAEN_PLAN_PROCESS || plan->kind == PHAEN_PLAN_ACTION)) ||
              (form == PHAEN_XLSX_FORM_EFFICIENCY && plan->kind == PHAEN_PLAN_EFFICIENCY);
    }
  for (guint i = 0; i < counts->len; i++)
    {
      const PhaenIndicatorYear *count = &g_array_index (counts, PhaenIndicatorYear, i);

      if (count->unit_id != unit->id || count->fiscal_year != year)
        continue;
      *has |= form == PHAEN_XLSX_FORM_ALL ||
              (form == PHAEN_XLSX_FORM_PMQA7 && count->n_pmqa7 > 0) ||
              ((form == PHAEN_XLSX_FORM_INDICATOR || form == PHAEN_XLSX_FORM_SUMMARY) &&
               count->n_pmqa7 < count->n_indicators);
    }
  return TRUE;
}

/* The latest year in which the unit has something the form shows. */
static int
latest_year (PhaenStore *store, const PhaenUnit *unit, PhaenXlsxForm form, GError **error)
{
  g_autoptr (GArray) years = phaen_store_list_fiscal_years (store, error);
  g_autoptr (GArray) counts = NULL;
  int best = 0;

  if (years == NULL || !(counts = phaen_store_list_indicator_years (store, error)))
    return -1;
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      gboolean has;

      if (year <= best)
        continue;
      if (!year_has_form (store, unit, year, counts, form, &has, error))
        return -1;
      if (has)
        best = year;
    }
  if (best == 0)
    g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                 _ ("Unit %s has nothing to export as the %s form in any fiscal year."), unit->abbr,
                 phaen_xlsx_form_to_string (form));
  return best == 0 ? -1 : best;
}

static gboolean
cancelled (GCancellable *cancellable, GError **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
book_failed (PhaenXlsxBook *book, GError **error)
{
  if (book->status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write sheet “%s”: %s"),
               book->failed_at ? book->failed_at : "", lxw_strerror (book->status));
  return TRUE;
}

/* ------------------------------------------------------------------ forms */

static gboolean
write_plans (
  PhaenXlsxBook *book, const GPtrArray *plans, PhaenPlanKind kind, guint *n_written, GError **error)
{
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      gboolean ok;

      if (plan->kind != kind || (book->options->plan_id && plan->id != book->options->plan_id))
        continue;
      ok = kind == PHAEN_PLAN_EFFICIENCY ? _phaen_xlsx_write_efficiency (book, plan, error)
                                         : _phaen_xlsx_write_plan (book, plan, error);
      if (!ok)
        return FALSE;
      (*n_written)++;
    }
  return TRUE;
}

/* The quarterly budget of each plan that has one: every action plan (แผนปฏิบัติราชการ reports its
 * budget by quarter), and a process plan once its activities have amounts by quarter (its
 * whole-plan quarters alone are the budget chart's, as before). */
static gboolean
write_budgets (PhaenXlsxBook *book, const GPtrArray *plans, guint *n_written, GError **error)
{
  for (guint i = 0; i < plans->len; i++)
    {
      const PhaenPlan *plan = g_ptr_array_index (plans, i);
      g_autoptr (PhaenBudgetView) view = NULL;
      gboolean entered = FALSE;

      if (plan->kind == PHAEN_PLAN_EFFICIENCY ||
          (book->options->plan_id && plan->id != book->options->plan_id))
        continue;
      view = phaen_budget_view_new (book->store, plan->id, NULL, error);
      if (view == NULL)
        return FALSE;
      for (int q = 0; q < PHAEN_QUARTERS; q++)
        entered = entered || (view->has_quarter[q] && !view->from_plan);
      if (plan->kind != PHAEN_PLAN_ACTION && !entered)
        continue;
      _phaen_xlsx_write_budget (book, plan, view);
      (*n_written)++;
    }
  return TRUE;
}

static gboolean
write_indicators (PhaenXlsxBook *book, const PhaenScorecard *card, guint *n_written, GError **error)
{
  const PhaenXlsxOptions *options = book->options;
  gint64 only = 0;

  if (options->indicator_code != NULL && *options->indicator_code != '\0')
    {
      g_autoptr (PhaenIndicator) found = NULL;
      g_autoptr (GError) local_error = NULL;

      found = phaen_store_find_indicator (book->store, book->unit->id, book->fiscal_year,
                                          options->indicator_code, &local_error);
      if (found == NULL)
        {
          if (g_error_matches (local_error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND))
            g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                         _ ("Unit %s has no indicator “%s” in fiscal year %d."), book->unit->abbr,
                         options->indicator_code, book->fiscal_year);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (found->scoring == PHAEN_SCORING_PMQA7)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("Indicator %s is a PMQA category 7 indicator: export the pmqa7 form."),
                       found->code);
          return FALSE;
        }
      only = found->id;
    }

  for (guint i = 0; i < card->rows->len; i++)
    {
      const PhaenScorecardRow *row = g_ptr_array_index (card->rows, i);

      if ((only && row->indicator->id != only) ||
          (options->plan_id && row->indicator->plan_id != options->plan_id))
        continue;
      if (!_phaen_xlsx_write_indicator (book, row, error))
        return FALSE;
      (*n_written)++;
    }
  return TRUE;
}

static gboolean
write_forms (PhaenXlsxBook *book, GCancellable *cancellable, GError **error)
{
  PhaenXlsxForm form = book->options->form;
  gboolean all = form == PHAEN_XLSX_FORM_ALL;
  g_autoptr (PhaenScorecard) card = NULL;
  g_autoptr (PhaenPmqaTable) table = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  guint n = 0;

  /* The unit's plans of the year, listed once for the plan, budget and 12-item forms. */
  if (all || form == PHAEN_XLSX_FORM_PLAN || form == PHAEN_XLSX_FORM_EFFICIENCY)
    {
      plans = phaen_store_list_plans (book->store, book->unit->id, book->fiscal_year, error);
      if (plans == NULL)
        return FALSE;
    }

  /* The plan form: process plans (§3a), then action plans with their levels (§3b). */
  if (all || form == PHAEN_XLSX_FORM_PLAN)
    if (!write_plans (book, plans, PHAEN_PLAN_PROCESS, &n, error) ||
        !write_plans (book, plans, PHAEN_PLAN_ACTION, &n, error) ||
        cancelled (cancellable, error) || !write_budgets (book, plans, &n, error) ||
        cancelled (cancellable, error))
      return FALSE;

  if (all || form == PHAEN_XLSX_FORM_INDICATOR || form == PHAEN_XLSX_FORM_SUMMARY)
    {
      card = phaen_scorecard_build (book->store, book->unit->id, book->fiscal_year, error);
      if (card == NULL)
        return FALSE;
    }
  if (all || form == PHAEN_XLSX_FORM_INDICATOR)
    if (!write_indicators (book, card, &n, error) || cancelled (cancellable, error))
      return FALSE;
  if ((all || form == PHAEN_XLSX_FORM_SUMMARY) && card->rows->len > 0)
    {
      if (!_phaen_xlsx_write_summary (book, card, error) || cancelled (cancellable, error))
        return FALSE;
      n++;
    }

  if (all || form == PHAEN_XLSX_FORM_EFFICIENCY)
    if (!write_plans (book, plans, PHAEN_PLAN_EFFICIENCY, &n, error) ||
        cancelled (cancellable, error))
      return FALSE;

  if (all || form == PHAEN_XLSX_FORM_PMQA7)
    {
      table = phaen_pmqa_table_build (book->store, book->unit->id, book->fiscal_year, error);
      if (table == NULL)
        return FALSE;
      if (table->groups->len > 0)
        {
          if (!_phaen_xlsx_write_pmqa (book, table, error))
            return FALSE;
          n++;
        }
    }

  if (n == 0)
    {
      static const char *const what[] = {
        [PHAEN_XLSX_FORM_PLAN] = N_ ("process-improvement plan"),
        [PHAEN_XLSX_FORM_INDICATOR] = N_ ("indicator"),
        [PHAEN_XLSX_FORM_SUMMARY] = N_ ("scored indicator"),
        [PHAEN_XLSX_FORM_EFFICIENCY] = N_ ("12-item efficiency plan"),
        [PHAEN_XLSX_FORM_PMQA7] = N_ ("PMQA category 7 indicator"),
        [PHAEN_XLSX_FORM_ALL] = N_ ("plan or indicator"),
      };

      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND,
                   _ ("Unit %s has no %s in fiscal year %d to export."), book->unit->abbr,
                   _ (what[form]), book->fiscal_year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_to (PhaenStore *store,
           const PhaenXlsxOptions *options,
           const char *path,
           GCancellable *cancellable,
           GError **error)
{
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (PhaenAtomicFile) file = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options workbook_options = { 0 };
  lxw_doc_properties properties = { 0 };
  PhaenXlsxBook book = { 0 };
  lxw_error status;
  gboolean ok = FALSE;

  /* Written so that NaN fails too. */
  if (!(options->font_size == 0 || (options->font_size >= PHAEN_XLSX_MIN_FONT_SIZE &&
                                    options->font_size <= PHAEN_XLSX_MAX_FONT_SIZE)))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The font size must be between %g and %g points."), PHAEN_XLSX_MIN_FONT_SIZE,
                   PHAEN_XLSX_MAX_FONT_SIZE);
      return FALSE;
    }
  if (options->orientation > PHAEN_XLSX_ORIENTATION_PORTRAIT)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The orientation must be auto, landscape or portrait."));
      return FALSE;
    }
  if (phaen_store_is_own_file (store, path))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("“%s” is the workspace itself: choose another file for the workbook."), path);
      return FALSE;
    }
  if (options->plan_id != 0)
    {
      plan = phaen_store_get_plan (store, options->plan_id, error);
      if (plan == NULL)
        return FALSE;
    }
  book.store = store;
  book.options = options;
  book.unit = resolve_unit (store, options, plan, error);
  if (book.unit == NULL)
    return FALSE;
  if (options->fiscal_year != 0)
    {
      if (!phaen_store_has_fiscal_year (store, options->fiscal_year, error))
        goto out;
      book.fiscal_year = options->fiscal_year;
      if (plan != NULL && plan->fiscal_year != book.fiscal_year)
        {
          g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                       _ ("Plan %" PRId64 " belongs to fiscal year %d, not %d."), plan->id,
                       plan->fiscal_year, book.fiscal_year);
          goto out;
        }
    }
  else if (plan != NULL)
    book.fiscal_year = plan->fiscal_year;
  else if ((book.fiscal_year = latest_year (store, book.unit, options->form, error)) < 0)
    goto out;

  /* Written beside the target and renamed over it at the end: a failed or cancelled export
   * never leaves a half-written workbook where the old one was. */
  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    goto out;

  workbook_options.tmpdir = (char *)g_get_tmp_dir ();
  book.workbook = workbook_new_opt (phaen_atomic_file_get_temp_path (file), &workbook_options);
  if (book.workbook == NULL)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not start the workbook."));
      goto out;
    }
  book.sheet_names = g_ptr_array_new_with_free_func (g_free);
  _phaen_xlsx_formats_init (&book);

  if (!write_forms (&book, cancellable, error) || book_failed (&book, error) ||
      cancelled (cancellable, error))
    {
      lxw_workbook_free (book.workbook);
      goto out;
    }

  title = g_strdup_printf ("%s %s %d", book.unit->abbr, phaen_xlsx_form_to_string (options->form),
                           book.fiscal_year);
  properties.title = title;
  properties.company = book.unit->name;
  properties.author = (char *)"Phaen";
  _phaen_xlsx_ok (&book, workbook_set_properties (book.workbook, &properties), "properties");

  status = workbook_close (book.workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write “%s”: %s"), path,
                   lxw_strerror (status));
      goto out;
    }
  if (cancelled (cancellable, error) || !phaen_atomic_file_commit (file, error))
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&book.sheet_names, g_ptr_array_unref);
  _phaen_xlsx_book_clear (&book);
  g_clear_pointer (&book.unit, phaen_unit_free);
  g_free (book.failed_at);
  return ok;
}

/* ------------------------------------------------------------------ async */

static void
export_task_free (ExportTask *data)
{
  g_free (data->unit);
  g_free (data->indicator_code);
  g_free (data->font_name);
  g_free (data->workspace_path);
  g_free (data->out_path);
  g_free (data);
}

static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportTask *data = task_data;
  g_autoptr (PhaenStore) store = NULL;
  GError *error = NULL;

  /* This thread's own read-only connection: SQLite connections are not shared across threads,
   * and SQLite shares one set of locks per file within the process, so closing it cannot drop
   * the app connection's locks. */
  store = phaen_store_open_read_only (data->workspace_path, &error);
  if (store == NULL || !export_to (store, &data->options, data->out_path, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------ public API */

void
phaen_xlsx_options_init (PhaenXlsxOptions *options, PhaenXlsxForm form)
{
  g_return_if_fail (options != NULL);

  *options = (PhaenXlsxOptions){ .form = form };
}

gboolean
phaen_xlsx_orientation_from_string (const char *text, PhaenXlsxOrientation *orientation)
{
  static const char *const names[] = {
    [PHAEN_XLSX_ORIENTATION_AUTO] = "auto",
    [PHAEN_XLSX_ORIENTATION_LANDSCAPE] = "landscape",
    [PHAEN_XLSX_ORIENTATION_PORTRAIT] = "portrait",
  };

  g_return_val_if_fail (orientation != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *orientation = (PhaenXlsxOrientation)i;
        return TRUE;
      }
  return FALSE;
}

gboolean
phaen_xlsx_form_from_string (const char *text, PhaenXlsxForm *form)
{
  g_return_val_if_fail (form != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (form_names); i++)
    if (g_str_equal (text, form_names[i]))
      {
        *form = (PhaenXlsxForm)i;
        return TRUE;
      }
  return FALSE;
}

const char *
phaen_xlsx_form_to_string (PhaenXlsxForm form)
{
  g_return_val_if_fail (form <= PHAEN_XLSX_FORM_ALL, NULL);

  return form_names[form];
}

gboolean
phaen_xlsx_export (PhaenStore *store,
                   const PhaenXlsxOptions *options,
                   const char *path,
                   GError **error)
{
  g_return_val_if_fail (PHAEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL && options->form <= PHAEN_XLSX_FORM_ALL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_to (store, options, path, NULL, error);
}

void
phaen_xlsx_export_async (const char *workspace_path,
                         const PhaenXlsxOptions *options,
                         const char *out_path,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (workspace_path != NULL);
  g_return_if_fail (options != NULL && options->form <= PHAEN_XLSX_FORM_ALL);
  g_return_if_fail (out_path != NULL);

  data = g_new0 (ExportTask, 1);
  data->options = *options;
  data->options.unit = data->unit = g_strdup (options->unit);
  data->options.indicator_code = data->indicator_code = g_strdup (options->indicator_code);
  data->options.font_name = data->font_name = g_strdup (options->font_name);
  data->workspace_path = g_strdup (workspace_path);
  data->out_path = g_strdup (out_path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, phaen_xlsx_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
phaen_xlsx_export_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == phaen_xlsx_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
