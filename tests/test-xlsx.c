/* test-xlsx.c — the official forms read back from the written workbook's XML
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "phaen-demo.h"
#include "phaen-error.h"
#include "phaen-score.h"
#include "phaen-xlsx.h"
#include "test-util.h"
#include "test-xlsx-read.h"

#define INJECTION "=HYPERLINK(\"x\")"

typedef struct
{
  char *dir;
  char *workspace;
  PhaenStore *store;
  gint64 unit;
  gint64 plan;
  gint64 efficiency;
} Fixture;

/* ------------------------------------------------------------------ workspace */

static gint64
add_activity (Fixture *f,
              gint64 plan,
              const char *name,
              const char *owner,
              gboolean has_budget,
              double budget,
              int category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenActivity) activity = NULL;
  gint64 id = test_add_activity (f->store, plan, 0, name);

  activity = phaen_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_free (activity->owner);
  activity->owner = g_strdup (owner);
  activity->has_budget = has_budget;
  activity->budget = budget;
  activity->category = category;
  phaen_store_update_activity (f->store, activity, &error);
  g_assert_no_error (error);
  return id;
}

static void
mark (Fixture *f, gint64 activity, int month, guint marks)
{
  g_autoptr (GError) error = NULL;

  phaen_store_set_month_marks (f->store, activity, month, marks, &error);
  g_assert_no_error (error);
}

static gint64
add_indicator (Fixture *f,
               int year,
               const char *code,
               const char *name,
               int scoring,
               int direction,
               double weight)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = NULL;
  gint64 id = phaen_store_add_indicator (f->store, f->unit, year, code, name, &error);

  g_assert_no_error (error);
  indicator = phaen_store_get_indicator (f->store, id, &error);
  g_assert_no_error (error);
  indicator->scoring = scoring;
  indicator->direction = direction;
  indicator->weight = weight;
  indicator->plan_id = scoring == PHAEN_SCORING_PMQA7 ? 0 : f->plan;
  g_free (indicator->target);
  indicator->target = g_strdup ("826");
  /* What a user may type into any field: it must stay text. */
  g_free (indicator->goal);
  indicator->goal = g_strdup ("+1+2");
  g_free (indicator->strategy);
  indicator->strategy = g_strdup ("@SUM(1)");
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_levels (Fixture *f, gint64 indicator, const double *thresholds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();

  for (int level = 1; level <= PHAEN_LEVELS; level++)
    {
      PhaenCriterion *item = g_new0 (PhaenCriterion, 1);

      item->level = level;
      item->has_threshold = thresholds != NULL;
      item->threshold = thresholds ? thresholds[level - 1] : 0;
      item->description = g_strdup_printf ("คำอธิบายระดับ %d", level);
      g_ptr_array_add (version->items, item);
    }
  phaen_store_add_criteria_version (f->store, indicator, version, &error);
  g_assert_no_error (error);
}

static void
set_result (Fixture *f, gint64 indicator, int quarter, const char *value)
{
  g_autoptr (GError) error = NULL;

  phaen_store_set_result (f->store, indicator, quarter, value, "รายละเอียด", "", &error);
  g_assert_no_error (error);
}

static void
set_pmqa (Fixture *f, gint64 id, const char *group, double target, const double values[3])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenIndicator) indicator = phaen_store_get_indicator (f->store, id, &error);

  g_assert_no_error (error);
  g_free (indicator->pmqa_group);
  indicator->pmqa_group = g_strdup (group);
  indicator->has_pmqa_target = TRUE;
  indicator->pmqa_target = target;
  g_free (indicator->measure_unit);
  indicator->measure_unit = g_strdup ("ร้อยละ");
  phaen_store_update_indicator (f->store, indicator, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      phaen_store_set_pmqa_value (f->store, id, 2565 + i, TRUE, values[i], &error);
      g_assert_no_error (error);
    }
}

/* Seed 002's สตป. 02 and a level indicator reported 1 / 2 / 3 / 4-5; a process plan running
 * into the next fiscal year; a 12-item plan; PMQA category 7 in 2567 (seed 001's numbers). */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const double gfmis[] = { 0.10, 0.10, 0.05 };
  const double evaluation[] = { 96.2, 95, 97.4 };
  const double audited[] = { 826, 826, 826 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PhaenPlan) plan = NULL;
  gint64 parent, stp02, levels, a, id;

  f->store = test_workspace_new ("t.phaen", &f->dir);
  f->workspace = g_strdup (phaen_store_get_path (f->store));

  parent = test_add_unit (f->store, "สป.กค.", "สำนักงานปลัดกระทรวงการคลัง");
  f->unit = phaen_store_add_unit (f->store, "สตป.", "สำนักตรวจสอบและประเมินผล", parent, &error);
  g_assert_no_error (error);
  phaen_store_add_fiscal_year (f->store, 2564, &error);
  g_assert_no_error (error);
  phaen_store_add_fiscal_year (f->store, 2567, &error);
  g_assert_no_error (error);

  /* The title lines of the XLSX plan come from the plan's title, as in the PDF. */
  f->plan = test_add_plan (
    f->store, f->unit, 2564, PHAEN_PLAN_PROCESS,
    "แผนการปรับปรุงกระบวนการตามภารกิจของสำนักตรวจสอบและประเมินผล ประจำปีงบประมาณ พ.ศ. 2564");
  plan = phaen_store_get_plan (f->store, f->plan, &error);
  g_assert_no_error (error);
  plan->extra_months = 1;
  phaen_store_update_plan (f->store, plan, &error);
  g_assert_no_error (error);
  phaen_store_set_plan_section (f->store, f->plan, PHAEN_SECTION_PROCESS,
                                "การตรวจติดตามผลการดำเนินงานของหน่วยงานในสังกัดกระทรวงการคลัง "
                                "ให้ครบถ้วนตามเป้าหมายที่กำหนดภายในปีงบประมาณ โดยใช้ระบบ VDO Conference "
                                "และการลงพื้นที่ตรวจติดตามร่วมกับหน่วยงานในสังกัด",
                                &error);
  g_assert_no_error (error);
  phaen_store_set_plan_section (f->store, f->plan, PHAEN_SECTION_CUSTOMERS,
                                "- ส่วนราชการในสังกัดกระทรวงการคลัง", &error);
  g_assert_no_error (error);

  a = add_activity (f, f->plan, "ศึกษากรอบการประเมิน", INJECTION, FALSE, 0, 0);
  for (int m = 0; m < 3; m++)
    mark (f, a, m, PHAEN_MARK_PLANNED);
  a = add_activity (f, f->plan, "ตรวจติดตามในพื้นที่", INJECTION, TRUE, 14760, 0);
  mark (f, a, 3, PHAEN_MARK_PLANNED | PHAEN_MARK_START);
  mark (f, a, 4, PHAEN_MARK_PLANNED | PHAEN_MARK_OUTPUT);
  a = add_activity (f, f->plan, "รายงานผลผ่านระบบที่สำนักงาน ก.พ.ร. กำหนด", INJECTION, FALSE, 0, 0);
  mark (f, a, 12, PHAEN_MARK_PLANNED);

  stp02 = add_indicator (f, 2564, "สตป. 02", "จำนวนหน่วยรับตรวจที่ได้รับการตรวจติดตาม",
                         PHAEN_SCORING_NUMERIC, PHAEN_DIRECTION_HIGHER_BETTER, 30);
  add_levels (f, stp02, thresholds);
  set_result (f, stp02, 1, "0");
  set_result (f, stp02, 2, "184");
  set_result (f, stp02, 3, "464");
  set_result (f, stp02, 4, "826");

  levels = add_indicator (f, 2564, "สตป. 03", "โครงการยกระดับการให้บริการ", PHAEN_SCORING_MILESTONE,
                          PHAEN_DIRECTION_HIGHER_BETTER, 70);
  add_levels (f, levels, NULL);
  set_result (f, levels, 1, "1");
  set_result (f, levels, 2, "2");
  set_result (f, levels, 3, "3");
  set_result (f, levels, 4, "4-5");
  phaen_store_set_score_override (f->store, levels, 3, TRUE, 4, "อุทธรณ์ผ่านแล้ว", &error);
  g_assert_no_error (error);

  /* A percentage: scored, weighted, but no part of the total out of 5. */
  {
    g_autoptr (PhaenIndicator) indicator = NULL;
    g_autoptr (PhaenCriteriaVersion) version = phaen_criteria_version_new ();

    id = add_indicator (f, 2564, "สตป. 04", "ร้อยละของผลผลิตที่ทำได้ตามแผน", PHAEN_SCORING_PASS_FAIL,
                        PHAEN_DIRECTION_HIGHER_BETTER, 10);
    indicator = phaen_store_get_indicator (f->store, id, &error);
    g_assert_no_error (error);
    g_free (indicator->target);
    indicator->target = g_strdup ("10");
    phaen_store_update_indicator (f->store, indicator, &error);
    g_assert_no_error (error);
    version->pass_percent = 80;
    phaen_store_add_criteria_version (f->store, id, version, &error);
    g_assert_no_error (error);
    set_result (f, id, 1, "8");
  }

  /* seed 004: ● start, ○ output; round 1 = 3 of 3 outputs, round 2 = 4 of 5 (80 % passes). */
  f->efficiency =
    test_add_plan (f->store, f->unit, 2564, PHAEN_PLAN_EFFICIENCY, "แผนการพัฒนาประสิทธิภาพ 12 เรื่อง");
  a = add_activity (f, f->efficiency, "Application Debt Info", NULL, FALSE, 0, 1);
  mark (f, a, 0, PHAEN_MARK_START);
  mark (f, a, 2, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED);
  a = add_activity (f, f->efficiency, "ลดการใช้กระดาษ", NULL, FALSE, 0, 5);
  mark (f, a, 1, PHAEN_MARK_START);
  mark (f, a, 3, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED);
  a = add_activity (f, f->efficiency, "บูรณาการข้อมูลคดี", NULL, FALSE, 0, 2);
  mark (f, a, 2, PHAEN_MARK_START);
  mark (f, a, 5, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED);
  mark (f, a, 8, PHAEN_MARK_OUTPUT | PHAEN_MARK_ACHIEVED);
  a = add_activity (f, f->efficiency, "e-Offering auction", NULL, FALSE, 0, 4);
  mark (f, a, 3, PHAEN_MARK_START);
  mark (f, a, 10, PHAEN_MARK_OUTPUT);

  id = add_indicator (f, 2567, "7.1-1", "ร้อยละของเวลาที่ระบบ GFMIS ไม่สามารถให้บริการได้",
                      PHAEN_SCORING_PMQA7, PHAEN_DIRECTION_LOWER_BETTER, 0);
  set_pmqa (f, id, "7.1", 0.10, gfmis);
  id = add_indicator (f, 2567, "7.1-2", "ร้อยละของการประเมินผลการปฏิบัติราชการ", PHAEN_SCORING_PMQA7,
                      PHAEN_DIRECTION_HIGHER_BETTER, 0);
  set_pmqa (f, id, "7.1", 95.8, evaluation);
  id = add_indicator (f, 2567, "7.2-1", "จำนวนหน่วยรับตรวจที่ได้รับการตรวจติดตาม", PHAEN_SCORING_PMQA7,
                      PHAEN_DIRECTION_HIGHER_BETTER, 0);
  set_pmqa (f, id, "7.2", 826, audited);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_workspace_close (&f->store, &f->dir);
  g_free (f->workspace);
}

