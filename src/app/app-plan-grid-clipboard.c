/* app-plan-grid-clipboard.c — the plan grid's copy, cut and paste, with spreadsheets both ways
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-plan-grid"

#include "config.h"

#include "app-plan-grid-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phaen-calendar.h"
#include "phaen-error.h"
#include "phaen-parse.h"
#include "phaen-thai-text.h"

/* ------------------------------------------------------------------ copy */

/* The selection as LibreOffice and Excel hold cells: texts as shown, months as ■●○✔ with
 * planned months shaded. Returns: (transfer full) */
static PhaenCellTable *
selection_table (AppPlanGrid *self)
{
  AppGridSelection sel;
  PhaenCellTable *table;
  guint n_columns = 0;

  _app_plan_grid_get_selection (self, &sel);
  for (guint c = sel.column0; c <= sel.column1; c++)
    n_columns += app_grid_column_is_present (&self->columns, c);
  table = phaen_cell_table_new (sel.row1 - sel.row0 + 1, n_columns);
  for (guint r = sel.row0; r <= sel.row1; r++)
    {
      const PhaenActivity *a = activity_at (self, r);
      guint j = 0;

      for (guint c = sel.column0; c <= sel.column1; c++)
        {
          int month = app_grid_column_to_month (c);
          g_autofree char *text = NULL;

          if (!app_grid_column_is_present (&self->columns, c))
            continue;
          if (month >= 0)
            {
              text = phaen_month_marks_to_text (a->marks[month]);
              phaen_cell_table_set (table, r - sel.row0, j++, text,
                                    (a->marks[month] & PHAEN_MARK_PLANNED) != 0);
            }
          else
            {
              text = _app_plan_grid_cell_text (a, (guint)text_of_column (c));
              phaen_cell_table_set (table, r - sel.row0, j++, text, FALSE);
            }
        }
    }
  return table;
}

static gboolean
copy_selection (AppPlanGrid *self)
{
  g_autoptr (PhaenCellTable) table = NULL;
  g_autoptr (GBytes) html = NULL;
  g_autoptr (GdkContentProvider) provider = NULL;
  g_autofree char *tsv = NULL;
  GdkContentProvider *providers[2];

  if (n_rows (self) == 0)
    return FALSE;
  table = selection_table (self);
  tsv = phaen_cell_table_to_tsv (table);
  /* One cell pastes into a text field without a line break after it. */
  if (phaen_cell_table_get_n_rows (table) == 1 && phaen_cell_table_get_n_columns (table) == 1)
    g_strchomp (tsv);
  {
    char *text = phaen_cell_table_to_html (table);

    html = g_bytes_new_take (text, strlen (text));
  }
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);
  provider = gdk_content_provider_new_union (providers, 2);
  return gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

/* ------------------------------------------------------------------ paste */

/* What a header cell names: a grid column, or -2 for a header word that maps to nothing (ที่,
 * the group title over the months), or -1 for no header at all. A month name is resolved by
 * the caller, which knows the months before it. */
static int
header_column (const char *text)
{
  static const struct
  {
    const char *word;
    int column;
  } words[] = {
    /* Thai words on purpose: the headings of the officers' own sheets */
    { "ผู้รับผิดชอบ", APP_PLAN_GRID_COLUMN_OWNER },
    { "งบประมาณ", APP_PLAN_GRID_COLUMN_BUDGET },
    { "ผลผลิต", APP_PLAN_GRID_COLUMN_OUTPUT },
    { "ประเภท", APP_PLAN_GRID_COLUMN_CATEGORY },
    { "กิจกรรม", APP_PLAN_GRID_COLUMN_NAME },
    { "เรื่องที่ดำเนินการ", APP_PLAN_GRID_COLUMN_NAME },
    { "ขั้นตอน", APP_PLAN_GRID_COLUMN_NAME },
    { "ระยะเวลา", -2 },
    { "ลำดับ", -2 },
  };

  /* Thai on purpose: the number column's heading. */
  if (g_str_equal (text, "ที่"))
    return -2;
  /* Header cells are short; an activity's name that mentions กิจกรรม is not one. */
  if (g_utf8_strlen (text, -1) > 30)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (text, words[i].word))
      return words[i].column;
  return -1;
}

/* The fiscal month (0–11) a header cell names (`ต.ค.63`, `ต.ค.`, `ตุลาคม 2563`), or -1. */
static int
header_month (const char *text)
{
  for (int m = 0; m < PHAEN_FISCAL_MONTHS; m++)
    {
      GDateMonth month = phaen_fiscal_month_calendar_month (m);

      if (g_str_has_prefix (text, phaen_month_short_name (month)) ||
          g_str_has_prefix (text, phaen_month_full_name (month)))
        return m;
    }
  return -1;
}

