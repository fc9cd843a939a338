/* phaen-plan-import.c — a plan from a table: our own XLSX export read back, or any table with a
 * header row mapped column by column
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-official.h"
#include "phaen-plan-import.h"
#include "phaen-thai-text.h"

/* Header words (keys of phaen_table_header_key()). A name header starts with one of these. */
static const char *const name_words[] = { "กิจกรรม",   "เรื่องที่ดำเนินการ", "ขั้นตอน", "โครงการ",
                                          "activity", "activities",    "task",  NULL };
static const char *const budget_words[] = { "งบประมาณ", "budget", "บาท", NULL };
static const char *const owner_words[] = { "ผู้รับผิดชอบ", "รับผิดชอบ", "owner", "responsible", NULL };
static const char *const output_words[] = { "ผลผลิต", "output", NULL };
static const char *const level_words[] = { "ระดับ", "level", "ลำดับชั้น", NULL };

/* Months as header keys, January first (GDateMonth − 1). */
static const char *const month_keys[12][4] = {
  { "มกราคม", "มค", "january", "jan" },    { "กุมภาพันธ์", "กพ", "february", "feb" },
  { "มีนาคม", "มีค", "march", "mar" },       { "เมษายน", "เมย", "april", "apr" },
  { "พฤษภาคม", "พค", "may", "may" },       { "มิถุนายน", "มิย", "june", "jun" },
  { "กรกฎาคม", "กค", "july", "jul" },      { "สิงหาคม", "สค", "august", "aug" },
  { "กันยายน", "กย", "september", "sep" },  { "ตุลาคม", "ตค", "october", "oct" },
  { "พฤศจิกายน", "พย", "november", "nov" }, { "ธันวาคม", "ธค", "december", "dec" },
};

/* The fiscal position (ต.ค. = 0 … ก.ย. = 11) of a month header such as "ต.ค.63", "ตุลาคม 2563"
 * or "Oct", or -1. */
static int
month_of_header (const char *text)
{
  g_autofree char *key = phaen_table_header_key (text);

  for (int m = 0; m < 12; m++)
    for (int k = 0; k < 4; k++)
      if (g_str_has_prefix (key, month_keys[m][k]))
        {
          const char *rest = key + strlen (month_keys[m][k]);

          while (g_ascii_isdigit (*rest))
            rest++;
          if (*rest == '\0')
            return (m + 1 + 2) % 12;
        }
  return -1;
}

static gboolean
starts_with_word (const char *text, const char *const *words)
{
  g_autofree char *key = phaen_table_header_key (text);

  for (guint i = 0; words[i]; i++)
    if (g_str_has_prefix (key, words[i]))
      return TRUE;
  return FALSE;
}

static void
row_free (gpointer data)
{
  PhaenPlanImportRow *row = data;

  g_free (row->name);
  g_free (row->owner);
  g_free (row->output);
  g_free (row->error);
  g_free (row);
}

void
phaen_plan_import_free (PhaenPlanImport *import)
{
  if (import == NULL)
    return;
  g_free (import->title);
  g_clear_pointer (&import->sections, g_hash_table_unref);
  g_clear_pointer (&import->columns, g_array_unref);
  g_clear_pointer (&import->headers, g_ptr_array_unref);
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_free (import);
}

char *
phaen_plan_column_describe (const PhaenPlanColumn *column)
{
  switch (column->role)
    {
    case PHAEN_PLAN_COLUMN_NAME:
      return g_strdup (_ ("Activity"));
    case PHAEN_PLAN_COLUMN_MONTH:
      {
        GDateMonth month = (GDateMonth)((column->month % 12 + 9) % 12 + 1);

        return column->month >= PHAEN_FISCAL_MONTHS
                 ? g_strdup_printf (_ ("%s (next year)"), phaen_month_short_name (month))
                 : g_strdup (phaen_month_short_name (month));
      }
    case PHAEN_PLAN_COLUMN_BUDGET:
      return g_strdup (_ ("Budget"));
    case PHAEN_PLAN_COLUMN_OWNER:
      return g_strdup (_ ("Responsible"));
    case PHAEN_PLAN_COLUMN_OUTPUT:
      return g_strdup (_ ("Output"));
    case PHAEN_PLAN_COLUMN_LEVEL:
      return g_strdup (_ ("Level"));
    case PHAEN_PLAN_COLUMN_IGNORE:
    default:
      return g_strdup (_ ("Not imported"));
    }
}