/* ------------------------------------------------------------------ a formula evaluator */

/* Just enough of the spreadsheet language to recompute what the exporter writes: numbers,
 * strings, references, + - * /, comparisons and IF, ROUND, AND, OR, ISNUMBER, SUM, AVERAGE,
 * COUNT. Evaluating the written formula after changing a result proves the sheet recomputes
 * like the engine without needing a spreadsheet program. */
typedef struct
{
  gboolean is_text;
  double number;
  const char *text; /* interned: values are copied freely and never freed */
  gboolean blank;
} Value;

typedef struct
{
  Sheet *sheet;
  GHashTable *overrides; /* ref → Value* */
  const char *p;
} Eval;

static Value eval_expr (Eval *e);

static void
skip (Eval *e)
{
  while (*e->p == ' ')
    e->p++;
}

static Value
number (double x)
{
  return (Value){ .number = x };
}

static Value
text (const char *s)
{
  return (Value){ .is_text = TRUE, .text = g_intern_string (s) };
}

static double
as_number (Value v)
{
  if (v.blank)
    return 0;
  g_assert_false (v.is_text);
  return v.number;
}

static gboolean
is_empty (Value v)
{
  return v.blank || (v.is_text && *v.text == '\0');
}

static Value
cell_value (Eval *e, const char *ref)
{
  Value *forced = g_hash_table_lookup (e->overrides, ref);
  const Cell *cell = g_hash_table_lookup (e->sheet->cells, ref);

  if (forced != NULL)
    return forced->is_text ? text (forced->text) : *forced;
  if (cell == NULL || cell->value == NULL)
    return (Value){ .blank = TRUE };
  if (cell->formula != NULL)
    {
      Eval inner = { .sheet = e->sheet, .overrides = e->overrides, .p = cell->formula };
      return eval_expr (&inner);
    }
  if (cell->type != NULL)
    return text (cell->value);
  return number (g_ascii_strtod (cell->value, NULL));
}

static char *
read_ref (Eval *e)
{
  GString *ref = g_string_new (NULL);

  while (*e->p == '$' || g_ascii_isalnum (*e->p))
    {
      if (*e->p != '$')
        g_string_append_c (ref, *e->p);
      e->p++;
    }
  return g_string_free (ref, FALSE);
}

/* The cells of a range argument, or the one value of a plain argument. */
static GArray *
eval_args (Eval *e)
{
  GArray *args = g_array_new (FALSE, TRUE, sizeof (Value));

  skip (e);
  if (*e->p == ')')
    {
      e->p++;
      return args;
    }
  for (;;)
    {
      const char *start = e->p;
      g_autofree char *first = read_ref (e);

      if (*e->p == ':')
        {
          g_autofree char *last = NULL;
          int r1, c1, r2, c2;

          e->p++;
          last = read_ref (e);
          split_ref (first, &r1, &c1);
          split_ref (last, &r2, &c2);
          for (int r = r1; r <= r2; r++)
            for (int c = c1; c <= c2; c++)
              {
                g_autofree char *ref = make_ref (r, c);
                Value v = cell_value (e, ref);
                g_array_append_val (args, v);
              }
        }
      else
        {
          Value v;

          e->p = start;
          v = eval_expr (e);
          g_array_append_val (args, v);
        }
      skip (e);
      if (*e->p == ',')
        {
          e->p++;
          continue;
        }
      g_assert_cmpint (*e->p, ==, ')');
      e->p++;
      return args;
    }
}

static Value
call (Eval *e, const char *name)
{
  Value result = { 0 };

  if (g_str_equal (name, "IF"))
    {
      /* Only the chosen branch is evaluated: the other may divide by zero. */
      Value condition = eval_expr (e);
      const char *then_start, *else_start;
      int depth = 0;
      gboolean in_string = FALSE;

      g_assert_cmpint (*e->p, ==, ',');
      then_start = ++e->p;
      for (else_start = NULL; *e->p; e->p++)
        {
          if (*e->p == '"')
            in_string = !in_string;
          if (in_string)
            continue;
          if (*e->p == '(')
            depth++;
          else if (*e->p == ')' && depth-- == 0)
            break;
          else if (*e->p == ',' && depth == 0)
            else_start = e->p + 1;
        }
      g_assert_nonnull (else_start);
      {
        const char *end = e->p;
        Eval branch = { .sheet = e->sheet, .overrides = e->overrides };

        branch.p = as_number (condition) != 0 ? then_start : else_start;
        result = eval_expr (&branch);
        e->p = end + 1;
      }
      return result;
    }

  {
    g_autoptr (GArray) args = eval_args (e);
    Value *a = (Value *)(void *)args->data;
    double sum = 0;
    guint n = 0;

    if (g_str_equal (name, "ROUND"))
      /* Excel's ROUND rounds the decimal value half away from zero, as phaen_round_to does. */
      return number (phaen_round_to (as_number (a[0]), (guint)as_number (a[1])));
    /* Errors are NAN numbers: they make comparisons false and reach IFERROR. */
    if (g_str_equal (name, "ISNUMBER"))
      return number (!a[0].is_text && !a[0].blank && !isnan (a[0].number));
    if (g_str_equal (name, "ISERROR"))
      return number (!a[0].is_text && !a[0].blank && isnan (a[0].number));
    if (g_str_equal (name, "IFERROR"))
      return !a[0].is_text && !a[0].blank && isnan (a[0].number) ? a[1] : a[0];
    if (g_str_equal (name, "NA"))
      return number (NAN);
    if (g_str_equal (name, "TRIM"))
      {
        g_autofree char *copy = g_strdup (a[0].is_text ? a[0].text : "");

        return text (g_strstrip (copy));
      }
    if (g_str_equal (name, "SUBSTITUTE"))
      {
        g_auto (GStrv) parts = g_strsplit (a[0].is_text ? a[0].text : "", a[1].text, -1);
        g_autofree char *joined = g_strjoinv (a[2].text, parts);

        return text (joined);
      }
    if (g_str_equal (name, "FIND"))
      {
        const char *hay = a[1].is_text ? a[1].text : "";
        glong from = args->len > 2 ? (glong)as_number (a[2]) - 1 : 0;
        const char *start = g_utf8_offset_to_pointer (hay, MIN (from, g_utf8_strlen (hay, -1)));
        const char *at = strstr (start, a[0].text);

        return number (at ? g_utf8_pointer_to_offset (hay, at) + 1 : NAN);
      }
    if (g_str_equal (name, "LEFT") || g_str_equal (name, "MID"))
      {
        const char *whole = a[0].is_text ? a[0].text : "";
        gboolean left = g_str_equal (name, "LEFT");
        glong from = left ? 0 : (glong)as_number (a[1]) - 1;
        double count = as_number (a[left ? 1 : 2]);
        glong length = g_utf8_strlen (whole, -1);
        g_autofree char *part = NULL;

        if (isnan (count) || from < 0)
          return number (NAN);
        from = MIN (from, length);
        part = g_utf8_substring (whole, from, MIN (length, from + (glong)count));
        return text (part);
      }
    if (g_str_equal (name, "VALUE"))
      {
        const char *t = a[0].is_text ? a[0].text : "";
        char *end = NULL;
        double x = g_ascii_strtod (t, &end);

        return number (*t != '\0' && end != NULL && *end == '\0' ? x : NAN);
      }
    if (g_str_equal (name, "AND") || g_str_equal (name, "OR"))
      {
        gboolean is_and = g_str_equal (name, "AND"), all = TRUE, any = FALSE;

        for (guint i = 0; i < args->len; i++)
          {
            all &= as_number (a[i]) != 0;
            any |= as_number (a[i]) != 0;
          }
        return number (is_and ? all : any);
      }
    if (g_str_equal (name, "COUNTIF"))
      {
        /* Only the "*text*" criterion occurs. */
        const char *criterion = a[args->len - 1].text;
        g_autofree char *core = g_strndup (criterion + 1, strlen (criterion) - 2);

        g_assert_true (criterion[0] == '*' && g_str_has_suffix (criterion, "*"));
        for (guint i = 0; i + 1 < args->len; i++)
          n += a[i].is_text && strstr (a[i].text, core) != NULL;
        return number (n);
      }
    for (guint i = 0; i < args->len; i++)
      if (!a[i].is_text && !a[i].blank)
        {
          sum += a[i].number;
          n++;
        }
    if (g_str_equal (name, "SUM"))
      return number (sum);
    if (g_str_equal (name, "COUNT"))
      return number (n);
    if (g_str_equal (name, "AVERAGE"))
      return number (sum / n);
  }
  g_error ("function %s is not known to the test", name);
}