/* A block copied with its header rows (seed 000's กิจกรรม | ต.ค.63 … ก.ย.64 | งบประมาณ |
 * ผู้รับผิดชอบ) lands by the headers, whatever their order. Returns the number of header rows
 * and sets @targets (one per table column: a grid column or -1), or 0 when there are none. */
static guint
map_headers (AppPlanGrid *self, const PhaenCellTable *table, int *targets)
{
  guint n_columns = phaen_cell_table_get_n_columns (table);
  guint n_header_rows = 0;
  int last_month = -1;

  for (guint j = 0; j < n_columns; j++)
    targets[j] = -1;
  for (guint r = 0; r < MIN (phaen_cell_table_get_n_rows (table), 3); r++)
    {
      guint named = 0;

      for (guint j = 0; j < n_columns; j++)
        {
          const char *text = phaen_cell_table_get_text (table, r, j);

          named += header_column (text) != -1 || header_month (text) >= 0;
        }
      if (named < 2)
        break;
      n_header_rows++;
      for (guint j = 0; j < n_columns; j++)
        {
          const char *text = phaen_cell_table_get_text (table, r, j);
          int month = header_month (text);
          int column = header_column (text);

          if (month >= 0)
            {
              /* A second ต.ค. is the next fiscal year's. */
              while (month <= last_month)
                month += PHAEN_FISCAL_MONTHS;
              last_month = month;
              targets[j] = (guint)month < self->columns.n_months
                             ? (int)app_grid_month_to_column ((guint)month)
                             : -1;
            }
          else if (column >= 0 && app_grid_column_is_present (&self->columns, (guint)column))
            targets[j] = column;
        }
    }
  return n_header_rows;
}

/* Puts @table at the selection: one value fills every selected cell; a block lands with its top
 * left at the selection's, and rows past the last activity add activities. One undo step. */
