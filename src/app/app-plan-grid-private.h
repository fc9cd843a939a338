/* app-plan-grid-private.h — what the plan grid's files share: the instance struct and internals
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "app-autosave.h"
#include "app-plan-grid.h"
#include "app-scrollable.h"

#include "phaen-cell-table.h"
#include "phaen-plan-totals.h"

G_BEGIN_DECLS

/* Wrapped cells grow the row up to this many lines, then ellipsize. */
#define MAX_TEXT_LINES 3
#define PAD_X 6.0
#define HEADER_ROWS 3 /* ระยะเวลาในการดำเนินงาน / BE years / months */

/* The texts a row shows; month cells are drawn, not written. */
enum
{
  TEXT_NUMBER,
  TEXT_NAME,
  TEXT_CATEGORY,
  TEXT_OWNER,
  TEXT_BUDGET,
  TEXT_OUTPUT,
  N_TEXTS
};

static const guint text_column[N_TEXTS] = {
  APP_PLAN_GRID_COLUMN_NUMBER, APP_PLAN_GRID_COLUMN_NAME,   APP_PLAN_GRID_COLUMN_CATEGORY,
  APP_PLAN_GRID_COLUMN_OWNER,  APP_PLAN_GRID_COLUMN_BUDGET, APP_PLAN_GRID_COLUMN_OUTPUT,
};

typedef struct
{
  gint64 id;
  int depth;
  int level;     /* PhaenActivityLevel: the row's weight and background */
  double height; /* estimated until the row is first shown, then measured */
  gboolean measured;
  char *text[N_TEXTS];
  PangoLayout *layout[N_TEXTS]; /* made when the row is first drawn */
} RowCache;

typedef struct
{
  guint first, end; /* months */
  char *tooltip;
  PangoLayout *layout;
  PangoLayout *short_layout; /* for a span narrower than the label ("ปีงบฯ 65"), or NULL */
  int natural_width;
} HeaderSpan;

struct _AppPlanGrid
{
  GtkWidget parent_instance;

  PhaenStore *store;
  gint64 plan_id;
  PhaenPlan *plan;
  GPtrArray *activities; /* (element-type PhaenActivity) depth-first, numbered */
  GArray *row_cache;     /* RowCache, one per activity */
  AppGridRows *rows;
  AppGridColumns columns;

  /* Metrics measured from the widget's font; see _app_plan_grid_ensure_metrics(). */
  gboolean metrics_valid;
  PangoFontDescription *font;
  double line_height, indent_step, header_row_height, footer_height;
  double thai_char_width; /* for estimating the height of rows not shown yet */
  PangoLayout *measure;
  PangoLayout *title[APP_PLAN_GRID_N_COLUMNS];
  PangoLayout *footer[APP_PLAN_GRID_N_COLUMNS];
  HeaderSpan group;
  GArray *year_spans; /* HeaderSpan */

  AppScrollable scroll;
  gboolean in_allocate;
  gboolean scroll_pending; /* bring the cursor into view at the next allocation */

  guint cursor_row, cursor_column;
  guint anchor_row, anchor_column; /* the selection's other corner; the cursor is one */
  gboolean extending;              /* a cursor move keeps the anchor */
  gint64 cursor_id;

  PhaenPlanTotals totals; /* the footer: outputs or activities per month, the budget */

  GtkWidget *editor; /* a GtkText over the cell being edited */
  gint64 edit_id;
  guint edit_row, edit_column;
  gboolean edit_closing;
  AppAutosave *edit_autosave; /* stores what is typed in the cell a moment after a pause */
  char *edit_original;        /* the cell's stored text when the edit began, for Escape */
  gboolean edit_saved;        /* the autosave stored some of this edit's text */

  gboolean compact; /* tighter rows and month columns */
  /* Widths the user set by dragging a header's edge (0: from the font); the months share the
   * first month's. */
  double width_override[APP_PLAN_GRID_N_COLUMNS];
  gboolean width_fitted[APP_PLAN_GRID_N_COLUMNS]; /* fitted, so not remembered */
  gboolean resizing;
  guint resize_column;
  double resize_start_width;

  PhaenMark tool;
  gboolean painting;
  guint paint_row0, paint_row1, paint_month0, paint_month1;
  PhaenMark paint_mark;
  gboolean paint_erase;
  double drag_x, drag_y;
  gboolean selecting;          /* a drag over text cells selects a rectangle */
  gboolean filling;            /* a drag of the fill handle */
  guint fill_row, fill_column; /* where the fill handle is dragged to */
  double pointer_x, pointer_y; /* during a drag, for auto-scroll */
  guint autoscroll_id;
  gboolean paste_insert; /* the paste under way adds its rows after the cursor's activity */