static Value
eval_primary (Eval *e)
{
  skip (e);
  if (*e->p == '(')
    {
      Value v;

      e->p++;
      v = eval_expr (e);
      skip (e);
      g_assert_cmpint (*e->p, ==, ')');
      e->p++;
      return v;
    }
  if (*e->p == '-')
    {
      e->p++;
      return number (-as_number (eval_primary (e)));
    }
  if (*e->p == '"')
    {
      const char *end = strchr (e->p + 1, '"');
      g_autofree char *s = g_strndup (e->p + 1, end - e->p - 1);

      e->p = end + 1;
      return text (s);
    }
  if (g_ascii_isdigit (*e->p) || *e->p == '.')
    {
      char *end;
      double x = g_ascii_strtod (e->p, &end);

      e->p = end;
      return number (x);
    }
  {
    const char *start = e->p;
    g_autofree char *word = read_ref (e);

    if (*e->p == '(')
      {
        e->p++;
        return call (e, word);
      }
    if (g_str_equal (word, "TRUE"))
      return number (1);
    g_assert_true (g_ascii_isdigit (word[strlen (word) - 1]) && e->p > start);
    return cell_value (e, word);
  }
}

static Value
eval_term (Eval *e)
{
  Value v = eval_primary (e);

  for (skip (e); *e->p == '*' || *e->p == '/'; skip (e))
    {
      char op = *e->p++;
      double b = as_number (eval_primary (e));

      v = number (op == '*' ? as_number (v) * b : as_number (v) / b);
    }
  return v;
}

static Value
eval_sum (Eval *e)
{
  Value v = eval_term (e);

  for (skip (e); *e->p == '+' || *e->p == '-'; skip (e))
    {
      char op = *e->p++;
      double b = as_number (eval_term (e));

      v = number (op == '+' ? as_number (v) + b : as_number (v) - b);
    }
  return v;
}

static Value
eval_expr (Eval *e)
{
  Value a = eval_sum (e), b;
  char op[3] = { 0 };
  int cmp;

  skip (e);
  if (!strchr ("=<>", *e->p) || *e->p == '\0')
    return a;
  op[0] = *e->p++;
  if (*e->p == '=' || *e->p == '>')
    op[1] = *e->p++;
  b = eval_sum (e);

  if (is_empty (a) || is_empty (b) || a.is_text || b.is_text)
    {
      /* Only "cell = """ occurs: text compares as text, a blank equals "". */
      gboolean equal =
        (is_empty (a) && is_empty (b)) || (a.is_text && b.is_text && g_str_equal (a.text, b.text));

      g_assert_true (g_str_equal (op, "=") || g_str_equal (op, "<>"));
      return number (g_str_equal (op, "=") ? equal : !equal);
    }
  cmp = as_number (a) < as_number (b) ? -1 : as_number (a) > as_number (b);
  if (g_str_equal (op, "="))
    return number (cmp == 0);
  if (g_str_equal (op, "<>"))
    return number (cmp != 0);
  if (g_str_equal (op, "<"))
    return number (cmp < 0);
  if (g_str_equal (op, "<="))
    return number (cmp <= 0);
  if (g_str_equal (op, ">"))
    return number (cmp > 0);
  return number (cmp >= 0);
}