gboolean
_app_plan_grid_paste_table (AppPlanGrid *self,
                            const PhaenCellTable *table,
                            gboolean insert,
                            GError **error)
{
  AppGridSelection sel;
  g_autoptr (GArray) edits = NULL;
  g_autofree char *first_refusal = NULL;
  guint n_table_rows = phaen_cell_table_get_n_rows (table);
  guint n_table_columns = phaen_cell_table_get_n_columns (table);
  g_autofree int *mapped = g_new (int, MAX (n_table_columns, 1));
  guint skip = map_headers (self, table, mapped);
  guint refused = 0, dropped_columns = 0, row0, column0, last_row, last_column;
  gboolean one_value = n_table_rows == 1 && n_table_columns == 1 && !insert;
  gint64 parent_id = 0, first_new = 0;
  int position = -1;
  g_autofree int *targets = g_new (int, MAX (n_table_columns, APP_PLAN_GRID_N_COLUMNS));
  g_autofree guint *sources = g_new (guint, MAX (n_table_columns, APP_PLAN_GRID_N_COLUMNS));
  int column;

  if (self->store == NULL || n_table_rows <= skip || n_table_columns == 0)
    return TRUE;
  if (!phaen_store_check_writable (self->store, error))
    return FALSE;
  _app_plan_grid_get_selection (self, &sel);
  if (n_rows (self) == 0)
    sel = (AppGridSelection){ 0, 0, APP_PLAN_GRID_COLUMN_NAME, APP_PLAN_GRID_COLUMN_NAME };
  if (one_value && n_rows (self) > 0)
    {
      /* Ctrl+V of one value over a range fills the range, as spreadsheets do. */
      row0 = sel.row0;
      column0 = sel.column0;
      last_row = sel.row1;
      last_column = sel.column1;
    }
  else
    {
      row0 = sel.row0;
      column0 = MAX (sel.column0, APP_PLAN_GRID_COLUMN_NAME);
      last_row = row0 + (n_table_rows - skip) - 1;
      last_column = column0;
    }
  if (skip > 0)
    {
      column0 = APP_PLAN_GRID_COLUMN_NAME;
      for (guint j = 0; j < n_table_columns; j++)
        if (mapped[j] >= 0)
          last_column = MAX (last_column, (guint)mapped[j]);
    }

  if (!phaen_store_begin (self->store, _ ("Paste"), error))
    return FALSE;
  /* Ctrl+Shift+V: every row a new activity right after the cursor's, beside it. */
  if (insert && n_rows (self) > 0)
    {
      parent_id = activity_at (self, sel.row0)->parent_id;
      position = activity_at (self, sel.row0)->position + 1;
      edits = _app_plan_grid_row_edits_new (self, 1, 0);
    }
  else
    edits = _app_plan_grid_row_edits_new (self, row0, MIN (last_row, n_rows (self) - 1));
  for (guint r = insert ? row0 : MAX (n_rows (self), row0); r <= last_row; r++)
    {
      gint64 id = phaen_store_add_activity (self->store, self->plan_id, parent_id,
                                            position >= 0 ? position++ : -1, "", error);
      PhaenActivity *created = id ? phaen_store_get_activity (self->store, id, error) : NULL;

      if (created == NULL)
        {
          phaen_store_rollback (self->store);
          return FALSE;
        }
      if (first_new == 0)
        first_new = id;
      _app_plan_grid_row_edits_add (edits, created);
    }

  for (guint i = 0; i < edits->len; i++)
    {
      PhaenActivity *a = _app_plan_grid_row_edit_after (edits, i);
      guint n_targets = 0;

      /* The grid columns the table's columns land in: by its headers, or from the selection's
       * left on, skipping absent ones. */
      column = (int)column0;
      for (guint j = 0; skip > 0 && j < n_table_columns; j++)
        {
          targets[n_targets] = mapped[j];
          sources[n_targets++] = j;
        }
      for (guint j = 0; skip == 0 && j < (one_value ? APP_PLAN_GRID_N_COLUMNS : n_table_columns);
           j++)
        {
          if (column < 0 || (one_value && (guint)column > last_column))
            {
              if (!one_value)
                dropped_columns = MAX (dropped_columns, n_table_columns - j);
              break;
            }
          targets[n_targets] = column;
          sources[n_targets++] = one_value ? 0 : j;
          last_column = MAX (last_column, (guint)column);
          column = app_grid_columns_step (&self->columns, (guint)column, 1);
        }
      for (guint j = 0; j < n_targets; j++)
        {
          guint from_row = one_value ? 0 : i + skip;
          guint from_column = sources[j];
          const char *text = phaen_cell_table_get_text (table, from_row, from_column);
          gboolean shaded = phaen_cell_table_get_shaded (table, from_row, from_column);
          int month = targets[j] >= 0 ? app_grid_column_to_month ((guint)targets[j]) : -1;
          g_autofree char *refusal = NULL;
          g_autoptr (GError) mark_error = NULL;
          gboolean changed;
          guint marks;

          if (targets[j] < 0)
            continue;
          if (month >= 0)
            {
              if (phaen_parse_month_marks (text, shaded, &marks, &mark_error))
                a->marks[month] = (guint8)marks;
              else
                refusal = g_strdup (mark_error->message);
            }
          else if (column_is_editable ((guint)targets[j]))
            _app_plan_grid_apply_text (self, a, (guint)targets[j], text, &changed, &refusal);
          if (refusal && refused++ == 0)
            first_refusal = g_steal_pointer (&refusal);
        }
    }
  if (!_app_plan_grid_row_edits_store (self, edits, error))
    {
      phaen_store_rollback (self->store);
      return FALSE;
    }
  if (!phaen_store_commit (self->store, error))
    return FALSE;

  _app_plan_grid_report_refusals (self, refused, first_refusal);
  if (dropped_columns > 0)
    {
      g_autofree char *message = g_strdup_printf (
        g_dngettext (
          GETTEXT_PACKAGE, "The pasted block is wider than the plan: %u column was left out.",
          "The pasted block is wider than the plan: %u columns were left out.", dropped_columns),
        dropped_columns);

      _app_plan_grid_emit_message (self, message);
    }
  /* What was pasted stays selected. */
  if (insert && _app_plan_grid_row_of_activity (self, first_new) >= 0)
    {
      guint first_row = (guint)_app_plan_grid_row_of_activity (self, first_new);

      last_row = first_row + (last_row - row0);
      row0 = first_row;
    }
  _app_plan_grid_move_cursor_to (self, row0, column0);
  _app_plan_grid_select_to (self, MIN (last_row, n_rows (self) - 1), last_column);
  return TRUE;
}

static void
paste_text (AppPlanGrid *self, const char *text)
{
  g_autoptr (PhaenCellTable) table = NULL;
  g_autoptr (GError) error = NULL;

  if (text == NULL)
    return;
  table = phaen_cell_table_parse_tsv (text);
  if (!_app_plan_grid_paste_table (self, table, self->paste_insert, &error))
    _app_plan_grid_report_error (self, error);
}