/* "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔" → 2564 */
static int
year_in (const char *text)
{
  g_autofree char *arabic = phaen_digits_to_arabic (text);
  const char *p = strstr (arabic, "ประจำปีงบประมาณ");

  for (p = p ? p : arabic; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        int year = (int)g_ascii_strtoll (p, NULL, 10);

        if (year >= 2400 && year <= 2800)
          return year;
        while (g_ascii_isdigit (p[1]))
          p++;
      }
  return 0;
}

static char *
after_colon (const char *text)
{
  const char *colon = strstr (text, " : ");
  g_autofree char *value = g_strdup (colon ? colon + 3 : "");

  g_strstrip (value);
  return g_str_equal (value, "-") ? g_strdup ("") : g_steal_pointer (&value);
}

static const PhaenTableRow *
table_row (const PhaenPlanImport *import, guint index)
{
  return index < import->table->rows->len ? g_ptr_array_index (import->table->rows, index) : NULL;
}

/* The labelled sections of our own sheets: "label : text". */
static const struct
{
  const char *prefix;
  const char *key;
} labelled[] = {
  { "1. ชื่อกระบวนการ", PHAEN_SECTION_PROCESS },
  { "3. ตัวชี้วัด", PHAEN_SECTION_INDICATOR },
  { "รายละเอียดการวัดผล", PHAEN_SECTION_CRITERIA },
  { "4. แนวทางการนำเทคโนโลยีดิจิทัล", PHAEN_SECTION_DIGITAL },
  { "7. ผลที่คาดว่าจะได้รับ", PHAEN_SECTION_EXPECTED },
  /* our แผนปฏิบัติราชการ sheet (§3b) */
  { "ประเด็นยุทธศาสตร์ :", PHAEN_SECTION_STRATEGY },
  { "เป้าประสงค์ :", PHAEN_SECTION_GOAL },
};

/* @text and the rows after table index @r that continue it: our own export continues a long
 * text on the next rows, each part ending at one of its newlines where it can
 * (phaen-xlsx-layout.c), up to a blank row or the next section. */
static char *
with_continuation (const PhaenPlanImport *import, guint r, const char *text)
{
  GString *whole = g_string_new (text);
  const PhaenTableRow *next;

  while ((next = table_row (import, ++r)) != NULL && !phaen_table_row_is_blank (next))
    {
      const char *part = phaen_table_row_text (next, 0);

      if (*part == '\0' || g_str_has_prefix (part, "2. ข้อกำหนดที่สำคัญ") ||
          g_str_has_prefix (part, "5. วิธีการลดขั้นตอน") ||
          g_str_has_prefix (part, "6. แผนการดำเนินงาน"))
        break;
      for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
        if (g_str_has_prefix (part, labelled[i].prefix))
          return g_string_free (whole, FALSE);
      g_string_append_printf (whole, "\n%s", part);
    }
  return g_string_free (whole, FALSE);
}