  GtkIMContext *im;
  GtkWidget *menu; /* the row menu (Shift+F10, right click), while it exists */

  GArray *rollups; /* PhaenBudgetRollup per activity (the core's, phaen-plan-totals.h) */
};

/* Space above and below a line of text: less in the compact density. */
static inline double
pad_y (AppPlanGrid *self)
{
  return self->compact ? 1.0 : 4.0;
}

static inline void
row_cache_clear (RowCache *rc)
{
  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_clear_pointer (&rc->text[i], g_free);
      g_clear_object (&rc->layout[i]);
    }
}

static inline void
header_span_clear (HeaderSpan *span)
{
  g_clear_pointer (&span->tooltip, g_free);
  g_clear_object (&span->layout);
  g_clear_object (&span->short_layout);
}

static inline guint
n_rows (AppPlanGrid *self)
{
  return self->activities ? self->activities->len : 0;
}

static inline const PhaenActivity *
activity_at (AppPlanGrid *self, guint row)
{
  return row < n_rows (self) ? g_ptr_array_index (self->activities, row) : NULL;
}

static inline RowCache *
row_cache_at (AppPlanGrid *self, guint row)
{
  return &g_array_index (self->row_cache, RowCache, row);
}

/* The core's roll-up of @row's budget (phaen_plan_budget_rollups()), or NULL. */
static inline const PhaenBudgetRollup *
rollup_at (AppPlanGrid *self, guint row)
{
  return self->rollups && row < self->rollups->len
           ? &g_array_index (self->rollups, PhaenBudgetRollup, row)
           : NULL;
}

static inline int
text_of_column (guint column)
{
  for (guint i = 0; i < N_TEXTS; i++)
    if (text_column[i] == column)
      return (int)i;
  return -1;
}

static inline gboolean
text_wraps (guint text)
{
  return text == TEXT_NAME || text == TEXT_OWNER || text == TEXT_OUTPUT;
}

static inline gboolean
column_is_editable (guint column)
{
  return column != APP_PLAN_GRID_COLUMN_NUMBER && app_grid_column_to_month (column) < 0;
}

static inline guint
plan_months (AppPlanGrid *self)
{
  if (self->plan == NULL)
    return PHAEN_FISCAL_MONTHS;
  return PHAEN_FISCAL_MONTHS + (guint)CLAMP (self->plan->extra_months, 0, PHAEN_FISCAL_MONTHS);
}

static inline int
plan_year (AppPlanGrid *self)
{
  return self->plan ? self->plan->fiscal_year : 2564;
}

static inline double
name_indent (AppPlanGrid *self, int depth)
{
  return MIN (depth * self->indent_step, self->columns.width[APP_PLAN_GRID_COLUMN_NAME] / 2);
}

int _app_plan_grid_row_of_activity (AppPlanGrid *self, gint64 id);
char *_app_plan_grid_cell_text (const PhaenActivity *a, guint text);
char *_app_plan_grid_edit_text (const PhaenActivity *a, guint column);
char *_app_plan_grid_footer_text (AppPlanGrid *self, guint column);
void _app_plan_grid_emit_message (AppPlanGrid *self, const char *text);
void _app_plan_grid_emit_undoable (AppPlanGrid *self, const char *text);
void _app_plan_grid_report_error (AppPlanGrid *self, const GError *error);
AppGridView _app_plan_grid_current_view (AppPlanGrid *self);
void _app_plan_grid_scroll_to_cursor (AppPlanGrid *self);
void _app_plan_grid_move_cursor_to (AppPlanGrid *self, guint row, guint column);
void _app_plan_grid_move_cursor_by (AppPlanGrid *self, int rows, int columns);
void _app_plan_grid_reload (AppPlanGrid *self);
void _app_plan_grid_ensure_metrics (AppPlanGrid *self);
PangoLayout *_app_plan_grid_row_layout (AppPlanGrid *self, guint row, guint text);
void _app_plan_grid_rebuild_header (AppPlanGrid *self);
void _app_plan_grid_rebuild_rows (AppPlanGrid *self, gboolean keep);
gboolean _app_plan_grid_measure_row (AppPlanGrid *self, guint row);
gboolean _app_plan_grid_measure_shown (AppPlanGrid *self);
void _app_plan_grid_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);
void _app_plan_grid_close_editor (AppPlanGrid *self);
void _app_plan_grid_editor_autosave_cb (gpointer data);
void _app_plan_grid_begin_edit (AppPlanGrid *self, const char *initial);
gboolean _app_plan_grid_commit_edit (AppPlanGrid *self);
gboolean _app_plan_grid_commit_text (
  AppPlanGrid *self, guint row, guint column, const char *text, gboolean quiet, GError **error);