/* The value of the formula in @ref after @changed is retyped as the text @value. */
static Value
recompute_text (Sheet *sheet, const char *ref, const char *changed, const char *value)
{
  g_autoptr (GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  Value forced = text (value);
  const Cell *cell = cell_at (sheet, ref);
  Eval e = { .sheet = sheet, .overrides = overrides, .p = cell->formula };

  g_assert_nonnull (cell->formula);
  g_hash_table_insert (overrides, (gpointer)changed, &forced);
  return eval_expr (&e);
}

/* The value of the formula in @ref after @changed is set to @value. */
static Value
recompute (Sheet *sheet, const char *ref, const char *changed, double value)
{
  g_autoptr (GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  Value forced = number (value);
  const Cell *cell = cell_at (sheet, ref);
  Eval e = { .sheet = sheet, .overrides = overrides, .p = cell->formula };

  g_assert_nonnull (cell->formula);
  g_hash_table_insert (overrides, (gpointer)changed, &forced);
  return eval_expr (&e);
}

/* ------------------------------------------------------------------ export helpers */

static char *export(
  Fixture *f, PhaenXlsxForm form, int year, const char *code, gboolean thai_digits)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.xlsx", phaen_xlsx_form_to_string (form));
  char *path = g_build_filename (f->dir, name, NULL);
  PhaenXlsxOptions options;
  gboolean ok;

  phaen_xlsx_options_init (&options, form);
  options.unit = "สตป";
  options.fiscal_year = year;
  options.indicator_code = code;
  options.thai_digits = thai_digits;
  ok = phaen_xlsx_export (f->store, &options, path, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return path;
}

static void
assert_text_cell_everywhere (Sheet *sheet, const char *text)
{
  GHashTableIter iter;
  gpointer value;
  guint found = 0;

  g_hash_table_iter_init (&iter, sheet->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Cell *cell = value;

      if (cell->formula != NULL)
        g_assert_null (strstr (cell->formula, "HYPERLINK"));
      found += g_strcmp0 (cell->value, text) == 0 && g_strcmp0 (cell->type, "s") == 0;
    }
  g_assert_cmpuint (found, >, 0);
}

/* ------------------------------------------------------------------ tests */

static void
test_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_PLAN, 0, NULL, FALSE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *workbook = unzip_member (path, "xl/workbook.xml");
  g_autofree char *styles = unzip_member (path, "xl/styles.xml");
  g_autofree char *title =
    find_text (sheet, "แผนการปรับปรุงกระบวนการตามภารกิจของสำนักตรวจสอบและประเมินผล");
  g_autofree char *group = find_text (sheet, "ระยะเวลาในการดำเนินงาน");
  g_autofree char *activity = find_text (sheet, "กิจกรรม");
  g_autofree char *october = find_text (sheet, "ต.ค.63");
  g_autofree char *september = find_text (sheet, "ก.ย.64");
  g_autofree char *next = find_text (sheet, "ต.ค.64");
  g_autofree char *owner = find_text (sheet, "ผู้รับผิดชอบ");
  g_autofree char *budget = find_text (sheet, "งบประมาณ");
  g_autofree char *first = find_text (sheet, "1. ศึกษากรอบการประเมิน");
  g_autofree char *note = find_text (sheet, "หมายเหตุ: ต.ค.64 อยู่ในปีงบประมาณถัดไป");
  g_autofree char *group_range = NULL, *activity_range = NULL;
  g_autofree char *copy = NULL;
  int head_row, col, copy_row;

  g_assert_cmpstr (title, ==, "A1");
  g_assert_true (has_merge (sheet, "A1:P1"));
  split_ref (group, &head_row, &col);
  /* 12 months plus the one running into the next fiscal year: B..N */
  group_range = g_strdup_printf ("B%d:N%d", head_row, head_row);
  g_assert_true (has_merge (sheet, group_range));
  activity_range = g_strdup_printf ("A%d:A%d", head_row, head_row + 1);
  g_assert_true (has_merge (sheet, activity_range));
  assert_ref (activity, head_row, 0);
  assert_ref (october, head_row + 1, 1);
  assert_ref (september, head_row + 1, 12);
  assert_ref (next, head_row + 1, 13);
  assert_ref (budget, head_row, 14);
  assert_ref (owner, head_row, 15);
  assert_ref (first, head_row + 2, 0);

  /* The plan's sections take two pages: its third activity starts the third, under a copy of
   * the table header (that gnumeric prints too), the page breaking before it. */
  copy = find_text_below (sheet, "กิจกรรม", head_row);
  g_assert_nonnull (copy);
  split_ref (copy, &copy_row, &col);
  g_assert_cmpint (copy_row, >, head_row + 3);
  {
    g_autofree char *brk = g_strdup_printf ("<brk id=\"%d\"", copy_row - 1);
    g_autofree char *copied_group = g_strdup_printf ("B%d:N%d", copy_row, copy_row);
    g_autofree char *third = g_strdup_printf ("A%d", copy_row + 2);
    g_autofree char *owner_copy = g_strdup_printf ("P%d", copy_row + 2);

    g_assert_nonnull (strstr (sheet->xml, brk));
    g_assert_true (has_merge (sheet, copied_group));
    g_assert_cmpstr (cell_at (sheet, third)->value, ==, "3. รายงานผลผ่านระบบที่สำนักงาน ก.พ.ร. กำหนด");
    /* The owner merged down the activities shows on both pages. */
    g_assert_cmpstr (cell_at (sheet, owner_copy)->value, ==, INJECTION);
  }
  /* The header is not printed twice: there are no print titles. */
  g_assert_null (strstr (workbook, "_xlnm.Print_Titles"));

  /* The three activities share one owner: one cell merged down (seed 000) on each page. */
  {
    g_autofree char *owner_cell = g_strdup_printf ("P%d", head_row + 2);
    g_autofree char *first_page = g_strdup_printf ("P%d:P%d", head_row + 2, head_row + 3);
    g_autofree char *budget_none = g_strdup_printf ("O%d", head_row + 2);
    g_autofree char *budget_money = g_strdup_printf ("O%d", head_row + 3);
    g_autofree char *start = g_strdup_printf ("E%d", head_row + 3);
    g_autofree char *output = g_strdup_printf ("F%d", head_row + 3);

    g_assert_true (has_merge (sheet, first_page));
    /* User text starting with "=" is a string cell, never a formula. */
    g_assert_cmpstr (cell_at (sheet, owner_cell)->type, ==, "s");
    g_assert_cmpstr (cell_at (sheet, owner_cell)->value, ==, INJECTION);
    g_assert_null (cell_at (sheet, owner_cell)->formula);
    assert_text_cell_everywhere (sheet, INJECTION);

    g_assert_cmpstr (cell_at (sheet, budget_none)->value, ==, "-");
    assert_number (sheet, budget_money, 14760);
    g_assert_cmpstr (cell_at (sheet, start)->value, ==, "●");
    g_assert_cmpstr (cell_at (sheet, output)->value, ==, "○");
  }
  /* The totals row, counted as the grid and the Gantt chart count it: the plan has an output
   * mark, so it counts outputs (one in ก.พ.); the budget is the only amount. */
  {
    g_autofree char *label = g_strdup_printf ("A%d", copy_row + 3);
    g_autofree char *january = g_strdup_printf ("E%d", copy_row + 3);
    g_autofree char *february = g_strdup_printf ("F%d", copy_row + 3);
    g_autofree char *total = g_strdup_printf ("O%d", copy_row + 3);

    g_assert_cmpstr (cell_at (sheet, label)->value, ==, "รวมผลผลิตในแต่ละเดือน");
    assert_number (sheet, january, 0);
    assert_number (sheet, february, 1);
    assert_number (sheet, total, 14760);
  }
  assert_ref (note, copy_row + 4, 0);
  g_assert_nonnull (strstr (styles, "formatCode=\"#,##0.00\""));
  g_assert_nonnull (strstr (styles, "<fgColor rgb=\"FFA6A6A6\"/>"));
  g_assert_nonnull (
    strstr (styles, "<sz val=\"16\"/><color theme=\"1\"/><name val=\"TH SarabunPSK\"/>"));
  g_assert_nonnull (strstr (styles, "<b/><sz val=\"16\"/>"));
  g_assert_nonnull (strstr (styles, "<b/>"));
  g_assert_nonnull (strstr (styles, "<left style=\"thin\">"));

  /* Print set-up: A4 landscape at 100 % (the columns fit the page). */
  g_assert_nonnull (strstr (sheet->xml, "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"));
  g_assert_null (strstr (sheet->xml, "fitToPage"));
  g_assert_nonnull (strstr (sheet->xml, "<pageMargins left=\"0.5\" right=\"0.5\""));
  g_assert_nonnull (strstr (workbook, "<sheet name=\"แผนปรับปรุงกระบวนการ\""));

  /* The long process name wraps: its row is taller than one line. */
  {
    g_autofree char *process = g_strdup_printf ("<row r=\"%d\"", 6);
    const char *row = strstr (sheet->xml, process);

    g_assert_nonnull (row);
    g_assert_nonnull (strstr (row, "customHeight=\"1\""));
    g_assert_true (strstr (row, "ht=\"") < strchr (row, '>'));
  }
}

static void
assert_text_at (Sheet *sheet, const char *text, const char *expected)
{
  g_autofree char *ref = find_text (sheet, text);

  g_assert_cmpstr (ref, ==, expected);
}

static const char *
row_of_label (Sheet *sheet, const char *label, char **ref)
{
  *ref = find_text (sheet, label);
  return *ref;
}

/* seed 002: สตป. 02, thresholds 0/150/300/450/826, weight 30: 0, 184, 464, 826 score
 * 1, 2.2267, 4.0372, 5 and weigh 0.3, 0.668, 1.2112, 1.5. */
static void
test_indicator_numeric (Fixture *f, gconstpointer data)
{
  const double thresholds[] = { 0, 150, 300, 450, 826 };
  const double scores[] = { 1, 2.2267, 4.0372, 5 };
  const double weighted[] = { 0.3, 0.668, 1.2112, 1.5 };
  const double tries[] = { -5, 0, 100, 150, 184, 299.99, 300, 389, 464, 500, 825, 826, 1000 };
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_INDICATOR, 0, "สตป.02", FALSE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *workbook = unzip_member (path, "xl/workbook.xml");
  g_autofree char *results = NULL, *score_label = NULL, *weight_label = NULL, *t1 = NULL;
  g_autofree char *weight = NULL;

  g_assert_nonnull (strstr (workbook, "<sheet name=\"ตัวชี้วัด สตป. 02\""));
  g_assert_null (strstr (workbook, "สตป. 03"));
  g_assert_cmpstr (cell_at (sheet, "A1")->value, ==, "ผลกระบวนการตามภารกิจ");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *label = g_strdup_printf ("ไตรมาสที่ %u", i + 1);
      g_autofree char *ref = find_text (sheet, label);
      g_assert_nonnull (ref);
    }
  g_free (find_text (sheet, "แผนปฏิบัติราชการของ สป.กค."));
  g_free (find_text (sheet, "ข้อมูลพื้นฐานย้อนหลัง 3 ปี (ถ้ามี)"));
  g_free (find_text (sheet, "คำอธิบายเกณฑ์การให้คะแนน"));
  g_free (find_text (sheet, "ไฟล์เอกสาร/หลักฐาน"));
  g_assert_cmpstr (cell_at (sheet, "B10")->value, ==, "+1+2");
  g_assert_cmpstr (cell_at (sheet, "B8")->value, ==, "@SUM(1)");
  assert_text_cell_everywhere (sheet, "@SUM(1)");

  row_of_label (sheet, "น้ำหนัก (ร้อยละ)", &weight);
  row_of_label (sheet, "ผลการดำเนินงาน", &results);
  row_of_label (sheet, "คะแนนตัวชี้วัด", &score_label);
  row_of_label (sheet, "คะแนนถ่วงน้ำหนัก", &weight_label);
  {
    g_autofree char *weight_cell = offset_ref (weight, 0, 1);
    assert_number (sheet, weight_cell, 30);
  }
  /* The thresholds are number cells of the criteria table. */
  {
    g_autofree char *head = find_text (sheet, "ระดับคะแนนตัวชี้วัด");

    t1 = offset_ref (head, 1, 1);
  }
  for (int l = 0; l < 5; l++)
    {
      g_autofree char *ref = offset_ref (t1, l, 0);
      assert_number (sheet, ref, thresholds[l]);
    }

  for (int q = 0; q < 4; q++)
    {
      g_autofree char *result_ref = offset_ref (results, 0, 1 + q);
      g_autofree char *score_ref = offset_ref (score_label, 0, 1 + q);
      g_autofree char *weighted_ref = offset_ref (weight_label, 0, 1 + q);
      g_autofree char *abs_t1 = NULL;
      const Cell *score = cell_at (sheet, score_ref);
      const Cell *w = cell_at (sheet, weighted_ref);
      int r, c;

      split_ref (t1, &r, &c);
      abs_t1 = g_strdup_printf ("$B$%d", r);
      g_autofree char *reading_ref = offset_ref (results, 1, 1 + q);

      /* Live formulas over the result (read in the hidden row below it) and the thresholds, with
       * the engine's values cached. */
      g_assert_nonnull (score->formula);
      g_assert_nonnull (strstr (score->formula, reading_ref));
      g_assert_nonnull (strstr (cell_at (sheet, reading_ref)->formula, result_ref));
      g_assert_nonnull (strstr (score->formula, abs_t1));
      assert_number (sheet, score_ref, scores[q]);
      g_assert_nonnull (w->formula);
      g_assert_nonnull (strstr (w->formula, score_ref));
      assert_number (sheet, weighted_ref, weighted[q]);
    }
  g_assert_nonnull (strstr (sheet->xml, "<v>2.2267</v>"));

  /* Changing ไตรมาสที่ 2's result recomputes the score and the weighted score exactly as the
   * engine scores the new value. */
  {
    g_autofree char *q2_result = offset_ref (results, 0, 2);
    g_autofree char *q2_score = offset_ref (score_label, 0, 2);
    g_autofree char *q2_weighted = offset_ref (weight_label, 0, 2);

    for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
      {
        double expected =
          phaen_score_interpolate (PHAEN_DIRECTION_HIGHER_BETTER, thresholds, tries[i]);
        Value score = recompute (sheet, q2_score, q2_result, tries[i]);
        Value w = recompute (sheet, q2_weighted, q2_result, tries[i]);

        g_assert_false (score.is_text);
        g_assert_cmpfloat (score.number, ==, expected);
        g_assert_cmpfloat (w.number, ==, phaen_score_weighted (expected, 30));
      }
  }
}