/* Title, year and sections 1–5 and 7 of our own แผนการปรับปรุงกระบวนการ sheet. */
static void
read_own_sections (PhaenPlanImport *import, guint header_index, guint end_index)
{
  gboolean plan_heading = FALSE;
  gboolean action_heading = FALSE;

  for (guint r = 0; r < import->table->rows->len; r++)
    {
      const PhaenTableRow *row = table_row (import, r);
      const char *first = phaen_table_row_text (row, 0);

      if (r >= header_index && r < end_index)
        continue;
      if (g_str_has_prefix (first, "6. แผนการดำเนินงาน"))
        plan_heading = TRUE;
      /* our action plan's table heading, over its table's first column header */
      if (g_str_equal (first, "แผนการดำเนินงาน") && table_row (import, r + 1) &&
          g_str_equal (phaen_table_row_text (table_row (import, r + 1), 0), "โครงการ/กิจกรรม"))
        action_heading = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
        if (g_str_has_prefix (first, labelled[i].prefix))
          {
            g_autofree char *whole = with_continuation (import, r, first);

            g_hash_table_replace (import->sections, g_strdup (labelled[i].key),
                                  after_colon (whole));
          }
      if (g_str_has_prefix (first, "5. วิธีการลดขั้นตอน") && table_row (import, r + 1))
        {
          const char *steps = phaen_table_row_text (table_row (import, r + 1), 0);

          g_hash_table_replace (
            import->sections, g_strdup (PHAEN_SECTION_STEPS),
            g_str_equal (steps, "-") ? g_strdup ("") : with_continuation (import, r + 1, steps));
        }
      if (g_str_equal (first, "ผู้รับบริการ") && table_row (import, r + 1))
        {
          const PhaenTableRow *values = table_row (import, r + 1);

          for (guint c = 0; c < row->n_cells; c++)
            {
              const char *key = NULL;
              const char *value = phaen_table_row_text (values, c);

              if (g_str_equal (phaen_table_row_text (row, c), "ผู้รับบริการ"))
                key = PHAEN_SECTION_CUSTOMERS;
              else if (g_str_equal (phaen_table_row_text (row, c), "ผู้มีส่วนได้ส่วนเสีย"))
                key = PHAEN_SECTION_STAKEHOLDERS;
              if (key && !g_hash_table_contains (import->sections, key))
                g_hash_table_insert (import->sections, g_strdup (key),
                                     g_strdup (g_str_equal (value, "-") ? "" : value));
            }
        }
    }
  import->own_export = (plan_heading && g_hash_table_size (import->sections) > 0) || action_heading;
}

static void
read_title (PhaenPlanImport *import, guint header_index)
{
  for (guint r = 0; r < header_index && r < 5; r++)
    {
      const char *first = phaen_table_row_text (table_row (import, r), 0);

      if (*first == '\0')
        continue;
      if (*import->title == '\0' && !g_str_has_prefix (first, "หน่วยงาน"))
        {
          g_free (import->title);
          import->title = g_strdup (first);
        }
      else if (g_str_has_prefix (first, "ประจำปีงบประมาณ"))
        {
          char *joined = g_strconcat (import->title, " ", first, NULL);

          g_free (import->title);
          import->title = joined;
        }
      if (import->fiscal_year == 0)
        import->fiscal_year = year_in (first);
    }
}

/* The heading our plan form and officers' plans give a row above the activities:
 * "ยุทธศาสตร์ที่ 1 …", "เป้าประสงค์ที่ 1.1 …", "โครงการที่ 1.1.1 …" (phaen_activity_heading()).
 * Returns the text after the level's name and "ที่", or NULL. */
static const char *
skip_level_heading (const char *p, int *level)
{
  for (int l = PHAEN_ACTIVITY_LEVEL_STRATEGY; l < PHAEN_ACTIVITY_LEVEL_ACTIVITY; l++)
    {
      const char *name = phaen_official_level ((PhaenActivityLevel)l);

      if (g_str_has_prefix (p, name) && g_str_has_prefix (p + strlen (name), "ที่"))
        {
          p += strlen (name) + strlen ("ที่");
          while (*p == ' ')
            p++;
          if (g_unichar_digit_value (g_utf8_get_char (p)) < 0)
            return NULL;
          *level = l;
          return p;
        }
    }
  return NULL;
}

/* "1.2. ชื่อ" (Arabic or Thai digits) → depth 1, "ชื่อ"; "โครงการที่ 1.1.1 ชื่อ" → depth 2, a
 * project; without a number, leading spaces nest by four. */
