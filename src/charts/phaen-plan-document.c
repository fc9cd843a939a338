/* phaen-plan-document.c — the official plan document on paper (DOMAIN §3a, §5)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "phaen-atomic-file.h"
#include "phaen-calendar.h"
#include "phaen-chart-private.h"
#include "phaen-error.h"
#include "phaen-plan-document.h"
#include "phaen-plan-totals.h"
#include "phaen-thai-text.h"

/* Sizes in points on the A4 sheet the document is laid out on (DOMAIN §5: 16 pt text). */
#define TITLE_SIZE 18.0
#define BODY_SIZE 16.0
#define TABLE_SIZE_LANDSCAPE 14.0
#define TABLE_SIZE_PORTRAIT 12.0
#define FOOTER_SIZE 11.0
#define PAD_X 3.0
#define PAD_Y 1.5
#define INDENT 18.0     /* a section's text under its heading */
#define DEPTH_STEP 12.0 /* a sub-activity's indent */
#define GAP 8.0         /* space before a section */

typedef struct
{
  double x, y;          /* within the piece */
  double width, height; /* height 0: the piece's height less y */
  PangoLayout *layout;  /* (nullable) */
  PhaenChartAlign align;
  gboolean center_vertically;
  const PhaenChartColor *fill; /* (nullable) */
  gboolean border;
  gboolean merged; /* the owner shared by every row: drawn once per page over all of them */
  double indent;   /* of the text: a sub-activity's depth */
} Cell;

/* A block of the flow: a line of title, a heading, a paragraph, or a table row. */
typedef struct
{
  double height;
  double space_before;
  gboolean keep_with_next; /* a heading, a table's header: never last on a page */
  int table;               /* the index of its table's header piece, -1 outside tables */
  gboolean is_header;
  GArray *cells;  /* (element-type Cell) */
  GArray *breaks; /* (element-type double) where it may be cut: the bottoms of its lines */
} Piece;

/* A piece, or the part [from, to) of it, at @y on a page. */
typedef struct
{
  guint piece;
  double y;
  double from;
  double to;
} Placed;

struct _PhaenPlanDocument
{
  PhaenPlan *plan;
  PhaenUnit *unit;
  GPtrArray *activities;
  char *sections[10];
  char *title;
  gboolean thai_digits;
  const PhaenChartStyle *style;
  PangoContext *context;

  /* The layout for one orientation, made when first asked for. */
  gboolean laid_out;
  gboolean laid_portrait;
  PhaenPageSetup design;
  GPtrArray *pieces; /* (element-type Piece) */
  GPtrArray *pages;  /* (element-type GArray of Placed) */
  char *shared_owner;
};

enum
{
  SEC_PROCESS,
  SEC_CUSTOMERS,
  SEC_STAKEHOLDERS,
  SEC_INDICATOR,
  SEC_CRITERIA,
  SEC_DIGITAL,
  SEC_STEPS,
  SEC_EXPECTED,
  SEC_STRATEGY,
  SEC_GOAL,
};

static const char *const section_keys[] = {
  PHAEN_SECTION_PROCESS,   PHAEN_SECTION_CUSTOMERS, PHAEN_SECTION_STAKEHOLDERS,
  PHAEN_SECTION_INDICATOR, PHAEN_SECTION_CRITERIA,  PHAEN_SECTION_DIGITAL,
  PHAEN_SECTION_STEPS,     PHAEN_SECTION_EXPECTED,  PHAEN_SECTION_STRATEGY,
  PHAEN_SECTION_GOAL,
};

/* ------------------------------------------------------------------ pieces */

static void
piece_free (Piece *piece)
{
  for (guint i = 0; i < piece->cells->len; i++)
    g_clear_object (&g_array_index (piece->cells, Cell, i).layout);
  g_array_unref (piece->cells);
  g_array_unref (piece->breaks);
  g_free (piece);
}

static Piece *
piece_new (PhaenPlanDocument *self, double space_before)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  piece->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  piece->space_before = space_before;
  piece->table = -1;
  g_ptr_array_add (self->pieces, piece);
  return piece;
}

static char *
digits (PhaenPlanDocument *self, const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return self->thai_digits ? phaen_digits_to_thai (text) : g_strdup (text);
}

static PangoLayout *
layout_new (PhaenPlanDocument *self, const char *text, double size, gboolean bold, double width)
{
  g_autofree char *shown = digits (self, text);
  PangoLayout *layout =
    _phaen_chart_layout_new (self->context, self->style, size, bold, shown, MAX (width, 1));

  return layout;
}