static void
test_indicator_levels (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_INDICATOR, 2564, "สตป. 03", FALSE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *comments = unzip_member (path, "xl/comments1.xml");
  g_autofree char *results = find_text (sheet, "ผลการดำเนินงาน");
  g_autofree char *scores = find_text (sheet, "คะแนนตัวชี้วัด");
  g_autofree char *weighted = find_text (sheet, "คะแนนถ่วงน้ำหนัก");
  g_autofree char *q3_score = offset_ref (scores, 0, 3);
  g_autofree char *q4_result = offset_ref (results, 0, 4);
  g_autofree char *q4_score = offset_ref (scores, 0, 4);
  g_autofree char *q3_weighted = offset_ref (weighted, 0, 3);
  g_autofree char *q4_weighted = offset_ref (weighted, 0, 4);
  const Cell *text_result = cell_at (sheet, q4_result);
  const Cell *range_score = cell_at (sheet, q4_score);
  Value v;

  /* "4-5" stays the text the unit reported; the hidden reading row below it reads the range at
   * its upper end as the engine does (the LibreOffice and gnumeric tests retype it), and a
   * number typed over it is scored as usual. */
  g_assert_cmpstr (text_result->type, ==, "s");
  g_assert_cmpstr (text_result->value, ==, "4-5");
  {
    g_autofree char *reading = offset_ref (results, 1, 4);

    g_assert_nonnull (strstr (cell_at (sheet, reading)->formula, "FIND(\"-\""));
    assert_number (sheet, reading, 5);
    g_assert_nonnull (strstr (range_score->formula, reading));
  }
  assert_number (sheet, q4_score, 5);
  assert_number (sheet, q4_weighted, 3.5);
  {
    g_autoptr (GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
    Eval e = { .sheet = sheet, .overrides = none, .p = range_score->formula };

    v = eval_expr (&e);
    g_assert_cmpfloat (v.number, ==, 5);
  }
  v = recompute (sheet, q4_score, q4_result, 3);
  g_assert_cmpfloat (v.number, ==, 3);
  /* Issue #15: a range retyped as text is read as the engine reads it, at its upper end. */
  {
    const struct
    {
      const char *typed;
      double score; /* NAN: no score */
    } retyped[] = {
      { "3-4", 4 },   { "๓-๔", 4 }, { " 2 – 3 ", 3 }, { "4", 4 },       { "๕", 5 },
      { "5-3", NAN }, { "-", NAN }, { "ดี", NAN },     { "1-2-3", NAN }, { "", NAN },
    };

    for (guint i = 0; i < G_N_ELEMENTS (retyped); i++)
      {
        PhaenScoreInput input = { .text = retyped[i].typed };
        PhaenCriteria rules;
        PhaenScore engine = { 0 };
        gboolean read;

        phaen_criteria_init (&rules, PHAEN_SCORING_MILESTONE, PHAEN_DIRECTION_HIGHER_BETTER);
        read = phaen_criteria_score (&rules, &input, 70, &engine, NULL);

        v = recompute_text (sheet, q4_score, q4_result, retyped[i].typed);
        if (isnan (retyped[i].score))
          {
            g_assert_true (v.is_text);
            g_assert_cmpstr (v.text, ==, "");
            g_assert_false (read && engine.has_score);
          }
        else
          {
            g_assert_false (v.is_text);
            g_assert_cmpfloat (v.number, ==, retyped[i].score);
            g_assert_true (read && engine.has_score);
            g_assert_cmpfloat (engine.score, ==, retyped[i].score);
          }
      }
  }
  v = recompute (sheet, q4_weighted, q4_result, 4);
  g_assert_cmpfloat (v.number, ==, 2.8);

  /* The override of ไตรมาสที่ 3 is a number with the reason in a comment; the weighted score
   * still multiplies it. */
  g_assert_null (cell_at (sheet, q3_score)->formula);
  assert_number (sheet, q3_score, 4);
  g_assert_nonnull (cell_at (sheet, q3_weighted)->formula);
  assert_number (sheet, q3_weighted, 2.8);
  g_assert_nonnull (strstr (comments, "อุทธรณ์ผ่านแล้ว"));
  g_assert_nonnull (strstr (comments, q3_score));
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  const double totals[] = { 1, 2.068, 4.0112, 5 };
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_SUMMARY, 2564, NULL, FALSE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *chart = unzip_member (path, "xl/charts/chart1.xml");
  g_autofree char *drawing = unzip_member (path, "xl/worksheets/_rels/sheet1.xml.rels");
  g_autofree char *code = find_text (sheet, "สตป. 02");
  g_autofree char *total = find_text (sheet, "รวม");
  g_autofree char *q2_result = offset_ref (code, 0, 6);
  g_autofree char *q2_score = offset_ref (code, 0, 7);
  g_autofree char *q2_weighted = offset_ref (code, 0, 8);
  g_autofree char *head = find_text (sheet, "ไตรมาสที่ 1");
  int row, col;

  g_assert_cmpstr (head, ==, "D4");
  g_assert_true (has_merge (sheet, "D4:F4"));
  g_assert_true (has_merge (sheet, "M4:O4"));
  g_assert_cmpstr (cell_at (sheet, "E5")->value, ==, "คะแนน");
  split_ref (total, &row, &col);
  for (int q = 0; q < 4; q++)
    {
      g_autofree char *ref = make_ref (row, 5 + 3 * q);
      const Cell *cell = cell_at (sheet, ref);

      g_assert_true (g_str_has_prefix (cell->formula, "ROUND(SUM("));
      assert_number (sheet, ref, totals[q]);
    }
  assert_number (sheet, q2_result, 184);
  assert_number (sheet, q2_score, 2.2267);
  assert_number (sheet, q2_weighted, 0.668);
  /* The thresholds are in the formula itself on this sheet; it recomputes all the same. */
  {
    Value v = recompute (sheet, q2_score, q2_result, 500);

    g_assert_cmpfloat (v.number, ==, 4.133);
  }
  {
    /* The quarter's total follows: 4.133 × 30 % = 1.2399, plus สตป. 03's 2 × 70 % = 1.4. */
    g_autofree char *ref = make_ref (row, 8);
    Value v = recompute (sheet, ref, q2_result, 500);

    g_assert_cmpfloat (v.number, ==, 2.6399);
  }

  /* สตป. 04 is a percentage: its weighted score stands in its row, outside the totals. */
  {
    g_autofree char *pct = find_text (sheet, "สตป. 04");
    g_autofree char *pct_result = offset_ref (pct, 0, 3);
    g_autofree char *pct_score = offset_ref (pct, 0, 4);
    g_autofree char *pct_weighted = offset_ref (pct, 0, 5);
    g_autofree char *q1_total = make_ref (row, 5);
    Value v;

    assert_number (sheet, pct_score, 80);
    assert_number (sheet, pct_weighted, 8);
    g_assert_cmpstr (cell_at (sheet, q1_total)->formula, ==, "ROUND(SUM(F6:F7),4)");
    v = recompute (sheet, pct_score, pct_result, 9);
    g_assert_cmpfloat (v.number, ==, 90);
    v = recompute (sheet, q1_total, pct_result, 9);
    g_assert_cmpfloat (v.number, ==, 1);
    g_free (find_text (sheet, "หมายเหตุ สตป. 04: คะแนนเป็นร้อยละ ไม่นับรวมในคะแนนถ่วงน้ำหนักรวม"));
    g_free (find_text (sheet, "หมายเหตุ: น้ำหนักรวมเท่ากับร้อยละ 110 ไม่ใช่ร้อยละ 100"));
  }

  g_assert_nonnull (strstr (chart, "<c:barChart>"));
  g_assert_nonnull (strstr (chart, "<c:barDir val=\"col\"/>"));
  g_assert_nonnull (strstr (chart, "สรุปผลรายไตรมาส"));
  /* The bars read the four totals (live formulas with the engine's values cached). */
  g_assert_nonnull (strstr (chart, "<c:val><c:numRef><c:f>'สรุปผลรายไตรมาส'!$B$"));
  g_assert_null (strstr (chart, "<c:numCache>"));
  {
    g_autofree char *table = find_text (sheet, "คะแนนถ่วงน้ำหนักรวม");

    for (int q = 0; q < 4; q++)
      {
        g_autofree char *ref = offset_ref (table, 1 + q, 0);
        g_autofree char *target = make_ref (row, 5 + 3 * q);

        g_assert_cmpstr (cell_at (sheet, ref)->formula, ==, target);
        assert_number (sheet, ref, totals[q]);
      }
  }
  g_assert_nonnull (strstr (drawing, "drawing"));
}

static void test_efficiency_judged (Sheet *sheet);

static void
test_efficiency (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (Sheet) sheet = NULL;
  gint64 last_item = 0;

  /* The report reaches มิ.ย.: round 2 (to ก.ย.) is in progress, neither ผ่าน nor ไม่ผ่าน. */
  path = export(f, PHAEN_XLSX_FORM_EFFICIENCY, 2564, NULL, FALSE);
  sheet = read_sheet (path, 1);
  {
    g_autofree char *round2 = find_text (sheet, "รอบที่ 2 (12 เดือน: ต.ค.63 – ก.ย.64)");
    g_autofree char *verdict2 = offset_ref (round2, 0, 11);

    g_assert_cmpstr (cell_at (sheet, verdict2)->value, ==, "อยู่ระหว่างดำเนินการ");
  }
  g_clear_pointer (&sheet, sheet_free);
  g_clear_pointer (&path, g_free);

  /* The ก.ย. report is in: round 2 has ended and is judged. */
  {
    g_autoptr (GPtrArray) items = phaen_store_list_activities (f->store, f->efficiency, &error);

    g_assert_no_error (error);
    last_item = ((PhaenActivity *)g_ptr_array_index (items, items->len - 1))->id;
  }
  phaen_store_set_month_progress (f->store, last_item, 11, "ยังไม่แล้วเสร็จ", &error);
  g_assert_no_error (error);
  path = export(f, PHAEN_XLSX_FORM_EFFICIENCY, 2564, NULL, FALSE);
  sheet = read_sheet (path, 1);
  test_efficiency_judged (sheet);
}

static void
test_efficiency_judged (Sheet *sheet)
{
  g_autofree char *totals = find_text (sheet, "รวมผลผลิตในแต่ละเดือน");
  g_autofree char *round1 = find_text (sheet, "รอบที่ 1 (6 เดือน: ต.ค.63 – มี.ค.64)");
  g_autofree char *round2 = find_text (sheet, "รอบที่ 2 (12 เดือน: ต.ค.63 – ก.ย.64)");
  const guint outputs[] = { 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0 };

  g_free (find_text (sheet, "ประเภท"));
  g_free (find_text (sheet, "เรื่องที่ดำเนินการ"));
  g_assert_cmpstr (cell_at (sheet, "A6")->value, ==, "1. Application Debt Info");
  assert_number (sheet, "B6", 1);
  g_assert_cmpstr (cell_at (sheet, "C6")->value, ==, "●");
  g_assert_cmpstr (cell_at (sheet, "E6")->value, ==, "○");
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *ref = offset_ref (totals, 0, 2 + m);
      const Cell *cell = cell_at (sheet, ref);

      g_assert_true (g_str_has_prefix (cell->formula, "COUNTIF("));
      g_assert_nonnull (strstr (cell->formula, "\"*○*\""));
      assert_number (sheet, ref, outputs[m]);
    }
  {
    g_autofree char *planned = offset_ref (round1, 0, 2);
    g_autofree char *achieved = offset_ref (round1, 0, 5);
    g_autofree char *percent = offset_ref (round1, 0, 8);
    g_autofree char *verdict = offset_ref (round1, 0, 11);
    g_autofree char *percent2 = offset_ref (round2, 0, 8);
    g_autofree char *verdict2 = offset_ref (round2, 0, 11);
    g_autofree char *january = offset_ref (totals, 1, 2 + 3); /* outputs achieved in ม.ค. */
    Value v;

    assert_number (sheet, planned, 3);
    assert_number (sheet, achieved, 3);
    assert_number (sheet, percent, 100);
    g_assert_cmpstr (cell_at (sheet, verdict)->type, ==, "str");
    g_assert_cmpstr (cell_at (sheet, verdict)->value, ==, "ผ่าน");
    assert_number (sheet, percent2, 80);
    g_assert_cmpstr (cell_at (sheet, verdict2)->value, ==, "ผ่าน");
    /* One output fewer achieved in ม.ค. makes round 2 fail: 3 of 5 = 60 %. */
    v = recompute (sheet, verdict2, january, 0);
    g_assert_true (v.is_text);
    g_assert_cmpstr (v.text, ==, "ไม่ผ่าน");
  }
}