static char *
split_number (const char *label, int *depth, int *level)
{
  const char *p = label;
  const char *after = NULL;
  const char *heading;
  int spaces = 0, parts = 0;

  for (; *p == ' '; p++)
    spaces++;
  heading = skip_level_heading (p, level);
  if (heading != NULL)
    {
      /* The heading's number ends at a space, without the activity's trailing dot. */
      for (p = heading; g_unichar_digit_value (g_utf8_get_char (p)) >= 0 || *p == '.';
           p = g_utf8_next_char (p))
        parts += *p == '.' && g_unichar_digit_value (g_utf8_get_char (p + 1)) >= 0;
      *depth = parts;
      return g_strstrip (g_strdup (p));
    }
  while (g_unichar_digit_value (g_utf8_get_char (p)) >= 0)
    {
      while (g_unichar_digit_value (g_utf8_get_char (p)) >= 0)
        p = g_utf8_next_char (p);
      parts++;
      if (*p != '.')
        break;
      p++;
      after = p;
    }
  if (parts > 0 && after == p)
    {
      *depth = parts - 1;
      return g_strstrip (g_strdup (p));
    }
  *depth = spaces / 4;
  return g_strstrip (g_strdup (label));
}

/* The rows a copy of the header rows takes at table index @r, 0 when there is none there: our
 * own export repeats the header at the top of each page (phaen-xlsx-cells.c). */
static guint
header_copy_at (PhaenPlanImport *import, guint r)
{
  guint n = import->first_data - import->first_header;

  if (r + n > import->table->rows->len)
    return 0;
  for (guint k = 0; k < n; k++)
    {
      const PhaenTableRow *header = table_row (import, import->first_header + k);
      const PhaenTableRow *row = table_row (import, r + k);

      for (guint c = 0; c < import->table->n_columns; c++)
        if (g_strcmp0 (phaen_table_row_text (header, c), phaen_table_row_text (row, c)) != 0)
          return 0;
    }
  return n;
}