void _app_plan_grid_adjustment_value_changed_cb (AppPlanGrid *self);
PhaenMark _app_plan_grid_mark_for_state (AppPlanGrid *self, GdkModifierType state);
gboolean _app_plan_grid_paint_block (AppPlanGrid *self,
                                     guint row0,
                                     guint row1,
                                     guint month0,
                                     guint month1,
                                     PhaenMark mark,
                                     gboolean erase,
                                     GError **error);
void _app_plan_grid_toggle_cursor_month (AppPlanGrid *self);
void _app_plan_grid_clear_cursor_cell (AppPlanGrid *self);
void _app_plan_grid_init_input (AppPlanGrid *self);
void _app_plan_grid_class_init_actions (GtkWidgetClass *widget_class);

/* A rectangle of cells: rows row0…row1 and grid columns column0…column1 (absent columns in
 * between are skipped), all inclusive. */
typedef struct
{
  guint row0, row1, column0, column1;
} AppGridSelection;

void _app_plan_grid_select_to (AppPlanGrid *self, guint row, guint column);
void _app_plan_grid_extend_by (AppPlanGrid *self, int rows, int columns);
void _app_plan_grid_get_selection (AppPlanGrid *self, AppGridSelection *selection);
gboolean _app_plan_grid_selection_is_cell (AppPlanGrid *self);

/* app-plan-grid-actions.c: edits of the whole selection, each one undo step */
gboolean _app_plan_grid_paint_selection (AppPlanGrid *self, PhaenMark mark, GError **error);
gboolean _app_plan_grid_clear_selection (AppPlanGrid *self, GError **error);
gboolean _app_plan_grid_fill (AppPlanGrid *self, gboolean down, GError **error);
/* Every selected row at @level, one undo step. */
gboolean _app_plan_grid_set_level (AppPlanGrid *self, PhaenActivityLevel level, GError **error);
/* The row menu at view @x, @y (the cursor's row). */
void _app_plan_grid_popup_menu (AppPlanGrid *self, double x, double y);
/* Applies typed or pasted @text to a copy of an activity: FALSE with a refusal (transfer full)
 * when the column does not take it; *changed says whether @a changed. */
gboolean _app_plan_grid_apply_text (AppPlanGrid *self,
                                    PhaenActivity *a,
                                    guint column,
                                    const char *text,
                                    gboolean *changed,
                                    char **refusal);

GArray *_app_plan_grid_row_edits_new (AppPlanGrid *self, guint row0, guint row1);
PhaenActivity *_app_plan_grid_row_edit_after (GArray *edits, guint index);
void _app_plan_grid_row_edits_add (GArray *edits, PhaenActivity *created);
gboolean _app_plan_grid_row_edits_store (AppPlanGrid *self, GArray *edits, GError **error);
void _app_plan_grid_report_refusals (AppPlanGrid *self, guint refused, const char *first_reason);

gboolean _app_plan_grid_fill_handle_rect (AppPlanGrid *self, AppGridRect *rect);

/* Column widths: the column whose right edge is at view x (within a few pixels) in the
 * header, or -1; setting a width (0 goes back to the font's); fitting the contents. */
int _app_plan_grid_column_edge_at (AppPlanGrid *self, double x, double y);
void _app_plan_grid_set_column_width (AppPlanGrid *self, guint column, double width);
void _app_plan_grid_fit_column (AppPlanGrid *self, guint column);
/* The user changed a width: the "column-widths" property (the setting) follows. */
void _app_plan_grid_widths_changed (AppPlanGrid *self);

/* app-plan-grid-clipboard.c */
void _app_plan_grid_class_init_clipboard (GtkWidgetClass *widget_class);
gboolean _app_plan_grid_paste_table (AppPlanGrid *self,
                                     const PhaenCellTable *table,
                                     gboolean insert,
                                     GError **error);
void _app_plan_grid_editor_paste (AppPlanGrid *self, GtkText *editor);

G_END_DECLS