/* Row heights come from each text's lines, counted from the widths of its words (laid out once
 * each) instead of laying out every text: with PHAEN_XLSX_CHECK_MEASURE (set for this whole
 * program) every text is also laid out by Pango, and a text given fewer lines than Pango gives it
 * is a warning, which fails the test. Texts that lead the count astray: spaces in runs, at the
 * start and end, new lines, Latin words beside Thai, a URL longer than the column, digits,
 * brackets, marks above and below. */
static void
test_measure (Fixture *f, gconstpointer data)
{
  const char *const names[] = {
    "  ประชุมคณะทำงาน   เพื่อ  ติดตามผล  ",
    "ติดตามความก้าวหน้าผลการดำเนินงานของหน่วยรับตรวจ ครั้งที่ 1234 (รอบที่ ๒/๒๕๖๗)",
    "บรรทัดแรก\nบรรทัดที่สอง ยาวกว่าบรรทัดแรกมากพอที่จะต้องตัดขึ้นบรรทัดใหม่ในช่องนี้\n\nหลังบรรทัดว่าง",
    "จัดทำ Dashboard ผ่าน Google Data Studio และ Power BI สำหรับผู้บริหารระดับสูงของกระทรวง",
    "https://forms.gle/84S5uwExampleOfAVeryLongAddressWithoutAnySpaceInItAtAll0123456789 แบบฟอร์ม",
    "ผู้ตรวจราชการกระทรวงการคลังตรวจติดตามการดำเนินงานของหน่วยงานในสังกัดกระทรวงการคลังในส่วนกลางและส่วนภูมิภาคแ"
    "ละเขตตรวจราชการในส่วนกลางได้ครบถ้วนตามเป้าหมายที่กำหนด",
    "ก้ำกึ่ง ฟ้ืน ปั้นน้ำ ญี่ปุ่น ฎีกา ฏุ์ ธุรกิจ ไม่ตัดตรงนี้ COVID-19 e-mail: a.b@c.go.th",
  };
  g_autoptr (Sheet) sheet = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_activity (f, f->plan, names[i], "กลุ่มพัฒนาระบบบริหาร ผู้รับผิดชอบหลัก", TRUE, 1000, 0);
  path = export(f, PHAEN_XLSX_FORM_ALL, 0, NULL, FALSE);
  sheet = read_sheet (path, 1);
  g_assert_nonnull (strstr (sheet->xml, "customHeight"));
}