static void
read_rows (PhaenPlanImport *import)
{
  int name_col = -1;
  int previous_depth = -1;

  g_ptr_array_set_size (import->rows, 0);
  import->n_errors = 0;
  import->end_data = import->first_data;
  for (guint c = 0; c < import->columns->len; c++)
    if (g_array_index (import->columns, PhaenPlanColumn, c).role == PHAEN_PLAN_COLUMN_NAME)
      {
        name_col = (int)c;
        break;
      }
  for (guint r = import->first_data; r < import->table->rows->len; r++)
    {
      const PhaenTableRow *source = table_row (import, r);
      g_autoptr (GError) local = NULL;
      PhaenPlanImportRow *row;
      const char *label;
      gboolean anything = FALSE;

      import->end_data = r + 1;
      if (phaen_table_row_is_blank (source))
        {
          guint after = r + 1;

          /* The empty rows at the foot of a page of our own export, before the header copy. */
          while (after < import->table->rows->len &&
                 phaen_table_row_is_blank (table_row (import, after)))
            after++;
          if (import->rows->len > 0 && header_copy_at (import, after) == 0)
            break;
          continue;
        }
      if (header_copy_at (import, r) > 0)
        {
          r += header_copy_at (import, r) - 1;
          continue;
        }
      label = name_col >= 0 ? phaen_table_row_text (source, name_col) : "";
      if (g_str_has_prefix (label, "หมายเหตุ") || g_str_has_prefix (label, "7. ผลที่คาดว่า") ||
          g_str_has_prefix (label, "รวม"))
        {
          import->end_data = r;
          break;
        }
      row = g_new0 (PhaenPlanImportRow, 1);
      row->row = source->number;
      row->name = split_number (label, &row->depth, &row->level);
      if (g_str_equal (row->name, "-"))
        {
          row_free (row);
          continue;
        }
      for (guint c = 0; c < import->columns->len; c++)
        {
          const PhaenPlanColumn *column = &g_array_index (import->columns, PhaenPlanColumn, c);
          const char *text = phaen_table_row_text (source, c);
          g_autofree char *clean = g_strstrip (g_strdup (text));
          gboolean dash = g_str_equal (clean, "-");

          switch (column->role)
            {
            case PHAEN_PLAN_COLUMN_MONTH:
              if (phaen_table_row_filled (source, c))
                row->marks[column->month] |= PHAEN_MARK_PLANNED;
              if (strstr (clean, "●"))
                row->marks[column->month] |= PHAEN_MARK_START;
              if (strstr (clean, "○"))
                row->marks[column->month] |= PHAEN_MARK_OUTPUT;
              if (*clean && !dash && !strstr (clean, "●") && !strstr (clean, "○"))
                row->marks[column->month] |= PHAEN_MARK_PLANNED;
              anything |= row->marks[column->month] != 0;
              break;
            case PHAEN_PLAN_COLUMN_BUDGET:
              if (!phaen_parse_optional_number (clean, &row->has_budget, &row->budget, &local) &&
                  row->error == NULL)
                row->error = g_strdup_printf (_ ("The budget “%s” is not a number."), clean);
              else if (row->has_budget && row->budget < 0 && row->error == NULL)
                row->error = g_strdup_printf (_ ("The budget “%s” is negative."), clean);
              g_clear_error (&local);
              anything |= row->has_budget;
              break;
            case PHAEN_PLAN_COLUMN_OWNER:
              g_free (row->owner);
              row->owner = g_strdup (dash ? "" : clean);
              anything |= *clean != '\0';
              break;
            case PHAEN_PLAN_COLUMN_OUTPUT:
              g_free (row->output);
              row->output = g_strdup (dash ? "" : clean);
              anything |= *clean != '\0';
              break;
            case PHAEN_PLAN_COLUMN_LEVEL:
              {
                PhaenActivityLevel level;

                if (*clean == '\0' || dash)
                  break;
                if (phaen_activity_level_parse (clean, &level))
                  row->level = level;
                else if (row->error == NULL)
                  row->error = g_strdup_printf (
                    _ ("The level “%s” is none of strategy, goal, project, activity (or 1–4)."),
                    clean);
              }
              break;
            case PHAEN_PLAN_COLUMN_NAME:
            case PHAEN_PLAN_COLUMN_IGNORE:
            default:
              break;
            }
        }
      if (*row->name == '\0' && row->error == NULL)
        row->error = g_strdup (anything ? _ ("The activity has no name.")
                                        : _ ("The row has nothing to import."));
      if (row->error == NULL)
        {
          row->depth = MIN (row->depth, previous_depth + 1);
          row->depth = MIN (row->depth, PHAEN_MAX_ACTIVITY_DEPTH - 1);
          previous_depth = row->depth;
        }
      else
        import->n_errors++;
      g_ptr_array_add (import->rows, row);
      if (import->rows->len >= PHAEN_IMPORT_MAX_ROWS)
        break;
    }
}

static void
map_columns (PhaenPlanImport *import, guint header_index, guint last_index)
{
  const PhaenTableRow *first = table_row (import, header_index);
  const PhaenTableRow *last = table_row (import, last_index);
  int previous_month = -1, wraps = 0;
  gboolean have_name = FALSE;

  g_array_set_size (import->columns, 0);
  g_ptr_array_set_size (import->headers, 0);
  for (guint c = 0; c < import->table->n_columns; c++)
    {
      const char *text = phaen_table_row_text (last, c);
      PhaenPlanColumn column = { PHAEN_PLAN_COLUMN_IGNORE, 0 };
      int month;

      if (*text == '\0')
        text = phaen_table_row_text (first, c);
      month = month_of_header (text);
      if (month >= 0)
        {
          if (month <= previous_month)
            wraps++;
          previous_month = month;
          if (month + 12 * wraps < PHAEN_MAX_MONTHS)
            column = (PhaenPlanColumn){ PHAEN_PLAN_COLUMN_MONTH, month + 12 * wraps };
        }
      else if (!have_name && starts_with_word (text, name_words))
        {
          column.role = PHAEN_PLAN_COLUMN_NAME;
          have_name = TRUE;
        }
      else
        {
          g_autofree char *key = phaen_table_header_key (text);

          if (phaen_table_header_matches (key, budget_words))
            column.role = PHAEN_PLAN_COLUMN_BUDGET;
          else if (phaen_table_header_matches (key, owner_words))
            column.role = PHAEN_PLAN_COLUMN_OWNER;
          else if (phaen_table_header_matches (key, output_words))
            column.role = PHAEN_PLAN_COLUMN_OUTPUT;
          else if (phaen_table_header_matches (key, level_words))
            column.role = PHAEN_PLAN_COLUMN_LEVEL;
        }
      g_array_append_val (import->columns, column);
      g_ptr_array_add (import->headers, g_strdup (text));
    }
}