/* The bottoms of @layout's lines, from the cell's top at @y. */
static void
add_breaks (GArray *breaks, PangoLayout *layout, double y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = y + (double)(logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (breaks, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static Cell *
add_cell (Piece *piece,
          PangoLayout *layout,
          double x,
          double width,
          PhaenChartAlign align,
          gboolean border,
          const PhaenChartColor *fill)
{
  Cell cell = {
    .x = x, .width = width, .layout = layout, .align = align, .fill = fill, .border = border
  };

  g_array_append_val (piece->cells, cell);
  return &g_array_index (piece->cells, Cell, piece->cells->len - 1);
}

/* The piece's height from its cells; its breaks from its tallest cell's lines. */
static void
piece_finish (Piece *piece, double min_height)
{
  double tallest = 0;
  PangoLayout *tallest_layout = NULL;
  double tallest_y = 0;

  piece->height = min_height;
  for (guint i = 0; i < piece->cells->len; i++)
    {
      const Cell *cell = &g_array_index (piece->cells, Cell, i);
      double height = 0;

      if (cell->layout != NULL)
        _phaen_chart_layout_size (cell->layout, NULL, &height);
      piece->height = MAX (piece->height, cell->y + height + 2 * PAD_Y);
      if (cell->layout != NULL && height > tallest)
        {
          tallest = height;
          tallest_layout = cell->layout;
          tallest_y = cell->y + PAD_Y;
        }
    }
  if (tallest_layout != NULL && pango_layout_get_line_count (tallest_layout) > 1)
    {
      add_breaks (piece->breaks, tallest_layout, tallest_y);
      /* The last line's cut is the piece's end: its bottom padding goes with it. */
      g_array_index (piece->breaks, double, piece->breaks->len - 1) = piece->height;
    }
}

/* One block of text across the sheet, or indented. */
static void
add_text (PhaenPlanDocument *self,
          const char *text,
          double size,
          gboolean bold,
          PhaenChartAlign align,
          double indent,
          double space_before,
          gboolean keep_with_next)
{
  const double width = self->design.width - 2 * self->design.margin;
  Piece *piece = piece_new (self, space_before);

  add_cell (piece, layout_new (self, text, size, bold, width - indent - 2 * PAD_X), indent,
            width - indent, align, FALSE, NULL);
  pango_layout_set_alignment (g_array_index (piece->cells, Cell, 0).layout,
                              align == _PHAEN_ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  piece->keep_with_next = keep_with_next;
  piece_finish (piece, 0);
}

static const char *
or_dash (const char *text)
{
  return phaen_text_is_blank (text) ? "-" : text;
}

static void
add_section (PhaenPlanDocument *self, const char *heading, const char *body)
{
  add_text (self, heading, BODY_SIZE, TRUE, _PHAEN_ALIGN_START, 0, GAP, TRUE);
  add_text (self, or_dash (body), BODY_SIZE, FALSE, _PHAEN_ALIGN_START, INDENT, 0, FALSE);
}

/* 2. ข้อกำหนดที่สำคัญ: two lists side by side. */
static void
add_requirements (PhaenPlanDocument *self)
{
  const double width = self->design.width - 2 * self->design.margin;
  const double half = width / 2;
  const PhaenChartColor *header_fill = &self->style->header_background;
  Piece *header, *row;
  int header_index;

  add_text (self, "2. ข้อกำหนดที่สำคัญ", BODY_SIZE, TRUE, _PHAEN_ALIGN_START, 0, GAP, TRUE);
  header = piece_new (self, 2);
  header_index = (int)self->pieces->len - 1;
  header->table = header_index;
  header->is_header = TRUE;
  header->keep_with_next = TRUE;
  add_cell (header, layout_new (self, "ผู้รับบริการ", BODY_SIZE, TRUE, half - 2 * PAD_X), 0, half,
            _PHAEN_ALIGN_CENTER, TRUE, header_fill);
  add_cell (header, layout_new (self, "ผู้มีส่วนได้ส่วนเสีย", BODY_SIZE, TRUE, half - 2 * PAD_X), half,
            half, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
  piece_finish (header, 0);

  row = piece_new (self, 0);
  row->table = header_index;
  add_cell (
    row,
    layout_new (self, or_dash (self->sections[SEC_CUSTOMERS]), BODY_SIZE, FALSE, half - 2 * PAD_X),
    0, half, _PHAEN_ALIGN_START, TRUE, NULL);
  add_cell (row,
            layout_new (self, or_dash (self->sections[SEC_STAKEHOLDERS]), BODY_SIZE, FALSE,
                        half - 2 * PAD_X),
            half, half, _PHAEN_ALIGN_START, TRUE, NULL);
  piece_finish (row, 0);
}

static int
n_months (PhaenPlanDocument *self)
{
  return PHAEN_FISCAL_MONTHS + CLAMP (self->plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
}

static double
text_width (PhaenPlanDocument *self, const char *text, double size, gboolean bold)
{
  g_autofree char *shown = digits (self, text);

  return _phaen_chart_text_width (self->context, self->style, shown, size, bold);
}

static char *
mark_text (guint marks)
{
  return g_strconcat ((marks & PHAEN_MARK_START) ? "●" : "", (marks & PHAEN_MARK_OUTPUT) ? "○" : "",
                      NULL);
}

/* 6. แผนการดำเนินงาน: กิจกรรม | the months under ระยะเวลาในการดำเนินงาน | งบประมาณ |
 * ผู้รับผิดชอบ, as seed 000 prints it; the header repeats on every page. */
static void
add_activity_table (PhaenPlanDocument *self, const char *heading, double size)
{
  const double width = self->design.width - 2 * self->design.margin;
  const int months = n_months (self);
  const PhaenChartColor *header_fill = &self->style->header_background;
  g_autofree char *widest_money = NULL;
  double budget_w, owner_w, month_w, activity_w, months_x, budget_x, owner_x;
  double group_h, month_h;
  gboolean two_line_months = FALSE;
  Piece *header;
  int header_index;
  PhaenPlanTotals totals;
  g_autoptr (GArray) rollups = NULL;
  g_autofree char *total_money = NULL;

  /* The totals row and the budget roll-ups, counted as the grid, the Gantt chart, the XLSX
   * form and the CLI count them (phaen-plan-totals.h). */
  phaen_plan_totals_compute (self->activities, &totals);
  rollups = phaen_plan_budget_rollups (self->activities);
  total_money = totals.has_budget ? phaen_format_money (totals.budget, FALSE) : g_strdup ("-");

  /* Column widths: budget and owner as their text needs, the months as their headers need,
   * the activity names take the rest (at least a quarter of the sheet). */
  budget_w = text_width (self, "งบประมาณ", size, TRUE);
  owner_w = text_width (self, "ผู้รับผิดชอบ", size, TRUE);
  for (guint i = 0; i < self->activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (self->activities, i);

      if (activity->has_budget)
        {
          g_autofree char *money = phaen_format_money (activity->budget, FALSE);

          budget_w = MAX (budget_w, text_width (self, money, size, FALSE));
        }
      if (!phaen_text_is_blank (activity->owner))
        owner_w = MAX (owner_w, MIN (text_width (self, activity->owner, size, FALSE), width / 8));
    }
  budget_w = MAX (budget_w, text_width (self, total_money, size, TRUE));
  budget_w += 2 * PAD_X + 2;
  owner_w += 2 * PAD_X + 2;
  month_w = 0;
  for (int m = 0; m < months; m++)
    {
      g_autofree char *header_text = phaen_fiscal_month_header (self->plan->fiscal_year, m, FALSE);

      month_w = MAX (month_w, text_width (self, header_text, size, TRUE) + 2 * PAD_X + 2);
    }
  activity_w = width - budget_w - owner_w - months * month_w;
  if (activity_w < width / 5)
    {
      /* The months do not fit on one line each: their headers take two (ต.ค. / 63). */
      activity_w = width / 4;
      month_w = (width - activity_w - budget_w - owner_w) / months;
      two_line_months = TRUE;
    }
  months_x = activity_w;
  budget_x = months_x + months * month_w;
  owner_x = budget_x + budget_w;

  add_text (self, heading, BODY_SIZE, TRUE, _PHAEN_ALIGN_START, 0, GAP, TRUE);

  header = piece_new (self, 2);
  header_index = (int)self->pieces->len - 1;
  header->table = header_index;
  header->is_header = TRUE;
  header->keep_with_next = TRUE;
  {
    Cell *group = add_cell (
      header, layout_new (self, "ระยะเวลาในการดำเนินงาน", size, TRUE, months * month_w - 2 * PAD_X),
      months_x, months * month_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
    double h = 0;

    _phaen_chart_layout_size (group->layout, NULL, &h);
    group_h = h + 2 * PAD_Y;
    group->height = group_h;
  }
  month_h = 0;
  for (int m = 0; m < months; m++)
    {
      g_autofree char *text = phaen_fiscal_month_header (self->plan->fiscal_year, m, FALSE);
      Cell *cell;
      double h = 0;

      if (two_line_months)
        {
          GDateMonth month = phaen_fiscal_month_calendar_month (m);
          int year = phaen_fiscal_month_calendar_year (self->plan->fiscal_year, m) % 100;

          g_free (text);
          text = g_strdup_printf ("%s\n%02d", phaen_month_short_name (month), year);
        }
      cell = add_cell (header, layout_new (self, text, size, TRUE, month_w - 2 * PAD_X),
                       months_x + m * month_w, month_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
      pango_layout_set_alignment (cell->layout, PANGO_ALIGN_CENTER);
      cell->y = group_h;
      _phaen_chart_layout_size (cell->layout, NULL, &h);
      month_h = MAX (month_h, h + 2 * PAD_Y);
    }
  {
    /* an action plan's rows are projects and activities under their strategies (§3b) */
    const char *first_header = self->plan->kind == PHAEN_PLAN_ACTION ? "โครงการ/กิจกรรม" : "กิจกรรม";
    Cell *cell =
      add_cell (header, layout_new (self, first_header, size, TRUE, activity_w - 2 * PAD_X), 0,
                activity_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);

    cell->center_vertically = TRUE;
    cell = add_cell (header, layout_new (self, "งบประมาณ", size, TRUE, budget_w - 2 * PAD_X),
                     budget_x, budget_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
    cell->center_vertically = TRUE;
    cell = add_cell (header, layout_new (self, "ผู้รับผิดชอบ", size, TRUE, owner_w - 2 * PAD_X),
                     owner_x, owner_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
    cell->center_vertically = TRUE;
  }
  piece_finish (header, group_h + month_h);
  g_array_set_size (header->breaks, 0); /* a header is never cut */

  if (self->activities->len == 0)
    {
      Piece *row = piece_new (self, 0);

      row->table = header_index;
      add_cell (row, layout_new (self, "-", size, FALSE, activity_w - 2 * PAD_X), 0, activity_w,
                _PHAEN_ALIGN_START, TRUE, NULL);
      for (int m = 0; m < months; m++)
        add_cell (row, NULL, months_x + m * month_w, month_w, _PHAEN_ALIGN_CENTER, TRUE, NULL);
      add_cell (row, NULL, budget_x, budget_w, _PHAEN_ALIGN_END, TRUE, NULL);
      add_cell (row, NULL, owner_x, owner_w, _PHAEN_ALIGN_CENTER, TRUE, NULL);
      piece_finish (row, 0);
    }
  for (guint i = 0; i < self->activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (self->activities, i);
      const double indent = MIN (activity->depth * DEPTH_STEP, activity_w / 3);
      /* Each level its own style (DOMAIN §3b): a strategy's row shaded as a heading, a goal's
       * lightly, strategies, goals and projects bold and headed "ยุทธศาสตร์ที่ 1". */
      gboolean typed = activity->level >= PHAEN_ACTIVITY_LEVEL_STRATEGY &&
                       activity->level < PHAEN_ACTIVITY_LEVEL_ACTIVITY;
      const PhaenChartColor *level_fill =
        activity->level == PHAEN_ACTIVITY_LEVEL_STRATEGY ? &self->style->header_background
        : activity->level == PHAEN_ACTIVITY_LEVEL_GOAL   ? &self->style->stripe
                                                         : NULL;
      g_autofree char *row_heading = phaen_activity_heading (activity);
      g_autofree char *label = g_strdup_printf (typed ? "%s %s" : "%s. %s", row_heading,
                                                activity->name ? activity->name : "");
      g_autofree char *money =
        activity->has_budget ? phaen_format_money (activity->budget, FALSE) : g_strdup ("-");
      gboolean over = g_array_index (rollups, PhaenBudgetRollup, i).over_budget;
      Piece *row = piece_new (self, 0);
      Cell *cell;

      row->table = header_index;
      cell = add_cell (row, layout_new (self, label, size, typed, activity_w - indent - 2 * PAD_X),
                       0, activity_w, _PHAEN_ALIGN_START, TRUE, level_fill);
      cell->indent = indent; /* the text moves in, the border stays the column's */
      for (int m = 0; m < months; m++)
        {
          guint marks = activity->marks[m];
          g_autofree char *text = mark_text (marks);

          cell = add_cell (
            row, *text != '\0' ? layout_new (self, text, size, FALSE, month_w - 2 * PAD_X) : NULL,
            months_x + m * month_w, month_w, _PHAEN_ALIGN_CENTER, TRUE,
            (marks & PHAEN_MARK_PLANNED) ? &self->style->planned : NULL);
        }
      cell = add_cell (row, layout_new (self, money, size, over, budget_w - 2 * PAD_X), budget_x,
                       budget_w, activity->has_budget ? _PHAEN_ALIGN_END : _PHAEN_ALIGN_CENTER,
                       TRUE, over ? &self->style->level[0] : level_fill);
      if (self->shared_owner != NULL)
        {
          cell = add_cell (row, NULL, owner_x, owner_w, _PHAEN_ALIGN_CENTER, TRUE, NULL);
          cell->merged = TRUE;
        }
      else
        add_cell (row,
                  layout_new (self, or_dash (activity->owner), size, FALSE, owner_w - 2 * PAD_X),
                  owner_x, owner_w, _PHAEN_ALIGN_CENTER, TRUE, NULL);
      piece_finish (row, 0);
    }
  if (self->activities->len > 0)
    {
      Piece *row = piece_new (self, 0);

      row->table = header_index;
      add_cell (
        row,
        layout_new (self, phaen_plan_totals_label (&totals), size, TRUE, activity_w - 2 * PAD_X), 0,
        activity_w, _PHAEN_ALIGN_END, TRUE, header_fill);
      for (int m = 0; m < months; m++)
        {
          g_autofree char *count =
            totals.months[m] ? g_strdup_printf ("%u", totals.months[m]) : g_strdup ("-");

          add_cell (row, layout_new (self, count, size, TRUE, month_w - 2 * PAD_X),
                    months_x + m * month_w, month_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
        }
      add_cell (row, layout_new (self, total_money, size, TRUE, budget_w - 2 * PAD_X), budget_x,
                budget_w, totals.has_budget ? _PHAEN_ALIGN_END : _PHAEN_ALIGN_CENTER, TRUE,
                header_fill);
      add_cell (row, NULL, owner_x, owner_w, _PHAEN_ALIGN_CENTER, TRUE, header_fill);
      piece_finish (row, 0);
    }
  /* Why an amount is flagged, under the table as the other notes are. */
  for (guint i = 0; i < self->activities->len; i++)
    if (g_array_index (rollups, PhaenBudgetRollup, i).over_budget)
      {
        g_autofree char *note = phaen_budget_rollup_note (
          g_ptr_array_index (self->activities, i), &g_array_index (rollups, PhaenBudgetRollup, i));
        g_autofree char *line = g_strconcat ("หมายเหตุ: ", note, NULL);

        add_text (self, line, size, FALSE, _PHAEN_ALIGN_START, 0, 2, FALSE);
      }

  if (months > PHAEN_FISCAL_MONTHS)
    {
      g_autofree char *first_next =
        phaen_fiscal_month_header (self->plan->fiscal_year, PHAEN_FISCAL_MONTHS, FALSE);
      g_autofree char *last_next =
        phaen_fiscal_month_header (self->plan->fiscal_year, months - 1, FALSE);
      g_autofree char *note =
        months == PHAEN_FISCAL_MONTHS + 1
          ? g_strdup_printf ("หมายเหตุ: %s อยู่ในปีงบประมาณถัดไป", first_next)
          : g_strdup_printf ("หมายเหตุ: %s – %s อยู่ในปีงบประมาณถัดไป", first_next, last_next);

      add_text (self, note, size, FALSE, _PHAEN_ALIGN_START, 0, 2, FALSE);
    }
}

/* The owner when every activity shares one: one cell merged down the rows (seed 000). */
static char *
find_shared_owner (GPtrArray *activities)
{
  const char *owner = NULL;

  for (guint i = 0; i < activities->len; i++)
    {
      const PhaenActivity *activity = g_ptr_array_index (activities, i);
      const char *each = or_dash (activity->owner);

      if (owner == NULL)
        owner = each;
      else if (!g_str_equal (owner, each))
        return NULL;
    }
  return activities->len > 1 && owner != NULL && !g_str_equal (owner, "-") ? g_strdup (owner)
                                                                           : NULL;
}

static void
build_pieces (PhaenPlanDocument *self)
{
  const gboolean portrait = self->design.height > self->design.width;
  const double table_size = portrait ? TABLE_SIZE_PORTRAIT : TABLE_SIZE_LANDSCAPE;
  g_autofree char *year = g_strdup_printf ("ประจำปีงบประมาณ พ.ศ. %d", self->plan->fiscal_year);
  g_autofree char *unit_line = g_strdup_printf ("หน่วยงาน : %s", or_dash (self->unit->name));

  add_text (self, self->title, TITLE_SIZE, TRUE, _PHAEN_ALIGN_CENTER, 0, 0, TRUE);
  /* A plan's own title often names the year already. */
  if (strstr (self->title, "ประจำปีงบประมาณ") == NULL)
    add_text (self, year, TITLE_SIZE, TRUE, _PHAEN_ALIGN_CENTER, 0, 0, TRUE);
  add_text (self, unit_line, BODY_SIZE, TRUE, _PHAEN_ALIGN_START, 0, GAP, FALSE);

  if (self->plan->kind == PHAEN_PLAN_PROCESS)
    {
      add_section (self, "1. ชื่อกระบวนการปรับปรุงประสิทธิภาพในการปฏิบัติงาน", self->sections[SEC_PROCESS]);
      add_requirements (self);
      add_section (self, "3. ตัวชี้วัด", self->sections[SEC_INDICATOR]);
      add_text (self, "รายละเอียดการวัดผล/เกณฑ์การวัดผลการดำเนินการ", BODY_SIZE, TRUE,
                _PHAEN_ALIGN_START, INDENT, 2, TRUE);
      add_text (self, or_dash (self->sections[SEC_CRITERIA]), BODY_SIZE, FALSE, _PHAEN_ALIGN_START,
                INDENT, 0, FALSE);
      add_section (self, "4. แนวทางการนำเทคโนโลยีดิจิทัลมาใช้ในการจัดการกระบวนการ",
                   self->sections[SEC_DIGITAL]);
      add_section (self, "5. วิธีการลดขั้นตอนในการปฏิบัติงาน", self->sections[SEC_STEPS]);
      add_activity_table (self, "6. แผนการดำเนินงาน", table_size);
      add_section (self, "7. ผลที่คาดว่าจะได้รับ", self->sections[SEC_EXPECTED]);
    }
  else
    {
      /* §3b: an action plan hangs from its strategy and goal. */
      if (!phaen_text_is_blank (self->sections[SEC_STRATEGY]))
        add_section (self, "ประเด็นยุทธศาสตร์", self->sections[SEC_STRATEGY]);
      if (!phaen_text_is_blank (self->sections[SEC_GOAL]))
        add_section (self, "เป้าประสงค์", self->sections[SEC_GOAL]);
      add_activity_table (self, "แผนการดำเนินงาน", table_size);
    }
}

/* ------------------------------------------------------------------ pages */

static double
footer_height (PhaenPlanDocument *self)
{
  return _phaen_chart_line_height (self->context, self->style, FOOTER_SIZE) + 4;
}

/* What must follow a heading on its page: a table row whole when it can fit a page, else (and
 * for text) its first line. */
static double
first_chunk (const Piece *piece, double page_room)
{
  if (piece->table >= 0 && piece->height <= page_room)
    return piece->height;
  return piece->breaks->len > 0 ? g_array_index (piece->breaks, double, 0) : piece->height;
}

static void
paginate (PhaenPlanDocument *self)
{
  const double top = self->design.margin;
  const double bottom = self->design.height - self->design.margin - footer_height (self);
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));
  double y = top;
  gboolean used = FALSE; /* the page holds more than a repeated header */
  int page_table = -1;   /* the table whose header the page shows */

#define NEW_PAGE()                                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_ptr_array_add (self->pages, page);                                                           \
    page = g_array_new (FALSE, FALSE, sizeof (Placed));                                            \
    y = top;                                                                                       \
    used = FALSE;                                                                                  \
    page_table = -1;                                                                               \
  }                                                                                                \
  G_STMT_END

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = g_ptr_array_index (self->pieces, i);
      double offset = 0;

      if (used)
        y += piece->space_before;
      if (piece->table < 0 || piece->is_header)
        page_table = piece->is_header ? piece->table : -1;
      /* A heading or a header never ends a page: it goes with the first line after it. */
      if (piece->keep_with_next && used && i + 1 < self->pieces->len &&
          y + piece->height +
              first_chunk (g_ptr_array_index (self->pieces, i + 1), bottom - top - piece->height) >
            bottom)
        {
          NEW_PAGE ();
          page_table = piece->is_header ? piece->table : -1;
        }
      while (offset < piece->height)
        {
          double avail, cut = -1;

          if (piece->table >= 0 && !piece->is_header && page_table != piece->table)
            {
              const Piece *header = g_ptr_array_index (self->pieces, piece->table);
              Placed placed = { (guint)piece->table, y, 0, header->height };

              g_array_append_val (page, placed);
              y += header->height;
              page_table = piece->table;
            }
          avail = bottom - y;
          if (piece->height - offset <= avail)
            {
              Placed placed = { i, y, offset, piece->height };

              g_array_append_val (page, placed);
              y += piece->height - offset;
              used = TRUE;
              break;
            }
          /* It does not fit. A table row goes to a new page if it fits there whole; text
           * flows on at a line, as paragraphs do. */
          if (offset == 0 && used && piece->table >= 0)
            {
              double header_height =
                piece->table >= 0 && !piece->is_header
                  ? ((const Piece *)g_ptr_array_index (self->pieces, piece->table))->height
                  : 0;

              if (piece->height <= bottom - top - header_height)
                {
                  NEW_PAGE ();
                  continue;
                }
            }
          for (guint b = 0; b < piece->breaks->len; b++)
            {
              double at = g_array_index (piece->breaks, double, b);

              if (at > offset + 0.01 && at - offset <= avail)
                cut = at;
            }
          if (cut < 0)
            {
              if (used)
                {
                  NEW_PAGE ();
                  continue;
                }
              cut = offset + MAX (avail, 10); /* not one line fits a page: cut it anyway */
            }
          {
            Placed placed = { i, y, offset, cut };

            g_array_append_val (page, placed);
          }
          offset = cut;
          used = TRUE;
          NEW_PAGE ();
        }
    }
  g_ptr_array_add (self->pages, page);
#undef NEW_PAGE
}

static void
lay_out (PhaenPlanDocument *self, const PhaenPageSetup *page)
{
  const gboolean portrait = page->height > page->width;

  if (self->laid_out && self->laid_portrait == portrait)
    return;
  g_ptr_array_set_size (self->pieces, 0);
  g_ptr_array_set_size (self->pages, 0);
  phaen_page_setup_init_oriented (&self->design, PHAEN_PAPER_A4,
                                  portrait ? PHAEN_ORIENTATION_PORTRAIT
                                           : PHAEN_ORIENTATION_LANDSCAPE);
  build_pieces (self);
  paginate (self);
  self->laid_out = TRUE;
  self->laid_portrait = portrait;
}

/* ------------------------------------------------------------------ drawing */

static void
draw_cell (PhaenPlanDocument *self, cairo_t *cr, const Cell *cell, double piece_height)
{
  const double height = cell->height > 0 ? cell->height : piece_height - cell->y;

  if (cell->fill != NULL)
    _phaen_chart_fill_rect (cr, cell->fill, cell->x, cell->y, cell->width, height);
  if (cell->layout != NULL)
    {
      double text_w = 0, text_h = 0;
      double x = cell->x + PAD_X;
      double y = cell->y + PAD_Y;

      _phaen_chart_layout_size (cell->layout, &text_w, &text_h);
      if (pango_layout_get_alignment (cell->layout) == PANGO_ALIGN_LEFT)
        {
          if (cell->align == _PHAEN_ALIGN_CENTER)
            x = cell->x + (cell->width - text_w) / 2;
          else if (cell->align == _PHAEN_ALIGN_END)
            x = cell->x + cell->width - PAD_X - text_w;
        }
      if (cell->center_vertically)
        y = cell->y + (height - text_h) / 2;
      _phaen_chart_show_layout (cr, cell->layout, &self->style->text, x + cell->indent, y);
    }
  if (cell->border)
    {
      const double lw = self->style->line_width;

      _phaen_chart_vline (cr, &self->style->rule, lw, cell->x, cell->y, cell->y + height);
      _phaen_chart_vline (cr, &self->style->rule, lw, cell->x + cell->width, cell->y,
                          cell->y + height);
      if (!cell->merged)
        {
          _phaen_chart_hline (cr, &self->style->rule, lw, cell->x, cell->x + cell->width, cell->y);
          _phaen_chart_hline (cr, &self->style->rule, lw, cell->x, cell->x + cell->width,
                              cell->y + height);
        }
    }
}

static void
draw_placed (PhaenPlanDocument *self,
             cairo_t *cr,
             const Placed *placed,
             double *merged_top,
             double *merged_bottom,
             const Cell **merged)
{
  const Piece *piece = g_ptr_array_index (self->pieces, placed->piece);
  const double x0 = self->design.margin;
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;
  gboolean bordered = FALSE;

  cairo_save (cr);
  {
    /* Exactly at a cut, so a line on either side of it prints once; a little beyond the
     * piece's own edges, which carry its borders. */
    double top = placed->from > 0 ? placed->y : placed->y - 1;
    double bottom = placed->y + placed->to - placed->from + (placed->to < piece->height ? 0 : 1);

    cairo_rectangle (cr, 0, top, self->design.width, bottom - top);
  }
  cairo_clip (cr);
  cairo_translate (cr, x0, placed->y - placed->from);
  for (guint c = 0; c < piece->cells->len; c++)
    {
      const Cell *cell = &g_array_index (piece->cells, Cell, c);

      draw_cell (self, cr, cell, piece->height);
      if (cell->border)
        {
          bordered = TRUE;
          left = MIN (left, cell->x);
          right = MAX (right, cell->x + cell->width);
        }
      if (cell->merged)
        {
          *merged = cell;
          *merged_top = MIN (*merged_top, placed->y);
          *merged_bottom = MAX (*merged_bottom, placed->y + placed->to - placed->from);
        }
    }
  cairo_restore (cr);

  /* A row cut at a page's edge is closed there. */
  if (bordered && (placed->from > 0 || placed->to < piece->height))
    {
      const double lw = self->style->line_width;

      if (placed->from > 0)
        _phaen_chart_hline (cr, &self->style->rule, lw, x0 + left, x0 + right, placed->y);
      if (placed->to < piece->height)
        _phaen_chart_hline (cr, &self->style->rule, lw, x0 + left, x0 + right,
                            placed->y + placed->to - placed->from);
    }
}

/* ------------------------------------------------------------------ public API */

PhaenPlanDocument *
phaen_plan_document_new (PhaenStore *store, gint64 plan_id, GError **error)
{
  g_autoptr (PhaenPlanDocument) self = g_new0 (PhaenPlanDocument, 1);

  g_return_val_if_fail (PHAEN_IS_STORE (store), NULL);

  self->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)piece_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->style = phaen_chart_style_get (PHAEN_CHART_THEME_PRINT);
  self->context = _phaen_chart_pango_context_new ();
  self->plan = phaen_store_get_plan (store, plan_id, error);
  if (self->plan == NULL)
    return NULL;
  self->unit = phaen_store_get_unit (store, self->plan->unit_id, error);
  if (self->unit == NULL)
    return NULL;
  self->activities = phaen_store_list_activities (store, plan_id, error);
  if (self->activities == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (section_keys); i++)
    {
      self->sections[i] = phaen_store_get_plan_section (store, plan_id, section_keys[i], error);
      if (self->sections[i] == NULL)
        return NULL;
    }
  self->shared_owner = find_shared_owner (self->activities);

  /* Seed 000's title; a plan of another kind keeps its own. */
  if (self->plan->kind == PHAEN_PLAN_PROCESS)
    self->title =
      g_strdup_printf ("แผนการปรับปรุงกระบวนการตามภารกิจของ%s", or_dash (self->unit->name));
  else if (!phaen_text_is_blank (self->plan->title))
    self->title = g_strdup (self->plan->title);
  else
    self->title =
      g_strdup (self->plan->kind == PHAEN_PLAN_ACTION ? "แผนปฏิบัติราชการประจำปี"
                                                      : "แผนการพัฒนาประสิทธิภาพในการปฏิบัติงาน 12 เรื่อง");
  return g_steal_pointer (&self);
}

void
phaen_plan_document_free (PhaenPlanDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->plan, phaen_plan_free);
  g_clear_pointer (&self->unit, phaen_unit_free);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->sections); i++)
    g_free (self->sections[i]);
  g_free (self->title);
  g_free (self->shared_owner);
  g_clear_pointer (&self->pieces, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self);
}

void
phaen_plan_document_set_thai_digits (PhaenPlanDocument *self, gboolean thai_digits)
{
  g_return_if_fail (self != NULL);

  if (self->thai_digits == !!thai_digits)
    return;
  self->thai_digits = !!thai_digits;
  self->laid_out = FALSE;
}

const char *
phaen_plan_document_get_title (PhaenPlanDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

guint
phaen_plan_document_get_n_pages (PhaenPlanDocument *self, const PhaenPageSetup *page)
{
  g_return_val_if_fail (self != NULL && page != NULL, 1);

  lay_out (self, page);
  return MAX (self->pages->len, 1);
}

double
phaen_plan_document_get_scale (const PhaenPageSetup *page)
{
  PhaenPageSetup a4;

  g_return_val_if_fail (page != NULL, 1);

  phaen_page_setup_init_oriented (&a4, PHAEN_PAPER_A4,
                                  page->height > page->width ? PHAEN_ORIENTATION_PORTRAIT
                                                             : PHAEN_ORIENTATION_LANDSCAPE);
  return MIN (page->width / a4.width, page->height / a4.height);
}

void
phaen_plan_document_draw_page (PhaenPlanDocument *self,
                               cairo_t *cr,
                               const PhaenPageSetup *page,
                               guint page_index)
{
  GArray *placed;
  double merged_top = G_MAXDOUBLE, merged_bottom = -G_MAXDOUBLE;
  const Cell *merged = NULL;
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;

  g_return_if_fail (self != NULL && cr != NULL && page != NULL);

  lay_out (self, page);
  g_return_if_fail (page_index < self->pages->len);
  placed = g_ptr_array_index (self->pages, page_index);

  cairo_save (cr);
  phaen_chart_set_source (cr, &self->style->background);
  cairo_paint (cr);
  cairo_scale (cr, phaen_plan_document_get_scale (page), phaen_plan_document_get_scale (page));
  for (guint i = 0; i < placed->len; i++)
    draw_placed (self, cr, &g_array_index (placed, Placed, i), &merged_top, &merged_bottom,
                 &merged);

  /* The shared owner: one cell down the rows of the page. */
  if (merged != NULL && self->shared_owner != NULL)
    {
      const double x = self->design.margin + merged->x;
      g_autoptr (PangoLayout) layout = NULL;
      double text_w = 0, text_h = 0;
      const PhaenChartStyle *style = self->style;

      layout = layout_new (self, self->shared_owner,
                           self->design.height > self->design.width ? TABLE_SIZE_PORTRAIT
                                                                    : TABLE_SIZE_LANDSCAPE,
                           FALSE, merged->width - 2 * PAD_X);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      _phaen_chart_layout_size (layout, &text_w, &text_h);
      _phaen_chart_show_layout (cr, layout, &style->text, x + PAD_X,
                                merged_top + (merged_bottom - merged_top - text_h) / 2);
      _phaen_chart_hline (cr, &style->rule, style->line_width, x, x + merged->width, merged_top);
      _phaen_chart_hline (cr, &style->rule, style->line_width, x, x + merged->width, merged_bottom);
    }

  /* หน้า 1/3 */
  number = g_strdup_printf ("หน้า %u/%u", page_index + 1, self->pages->len);
  footer = digits (self, number);
  _phaen_chart_label (cr, self->context, self->style, footer, FOOTER_SIZE, FALSE,
                      &self->style->text_muted, self->design.margin,
                      self->design.height - self->design.margin - footer_height (self) + 4,
                      self->design.width - 2 * self->design.margin, _PHAEN_ALIGN_END);
  cairo_restore (cr);
}

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return phaen_atomic_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
phaen_plan_document_write_pdf (PhaenPlanDocument *self,
                               const char *path,
                               const PhaenPageSetup *page,
                               GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (self != NULL && path != NULL && page != NULL, FALSE);

  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_cb, file, page->width, page->height);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Phaen");
      n_pages = phaen_plan_document_get_n_pages (self, page);
      for (guint p = 0; p < n_pages; p++)
        {
          phaen_plan_document_draw_page (self, cr, page, p);
          cairo_show_page (cr);
        }
      cairo_destroy (cr);
    }
  status = cairo_surface_status (surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!phaen_atomic_file_check (file, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return phaen_atomic_file_commit (file, error);
}