/* Every row of @sheet is at most @max_pt high (a spreadsheet shows 409 pt at most). */
static void
assert_rows_at_most (Sheet *sheet, double max_pt)
{
  g_autoptr (GRegex) row = g_regex_new ("<row r=\"([0-9]+)\"[^>]* ht=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (row, sheet->xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n++)
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *height = g_match_info_fetch (match, 2);

      if (g_ascii_strtod (height, NULL) > max_pt)
        g_error ("row %s is %s pt high", number, height);
    }
  g_assert_cmpuint (n, >, 0);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* A 12-item plan's long item and progress report continue on extra rows instead of being cut at
 * the 409 pt a row may have; the item's type and months span those rows and the month totals
 * still count each output once (issue #15). */
static void
test_efficiency_long (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GString) progress = g_string_new (NULL);
  g_autoptr (GString) joined = g_string_new (NULL);
  g_autoptr (Sheet) sheet = NULL;
  g_autofree char *path = NULL, *first = NULL, *want = NULL, *got = NULL, *type_merge = NULL;
  g_autofree char *totals = NULL, *header = NULL;
  gboolean merged = FALSE;
  gint64 id;
  int row, col, last = -1, copies = 0;

  for (int i = 0; i < 40; i++)
    g_string_append_printf (name, "ขั้นตอนที่ %d ปรับปรุงการให้บริการประชาชนผ่านระบบออนไลน์ ", i + 1);
  for (int i = 0; i < 30; i++)
    g_string_append (progress, "ดำเนินการประสานงานกับหน่วยงานที่เกี่ยวข้องเรียบร้อยแล้ว ");
  id = add_activity (f, f->efficiency, name->str, NULL, FALSE, 0, 1);
  mark (f, id, 2, PHAEN_MARK_PLANNED | PHAEN_MARK_OUTPUT);
  phaen_store_set_month_progress (f->store, id, 2, progress->str, &error);
  g_assert_no_error (error);

  path = export(f, PHAEN_XLSX_FORM_EFFICIENCY, 2564, NULL, FALSE);
  sheet = read_sheet (path, 1);
  assert_rows_at_most (sheet, 409);

  /* The item's parts, one per row down column A up to the totals; a page that starts inside
   * it starts with a copy of the table header. */
  header = find_text (sheet, "เรื่องที่ดำเนินการ");
  totals = find_text (sheet, "รวมผลผลิตในแต่ละเดือน");
  for (int r = 6;; r++)
    {
      g_autofree char *ref = make_ref (r, 0);
      const char *value;

      if (g_str_equal (ref, totals))
        break;
      value = g_hash_table_contains (sheet->cells, ref) ? cell_at (sheet, ref)->value : NULL;
      if (value != NULL && strstr (value, "ขั้นตอนที่ 1 ") != NULL && first == NULL)
        first = g_strdup (ref);
      if (first != NULL && g_strcmp0 (value, cell_at (sheet, header)->value) == 0)
        copies++;
      else if (first != NULL && value != NULL)
        {
          g_string_append (joined, value);
          last = r;
        }
    }
  g_assert_nonnull (first);
  split_ref (first, &row, &col);
  g_assert_cmpint (last - row, >=, 2);
  g_assert_cmpint (copies, >=, 1);
  want = without_spaces (name->str);
  got = without_spaces (joined->str);
  g_assert_true (g_str_has_suffix (got, want));
  /* The type stands once, merged down the item's rows on its first page; the totals count its
   * output once. */
  type_merge = g_strdup_printf ("B%d:B", row);
  for (guint i = 0; i < sheet->merges->len; i++)
    merged |= g_str_has_prefix (g_ptr_array_index (sheet->merges, i), type_merge);
  g_assert_true (merged);
  {
    g_autofree char *december = offset_ref (totals, 0, 2 + 2);
    g_autofree char *december_top = make_ref (row, 4);

    g_assert_nonnull (strstr (cell_at (sheet, december_top)->value, "○"));
    g_assert_true (g_str_has_prefix (cell_at (sheet, december)->formula, "COUNTIF("));
  }
}

/* "H12" for column "H" and row 12, valid until eight more are made. */
static const char *
row_ref (const char *col, int row)
{
  static char *made[8];
  static guint next;
  char **slot = &made[next++ % G_N_ELEMENTS (made)];

  g_free (*slot);
  *slot = g_strdup_printf ("%s%d", col, row);
  return *slot;
}

static void
test_pmqa (Fixture *f, gconstpointer data)
{
  /* No year given: the latest with PMQA category 7 indicators, 2567 (2564 has others only). */
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_PMQA7, 0, NULL, FALSE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *styles = unzip_member (path, "xl/styles.xml");
  g_autofree char *group1 = find_text (sheet, "7.1 การบรรลุผลลัพธ์ของตัวชี้วัดตามพันธกิจ");
  g_autofree char *mean = find_text (sheet, "คะแนนเฉลี่ยรวมหมวด 7");
  g_autofree char *second = find_text (sheet, "ร้อยละของการประเมินผลการปฏิบัติราชการ (ค่ามากดี)");
  g_autofree char *count = NULL, *chosen = NULL, *header = NULL;
  int second_row, col;

  /* The second indicator starts the second page, under a copy of the table header: the rows
   * from it on move down by the copy and the empty row that fills the first page. */
  split_ref (second, &second_row, &col);
  g_assert_cmpint (second_row, >, 9);
  header = g_strdup_printf ("A%d", second_row - 2);
  g_assert_cmpstr (cell_at (sheet, header)->value, ==, cell_at (sheet, "A4")->value);

  assert_text_at (sheet, "พ.ศ.2565", "C5");
  assert_text_at (sheet, "พ.ศ.2567", "E5");
  assert_text_at (sheet, "การดำเนินการ", "C4");
  g_assert_true (has_merge (sheet, "C4:E4"));
  assert_text_at (sheet, "% ความสำเร็จ", "F4");
  g_assert_cmpstr (group1, ==, "A6");
  /* The sub-item's description as seed 001 prints it under its heading. */
  g_assert_true (g_str_has_prefix (cell_at (sheet, "A7")->value, "เป็นการวัดความสำเร็จ"));
  /* seed 001: 0.05 against 0.10, lower is better → 150 % → 500; 97.4 against 95.8 → 101.67
   * → 300; 7.1 = 400, 7.2 = 300, category 7 = 350. */
  g_assert_cmpstr (cell_at (sheet, "A8")->value, ==,
                   "ร้อยละของเวลาที่ระบบ GFMIS ไม่สามารถให้บริการได้ (ค่าน้อยดี)");
  g_assert_nonnull (strstr (cell_at (sheet, "F8")->formula, "(2-E8/B8)*100"));
  assert_number (sheet, "F8", 150);
  assert_number (sheet, "H8", 500);
  assert_number (sheet, row_ref ("F", second_row), 101.67);
  assert_number (sheet, row_ref ("H", second_row), 300);
  /* The printed score is the chosen one (column AE, an input) or the suggested one (AF), beside
   * the table on screen: the columns between are hidden (gnumeric prints up to the first row
   * break's number, phaen-xlsx-layout.c). The formula reads the moved row. */
  chosen = g_strdup_printf ("IF(ISNUMBER(AE%d),AE%d,AF%d)", second_row, second_row, second_row);
  g_assert_cmpstr (cell_at (sheet, row_ref ("H", second_row))->formula, ==, chosen);
  assert_number (sheet, row_ref ("AF", second_row), 300);
  g_assert_nonnull (strstr (sheet->xml, "<col min=\"9\" max=\"30\" width=\"0\" hidden=\"1\""));
  assert_number (sheet, "H6", 400);
  assert_number (sheet, row_ref ("H", second_row + 1), 300);
  assert_number (sheet, row_ref ("H", second_row + 3), 300);
  assert_ref (mean, second_row + 4, 0);
  count = g_strdup_printf ("IF(COUNT(H6,H%d)=0", second_row + 1);
  g_assert_true (g_str_has_prefix (cell_at (sheet, row_ref ("H", second_row + 4))->formula, count));
  assert_number (sheet, row_ref ("H", second_row + 4), 350);
  g_assert_nonnull (strstr (styles, "General&quot; (ร้อยละ)&quot;"));
  {
    /* 97.4 → 110.5 against 95.8 = 115.34 % → 500; the means follow. */
    Value v = recompute (sheet, row_ref ("H", second_row + 4), row_ref ("E", second_row), 110.5);

    g_assert_cmpfloat (v.number, ==, 400);
  }
}

static void
test_all (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_ALL, 2564, NULL, FALSE);
  g_autofree char *workbook = unzip_member (path, "xl/workbook.xml");
  const char *names[] = { "แผนปรับปรุงกระบวนการ", "ตัวชี้วัด สตป. 02",  "ตัวชี้วัด สตป. 03",
                          "ตัวชี้วัด สตป. 04",      "สรุปผลรายไตรมาส", "แผนเพิ่มประสิทธิภาพ 12 เรื่อง" };
  const char *at = workbook;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sheet =
        g_strdup_printf ("<sheet name=\"%s\" sheetId=\"%u\"", names[i], i + 1);

      at = strstr (at, sheet);
      g_assert_nonnull (at);
    }
  g_assert_null (strstr (workbook, "หมวด 7"));
  g_assert_null (strstr (workbook, "sheetId=\"7\""));
}

static void
test_thai_digits (Fixture *f, gconstpointer data)
{
  g_autofree char *path = export(f, PHAEN_XLSX_FORM_INDICATOR, 2564, "สตป. 02", TRUE);
  g_autoptr (Sheet) sheet = read_sheet (path, 1);
  g_autofree char *styles = unzip_member (path, "xl/styles.xml");
  g_autofree char *plan_path = export(f, PHAEN_XLSX_FORM_PLAN, 2564, NULL, TRUE);
  g_autoptr (Sheet) plan = read_sheet (plan_path, 1);

  g_free (find_text (sheet, "ไตรมาสที่ ๒"));
  g_free (find_text (sheet, "๒๕๖๔"));
  g_free (find_text (plan, "ต.ค.๖๓"));
  g_free (find_text (plan, "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔"));
  /* Numbers stay numbers for the formulas; their format shows Thai digits. */
  g_assert_nonnull (strstr (styles, "[$-D00041E]0.0000"));
  g_assert_null (strstr (styles, "D07041E"));
  g_assert_nonnull (strstr (sheet->xml, "<v>2.2267</v>"));
}