PhaenPlanImport *
phaen_plan_import_prepare (const PhaenTable *table, GError **error)
{
  g_autoptr (PhaenPlanImport) import = g_new0 (PhaenPlanImport, 1);
  guint header_index = G_MAXUINT, last_index;

  g_return_val_if_fail (table != NULL, NULL);

  import->table = table;
  import->title = g_strdup ("");
  import->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->columns = g_array_new (FALSE, FALSE, sizeof (PhaenPlanColumn));
  import->headers = g_ptr_array_new_with_free_func (g_free);
  import->rows = g_ptr_array_new_with_free_func (row_free);

  for (guint r = 0; r < table->rows->len && header_index == G_MAXUINT; r++)
    {
      const PhaenTableRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->n_cells; c++)
        if (starts_with_word (phaen_table_row_text (row, c), name_words) &&
            strlen (phaen_table_row_text (row, c)) < 200)
          {
            header_index = r;
            break;
          }
    }
  if (header_index == G_MAXUINT)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("No header row with an activity column (กิจกรรม) was found in “%s”."),
                   table->name);
      return NULL;
    }
  /* A second header row under the first holds the months (our own export, seed 000). */
  last_index = header_index;
  if (header_index + 1 < table->rows->len)
    {
      const PhaenTableRow *next = g_ptr_array_index (table->rows, header_index + 1);

      for (guint c = 0; c < next->n_cells; c++)
        if (month_of_header (phaen_table_row_text (next, c)) >= 0)
          {
            last_index = header_index + 1;
            break;
          }
    }
  import->header_row = ((const PhaenTableRow *)g_ptr_array_index (table->rows, last_index))->number;
  import->first_header = header_index;
  import->first_data = last_index + 1;
  map_columns (import, header_index, last_index);
  read_title (import, header_index);
  read_rows (import);
  read_own_sections (import, header_index, import->end_data);
  return g_steal_pointer (&import);
}

void
phaen_plan_import_set_column (PhaenPlanImport *import,
                              guint column,
                              PhaenPlanColumnRole role,
                              int month)
{
  PhaenPlanColumn *slot;

  g_return_if_fail (import != NULL);
  g_return_if_fail (column < import->columns->len);
  g_return_if_fail (role != PHAEN_PLAN_COLUMN_MONTH || (month >= 0 && month < PHAEN_MAX_MONTHS));

  /* One name column: choosing another frees the first. */
  if (role == PHAEN_PLAN_COLUMN_NAME)
    for (guint c = 0; c < import->columns->len; c++)
      if (g_array_index (import->columns, PhaenPlanColumn, c).role == PHAEN_PLAN_COLUMN_NAME)
        g_array_index (import->columns, PhaenPlanColumn, c).role = PHAEN_PLAN_COLUMN_IGNORE;
  slot = &g_array_index (import->columns, PhaenPlanColumn, column);
  slot->role = role;
  slot->month = role == PHAEN_PLAN_COLUMN_MONTH ? month : 0;
  read_rows (import);
}