static void
text_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AppPlanGrid) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  paste_text (self, text);
}

/* Firefox offers text/html in UTF-16 with a byte-order mark. Returns: (transfer full) */
static char *
html_to_utf8 (GBytes *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return g_convert ((const char *)data + 2, (gssize)size - 2, "UTF-8", "UTF-16LE", NULL, NULL,
                      NULL);
  if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return g_convert ((const char *)data + 2, (gssize)size - 2, "UTF-8", "UTF-16BE", NULL, NULL,
                      NULL);
  return g_utf8_make_valid ((const char *)data, (gssize)size);
}

static void
html_spliced_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AppPlanGrid) self = data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PhaenCellTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *html = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL) >= 0)
    {
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
      html = html_to_utf8 (bytes);
      table = html ? phaen_cell_table_parse_html (html) : NULL;
    }
  if (table == NULL)
    {
      /* No table in it (a web page's text): the plain text says the same. */
      gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                     text_read_cb, g_object_ref (self));
      return;
    }
  if (!_app_plan_grid_paste_table (self, table, self->paste_insert, &error))
    _app_plan_grid_report_error (self, error);
}

static void
html_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AppPlanGrid) self = data;
  g_autoptr (GInputStream) stream =
    gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  g_autoptr (GOutputStream) memory = NULL;

  if (stream == NULL)
    {
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (source), NULL, text_read_cb,
                                     g_steal_pointer (&self));
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (
    memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
    G_PRIORITY_DEFAULT, NULL, html_spliced_cb, g_steal_pointer (&self));
}

/* ------------------------------------------------------------------ the cell editor */

static void
editor_text_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (AppPlanGrid) self = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autofree char *first = NULL;
  GtkEditable *editable;
  int start, end;
  gsize cut;

  if (text == NULL || self->editor == NULL)
    return;
  editable = GTK_EDITABLE (self->editor);
  cut = strcspn (text, "\t\r\n");
  first = g_strndup (text, cut);
  if (text[cut] != '\0' && !phaen_text_is_blank (text + cut))
    {
      g_autofree char *dropped = g_strstrip (g_strdup (text + cut));
      g_autofree char *head = g_utf8_substring (dropped, 0, MIN (g_utf8_strlen (dropped, -1), 40));
      g_autofree char *message = NULL;

      g_strdelimit (head, "\t\r\n", ' ');
      message = g_strdup_printf (
        _ ("A cell holds one line: pasted “%s” and dropped “%s%s”. Press Esc and paste again to "
           "fill several cells."),
        first, head, g_utf8_strlen (dropped, -1) > 40 ? "…" : "");
      _app_plan_grid_emit_message (self, message);
    }
  gtk_editable_get_selection_bounds (editable, &start, &end);
  gtk_editable_delete_text (editable, start, end);
  gtk_editable_insert_text (editable, first, -1, &start);
  gtk_editable_set_position (editable, start);
}

/* GtkText's own paste would put tabs and line breaks into a one-line cell. */
static void
editor_paste_cb (GtkText *editor, AppPlanGrid *self)
{
  g_signal_stop_emission_by_name (editor, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (editor)), NULL,
                                 editor_text_read_cb, g_object_ref (self));
}

void
_app_plan_grid_editor_paste (AppPlanGrid *self, GtkText *editor)
{
  g_signal_connect_object (editor, "paste-clipboard", G_CALLBACK (editor_paste_cb), self, 0);
}

/* ------------------------------------------------------------------ actions */

static void
clipboard_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AppPlanGrid *self = APP_PLAN_GRID (widget);
  g_autoptr (GError) error = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  if (!_app_plan_grid_commit_edit (self))
    return;
  self->paste_insert = g_str_equal (name, "grid.paste-below");
  if (g_str_equal (name, "grid.copy"))
    copy_selection (self);
  else if (g_str_equal (name, "grid.cut"))
    {
      if (copy_selection (self) && !_app_plan_grid_clear_selection (self, &error))
        _app_plan_grid_report_error (self, error);
    }
  else if (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                  "text/html"))
    gdk_clipboard_read_async (clipboard, (const char *[]){ "text/html", NULL }, G_PRIORITY_DEFAULT,
                              NULL, html_read_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, g_object_ref (self));
}

void
_app_plan_grid_class_init_clipboard (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "grid.cut", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "grid.paste", NULL, clipboard_action);
  gtk_widget_class_install_action (widget_class, "grid.paste-below", NULL, clipboard_action);
}