static void
test_font_option (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "font.xlsx", NULL);
  g_autofree char *styles = NULL;
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_SUMMARY);
  options.unit_id = f->unit;
  options.font_name = "TH Sarabun New";
  options.font_size = 14;
  g_assert_true (phaen_xlsx_export (f->store, &options, path, &error));
  g_assert_no_error (error);
  styles = unzip_member (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "<name val=\"TH Sarabun New\"/>"));
  g_assert_nonnull (strstr (styles, "<sz val=\"14\"/>"));
  g_assert_null (strstr (styles, "TH SarabunPSK"));
}

static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.xlsx", NULL);
  g_autofree char *kept = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  struct
  {
    PhaenXlsxForm form;
    const char *unit;
    int year;
    const char *code;
    int code_expected;
  } cases[] = {
    { PHAEN_XLSX_FORM_PLAN, "ไม่มี", 0, NULL, PHAEN_ERROR_NOT_FOUND },
    { PHAEN_XLSX_FORM_PLAN, "สตป.", 2599, NULL, PHAEN_ERROR_NOT_FOUND },
    { PHAEN_XLSX_FORM_INDICATOR, "สตป.", 2564, "สตป. 99", PHAEN_ERROR_NOT_FOUND },
    { PHAEN_XLSX_FORM_INDICATOR, "สตป.", 2567, "7.1-1", PHAEN_ERROR_INVALID },
    { PHAEN_XLSX_FORM_PMQA7, "สตป.", 2564, NULL, PHAEN_ERROR_NOT_FOUND },
    { PHAEN_XLSX_FORM_PLAN, "สตป.", 2567, NULL, PHAEN_ERROR_NOT_FOUND },
    { PHAEN_XLSX_FORM_PLAN, NULL, 0, NULL, PHAEN_ERROR_INVALID }, /* two units: which? */
    { PHAEN_XLSX_FORM_PLAN, "สป.กค.", 0, NULL, PHAEN_ERROR_NOT_FOUND },
  };

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      PhaenXlsxOptions options;

      phaen_xlsx_options_init (&options, cases[i].form);
      options.unit = cases[i].unit;
      options.fiscal_year = cases[i].year;
      options.indicator_code = cases[i].code;
      g_assert_false (phaen_xlsx_export (f->store, &options, path, &error));
      g_assert_error (error, PHAEN_ERROR, cases[i].code_expected);
    }
  /* A failed export leaves the old file and no temporary file behind. */
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".keep"));
}

/* Options the exporter cannot honour are refused before anything is written; above all it never
 * writes the workbook over the workspace it reads. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  const double font_sizes[] = { NAN, INFINITY, -1, 0.5, 410, 1e9 };
  g_autofree char *path = g_build_filename (f->dir, "refused.xlsx", NULL);
  g_autofree char *wal = g_strconcat (f->workspace, "-wal", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0, after_length = 0;
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_SUMMARY);
  options.unit_id = f->unit;
  for (guint i = 0; i < G_N_ELEMENTS (font_sizes); i++)
    {
      g_autoptr (GError) size_error = NULL;

      options.font_size = font_sizes[i];
      g_assert_false (phaen_xlsx_export (f->store, &options, path, &size_error));
      g_assert_error (size_error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  options.font_size = PHAEN_XLSX_MAX_FONT_SIZE;
  g_assert_true (phaen_xlsx_export (f->store, &options, path, &error));
  g_assert_no_error (error);

  options.font_size = 0;
  g_assert_true (g_file_get_contents (f->workspace, &before, &length, NULL));
  g_assert_false (phaen_xlsx_export (f->store, &options, f->workspace, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (phaen_xlsx_export (f->store, &options, wal, &error));
  g_assert_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->workspace, &after, &after_length, NULL));
  g_assert_cmpmem (before, length, after, after_length);
  units = phaen_store_list_units (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >, 0);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Exported;

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Exported *exported = user_data;

  exported->ok = phaen_xlsx_export_finish (result, &exported->error);
  exported->done = TRUE;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.xlsx", NULL);
  g_autofree char *cancelled_path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Exported first = { 0 }, second = { 0 };
  PhaenXlsxOptions options;

  phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_ALL);
  options.unit = "สตป.";
  options.fiscal_year = 2564;

  /* As the app has it: a saved workspace, open. (A store that has only just been created keeps
   * its header in the WAL until the first checkpoint, and phaen_store_open() reads the file's
   * header.) */
  g_clear_object (&f->store);
  f->store = phaen_store_open (f->workspace, &first.error);
  g_assert_no_error (first.error);

  /* The worker opens its own connection while ours stays open. */
  phaen_xlsx_export_async (f->workspace, &options, path, NULL, exported_cb, &first);
  while (!first.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  {
    g_autoptr (Sheet) sheet = read_sheet (path, 5);
    g_free (find_text (sheet, "สรุปผลการดำเนินงานตามตัวชี้วัดรายไตรมาส"));
  }

  g_cancellable_cancel (cancellable);
  phaen_xlsx_export_async (f->workspace, &options, cancelled_path, cancellable, exported_cb,
                           &second);
  while (!second.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (second.ok);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&second.error);
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
}

/* The bundled sample: every unit exports every form it has, and nothing else. */
static void
test_demo (void)
{
  const struct
  {
    const char *unit;
    int year;
    const char *forms; /* the forms the unit has, by first letter */
  } units[] = {
    { "กพร.", 2564, "pis" },
    { "สตป.", 2564, "pis" },
    { "บค.", 2561, "e" },
    { "สป.กค.", 2567, "m" },
  };
  const char letters[] = { 'p', 'i', 's', 'e', 'm' };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (PhaenStore) store = test_workspace_new ("sample.phaen", &dir);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  g_autofree char *out = g_build_filename (dir, "form.xlsx", NULL);

  phaen_demo_load_dir (store, sample, &error);
  g_assert_no_error (error);

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
      {
        g_autoptr (GError) local_error = NULL;
        gboolean expected = strchr (units[u].forms, letters[i]) != NULL;
        PhaenXlsxOptions options;
        gboolean ok;

        phaen_xlsx_options_init (&options, (PhaenXlsxForm)i);
        options.unit = units[u].unit;
        options.fiscal_year = units[u].year;
        ok = phaen_xlsx_export (store, &options, out, &local_error);
        if (expected)
          g_assert_no_error (local_error);
        else
          g_assert_error (local_error, PHAEN_ERROR, PHAEN_ERROR_NOT_FOUND);
        g_assert_true (ok == expected);
      }

  /* Seed 002 through the sample: สตป. 02, ไตรมาสที่ 2. */
  {
    PhaenXlsxOptions options;
    g_autoptr (Sheet) sheet = NULL;
    g_autofree char *scores = NULL, *results = NULL, *q2 = NULL, *q2_result = NULL;
    Value v;

    phaen_xlsx_options_init (&options, PHAEN_XLSX_FORM_INDICATOR);
    options.unit = "สตป.";
    options.indicator_code = "สตป. 02";
    g_assert_true (phaen_xlsx_export (store, &options, out, &error));
    g_assert_no_error (error);
    sheet = read_sheet (out, 1);
    scores = find_text (sheet, "คะแนนตัวชี้วัด");
    results = find_text (sheet, "ผลการดำเนินงาน");
    q2 = offset_ref (scores, 0, 2);
    q2_result = offset_ref (results, 0, 2);
    assert_number (sheet, q2, 2.2267);
    v = recompute (sheet, q2, q2_result, 389);
    g_assert_cmpfloat (v.number, ==, 3.5933);
  }

  test_workspace_close (&store, &dir);
}

static void
test_forms_parse (void)
{
  PhaenXlsxForm form;

  for (int i = PHAEN_XLSX_FORM_PLAN; i <= PHAEN_XLSX_FORM_ALL; i++)
    {
      g_assert_true (phaen_xlsx_form_from_string (phaen_xlsx_form_to_string (i), &form));
      g_assert_cmpint (form, ==, i);
    }
  g_assert_false (phaen_xlsx_form_from_string ("plans", &form));
  g_assert_false (phaen_xlsx_form_from_string (NULL, &form));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every text measured from its words is checked against Pango (test_measure()). */
  g_setenv ("PHAEN_XLSX_CHECK_MEASURE", "1", TRUE);

  g_test_add_func ("/xlsx/forms/parse", test_forms_parse);
  g_test_add_func ("/xlsx/demo", test_demo);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/xlsx/plan", test_plan);
  ADD ("/xlsx/indicator/numeric", test_indicator_numeric);
  ADD ("/xlsx/indicator/levels", test_indicator_levels);
  ADD ("/xlsx/summary", test_summary);
  ADD ("/xlsx/efficiency", test_efficiency);
  ADD ("/xlsx/efficiency/long", test_efficiency_long);
  ADD ("/xlsx/measure", test_measure);
  ADD ("/xlsx/pmqa7", test_pmqa);
  ADD ("/xlsx/all", test_all);
  ADD ("/xlsx/thai-digits", test_thai_digits);
  ADD ("/xlsx/font", test_font_option);
  ADD ("/xlsx/errors", test_errors);
  ADD ("/xlsx/refusals", test_refusals);
  ADD ("/xlsx/async", test_async);
#undef ADD
  return g_test_run ();
}