static gboolean
import_rows (PhaenPlanImport *import, PhaenStore *store, gint64 plan_id, GError **error)
{
  gint64 parents[PHAEN_MAX_ACTIVITY_DEPTH] = { 0 };

  for (guint i = 0; i < import->rows->len; i++)
    {
      const PhaenPlanImportRow *row = g_ptr_array_index (import->rows, i);
      g_autoptr (PhaenActivity) activity = NULL;
      gint64 id;

      if (row->error)
        continue;
      id = phaen_store_add_activity (store, plan_id, row->depth > 0 ? parents[row->depth - 1] : 0,
                                     -1, row->name, error);
      if (id == 0 || !(activity = phaen_store_get_activity (store, id, error)))
        return FALSE;
      parents[row->depth] = id;
      g_free (activity->owner);
      activity->owner = g_strdup (row->owner ? row->owner : "");
      g_free (activity->output);
      activity->output = g_strdup (row->output ? row->output : "");
      activity->has_budget = row->has_budget;
      activity->budget = row->budget;
      if (row->level != 0)
        activity->level = row->level;
      if (!phaen_store_update_activity (store, activity, error))
        return FALSE;
      for (int m = 0; m < PHAEN_MAX_MONTHS; m++)
        if (row->marks[m] && !phaen_store_set_month_marks (store, id, m, row->marks[m], error))
          return FALSE;
    }
  return TRUE;
}

gint64
phaen_plan_import_apply (PhaenPlanImport *import,
                         PhaenStore *store,
                         gint64 unit_id,
                         int fiscal_year,
                         const char *title,
                         GError **error)
{
  g_autoptr (PhaenPlan) plan = NULL;
  g_autoptr (PhaenUnit) unit = NULL;
  g_autofree char *chosen = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 plan_id;
  int last_month = -1;
  PhaenPlanKind kind = PHAEN_PLAN_PROCESS;
  gboolean ok;

  g_return_val_if_fail (import != NULL, 0);
  g_return_val_if_fail (PHAEN_IS_STORE (store), 0);

  if (fiscal_year == 0)
    fiscal_year = import->fiscal_year;
  if (fiscal_year == 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The file does not say its fiscal year: choose one."));
      return 0;
    }
  unit = phaen_store_get_unit (store, unit_id, error);
  if (unit == NULL)
    return 0;
  /* Strategies, goals or projects among the rows: the file holds an action plan (§3b). */
  for (guint i = 0; i < import->rows->len; i++)
    {
      const PhaenPlanImportRow *row = g_ptr_array_index (import->rows, i);

      if (!row->error && row->level >= PHAEN_ACTIVITY_LEVEL_STRATEGY &&
          row->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY)
        kind = PHAEN_PLAN_ACTION;
    }
  if (title && *title)
    chosen = g_strdup (title);
  else if (*import->title)
    chosen = g_strdup (import->title);
  else if (kind == PHAEN_PLAN_ACTION)
    chosen = phaen_official_plan_title (kind, *unit->name ? unit->name : unit->abbr, fiscal_year);
  else
    chosen = g_strdup_printf ("แผนการปรับปรุงกระบวนการตามภารกิจของ%s ประจำปีงบประมาณ พ.ศ. %d",
                              *unit->name ? unit->name : unit->abbr, fiscal_year);
  for (guint i = 0; i < import->rows->len; i++)
    {
      const PhaenPlanImportRow *row = g_ptr_array_index (import->rows, i);

      for (int m = 0; !row->error && m < PHAEN_MAX_MONTHS; m++)
        if (row->marks[m])
          last_month = MAX (last_month, m);
    }

  if (!phaen_store_begin (store, _ ("Import plan"), error))
    return 0;
  plan_id = phaen_store_add_plan (store, unit_id, fiscal_year, kind, chosen, error);
  ok = plan_id != 0;
  if (ok && last_month >= PHAEN_FISCAL_MONTHS)
    {
      plan = phaen_store_get_plan (store, plan_id, error);
      ok = plan != NULL;
      if (ok)
        {
          plan->extra_months = MIN (last_month - PHAEN_FISCAL_MONTHS + 1, PHAEN_FISCAL_MONTHS);
          ok = phaen_store_update_plan (store, plan, error);
        }
    }
  g_hash_table_iter_init (&iter, import->sections);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    if (*(const char *)value)
      ok = phaen_store_set_plan_section (store, plan_id, key, value, error);
  ok = ok && import_rows (import, store, plan_id, error);
  if (!ok)
    {
      phaen_store_rollback (store);
      return 0;
    }
  return phaen_store_commit (store, error) ? plan_id : 0;
}
