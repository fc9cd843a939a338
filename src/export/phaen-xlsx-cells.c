/* phaen-xlsx-cells.c — a sheet's cells held until its pages are known, then written with the
 * table header repeated on every page
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A spreadsheet repeats header rows through the print titles, which gnumeric does not read
 * from XLSX (issue #15): its reader keeps _xlnm.Print_Titles as a name nothing uses. So the
 * header rows are written again at the top of every page, as cells, and the rows after each
 * copy move down. A form is written with the row numbers it would have without the copies; its
 * cells wait here until _phaen_xlsx_cells_write() knows the pages, and the references in its
 * formulas move with the rows they point at. */
#define G_LOG_DOMAIN "phaen-xlsx"

#include "config.h"

#include <string.h>

#include "phaen-xlsx-private.h"

typedef enum
{
  OP_STRING,
  OP_BLANK,
  OP_NUMBER,
  OP_FORMULA,      /* a number as its cached value */
  OP_FORMULA_TEXT, /* a text as its cached value */
  OP_LABELLED,     /* a bold label, then the value: a rich string */
  OP_MERGE,
  OP_COMMENT,
} OpKind;

struct _PhaenXlsxOp
{
  OpKind kind;
  lxw_row_t row, last_row;
  lxw_col_t col, last_col;
  lxw_format *format;
  char *text;   /* the string, formula, merged text or comment */
  char *cached; /* OP_FORMULA_TEXT: the value */
  double value;
  gsize label; /* OP_LABELLED: bytes of the label */
};

static void
op_clear (PhaenXlsxOp *op)
{
  g_free (op->text);
  g_free (op->cached);
}

static PhaenXlsxOp *
add_op (PhaenXlsxSheet *sheet, OpKind kind, lxw_row_t row, lxw_col_t col, lxw_format *format)
{
  PhaenXlsxOp op = {
    .kind = kind, .row = row, .last_row = row, .col = col, .last_col = col, .format = format
  };

  g_assert (!sheet->written);
  if (sheet->ops == NULL)
    {
      sheet->ops = g_array_new (FALSE, FALSE, sizeof (PhaenXlsxOp));
      g_array_set_clear_func (sheet->ops, (GDestroyNotify)op_clear);
    }
  g_array_append_val (sheet->ops, op);
  return &g_array_index (sheet->ops, PhaenXlsxOp, sheet->ops->len - 1);
}

void
_phaen_xlsx_put_string (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text, lxw_format *format)
{
  add_op (sheet, OP_STRING, row, col, format)->text = text;
}

void
_phaen_xlsx_put_blank (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format)
{
  add_op (sheet, OP_BLANK, row, col, format);
}

void
_phaen_xlsx_blank (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, lxw_format *format)
{
  if (sheet->ws != NULL)
    _phaen_xlsx_put_blank (sheet, row, col, format);
}

void
_phaen_xlsx_number (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, double value, lxw_format *format)
{
  if (sheet->ws != NULL)
    add_op (sheet, OP_NUMBER, row, col, format)->value = value;
}

/* A formula carries the value our engine computed as its cached result, so a reader that does
 * not recalculate (a viewer, a script) sees the same numbers the app shows. */
void
_phaen_xlsx_formula (PhaenXlsxSheet *sheet,
                     lxw_row_t row,
                     lxw_col_t col,
                     const char *formula,
                     gboolean has_value,
                     double value,
                     lxw_format *format)
{
  PhaenXlsxOp *op;

  if (sheet->ws == NULL)
    return;
  op = add_op (sheet, has_value ? OP_FORMULA : OP_FORMULA_TEXT, row, col, format);
  op->text = g_strdup (formula);
  op->value = value;
}

void
_phaen_xlsx_formula_text (PhaenXlsxSheet *sheet,
                          lxw_row_t row,
                          lxw_col_t col,
                          const char *formula,
                          const char *value,
                          lxw_format *format)
{
  PhaenXlsxOp *op;

  if (sheet->ws == NULL)
    return;
  op = add_op (sheet, OP_FORMULA_TEXT, row, col, format);
  op->text = g_strdup (formula);
  op->cached = g_strdup (value);
}

void
_phaen_xlsx_put_labelled (
  PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text, gsize label, lxw_format *format)
{
  PhaenXlsxOp *op = add_op (sheet, OP_LABELLED, row, col, format);

  op->text = text;
  op->label = label;
}

void
_phaen_xlsx_put_merge (PhaenXlsxSheet *sheet,
                       lxw_row_t first_row,
                       lxw_col_t first_col,
                       lxw_row_t last_row,
                       lxw_col_t last_col,
                       char *text,
                       lxw_format *format)
{
  PhaenXlsxOp *op = add_op (sheet, OP_MERGE, first_row, first_col, format);

  op->last_row = last_row;
  op->last_col = last_col;
  op->text = text;
}

void
_phaen_xlsx_put_comment (PhaenXlsxSheet *sheet, lxw_row_t row, lxw_col_t col, char *text)
{
  add_op (sheet, OP_COMMENT, row, col, NULL)->text = text;
}

void
_phaen_xlsx_cells_free (PhaenXlsxSheet *sheet)
{
  g_clear_pointer (&sheet->ops, g_array_unref);
  g_clear_pointer (&sheet->row_map, g_array_unref);
}

/* ------------------------------------------------------------------ rows moved */

lxw_row_t
_phaen_xlsx_sheet_row (PhaenXlsxSheet *sheet, lxw_row_t row)
{
  GArray *map = sheet->row_map;

  if (map == NULL || map->len == 0)
    return row;
  if (row < map->len)
    return g_array_index (map, lxw_row_t, row);
  /* Past the last row: moved as far as the last one. */
  return row + g_array_index (map, lxw_row_t, map->len - 1) - (map->len - 1);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '$' || c == '!' || c == '\'';
}

static void
append_number (GString *out, guint64 n)
{
  char digits[24];
  int i = sizeof digits;

  do
    digits[--i] = (char)('0' + n % 10);
  while ((n /= 10) > 0);
  g_string_append_len (out, digits + i, (gssize)sizeof digits - i);
}

/* @formula with every cell reference ("C30", "$C$30", either end of "C3:C9") pointing at the row
 * its cell moved to, in @moved; FALSE when nothing moves. Text in quotes and names such as
 * LOG10( stay. */
static gboolean
moved_formula (PhaenXlsxSheet *sheet, const char *formula, GString *moved)
{
  const char *copied = formula, *p = formula;

  g_string_truncate (moved, 0);
  while (*p != '\0')
    {
      const char *letters, *digits, *end;
      guint64 row = 0;

      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            ;
          p += *p == '"';
          continue;
        }
      if (p > formula && is_name_char (p[-1]))
        {
          p++;
          continue;
        }
      letters = p + (*p == '$');
      for (digits = letters; g_ascii_isupper (*digits) && digits - letters < 3; digits++)
        ;
      if (digits == letters)
        {
          p++;
          continue;
        }
      digits += *digits == '$';
      for (end = digits; g_ascii_isdigit (*end) && end - digits < 8; end++)
        row = row * 10 + (guint64)(*end - '0');
      if (end == digits || g_ascii_isalnum (*end) || *end == '_' || *end == '(' || *end == '!')
        {
          p = end > p ? end : p + 1;
          continue;
        }
      if (row >= 1 && row <= LXW_ROW_MAX)
        {
          lxw_row_t to = _phaen_xlsx_sheet_row (sheet, (lxw_row_t)(row - 1));

          if (to != row - 1)
            {
              g_string_append_len (moved, copied, digits - copied);
              append_number (moved, (guint64)to + 1);
              copied = end;
            }
        }
      p = end;
    }
  if (copied == formula)
    return FALSE;
  g_string_append (moved, copied);
  return TRUE;
}

/* ------------------------------------------------------------------ writing */

static void
write_op (
  PhaenXlsxSheet *sheet, const PhaenXlsxOp *op, lxw_row_t row, lxw_row_t last_row, GString *scratch)
{
  PhaenXlsxBook *book = sheet->book;
  lxw_worksheet *ws = sheet->ws;
  lxw_error status = LXW_NO_ERROR;

  switch (op->kind)
    {
    case OP_STRING:
      status = worksheet_write_string (ws, row, op->col, op->text, op->format);
      break;
    case OP_BLANK:
      status = worksheet_write_blank (ws, row, op->col, op->format);
      break;
    case OP_NUMBER:
      status = worksheet_write_number (ws, row, op->col, op->value, op->format);
      break;
    case OP_FORMULA:
    case OP_FORMULA_TEXT:
      {
        const char *formula = moved_formula (sheet, op->text, scratch) ? scratch->str : op->text;

        status = op->kind == OP_FORMULA
                   ? worksheet_write_formula_num (ws, row, op->col, formula, op->format, op->value)
                   : worksheet_write_formula_str (ws, row, op->col, formula, op->format,
                                                  op->cached != NULL ? op->cached : "");
        break;
      }
    case OP_LABELLED:
      {
        g_autofree char *label = g_strndup (op->text, op->label);
        lxw_rich_string_tuple bold = { .format = book->fmt.run_bold, .string = label };
        lxw_rich_string_tuple plain = { .format = book->fmt.run, .string = op->text + op->label };
        lxw_rich_string_tuple *fragments[] = { &bold, &plain, NULL };

        /* A rich string is a string cell too: a value typed as "=…" stays text. */
        status = worksheet_write_rich_string (ws, row, op->col, fragments, op->format);
        break;
      }
    case OP_MERGE:
      if (row == last_row && op->col == op->last_col)
        status = *op->text == '\0'
                   ? worksheet_write_blank (ws, row, op->col, op->format)
                   : worksheet_write_string (ws, row, op->col, op->text, op->format);
      else
        status =
          worksheet_merge_range (ws, row, op->col, last_row, op->last_col, op->text, op->format);
      break;
    case OP_COMMENT:
      {
        lxw_comment_options options = { .author = (char *)"Phaen", .width = 260, .height = 90 };

        status = worksheet_write_comment_opt (ws, row, op->col, op->text, &options);
        break;
      }
    }
  _phaen_xlsx_ok (book, status, sheet->name);
}

/* A range merged down rows that a page break now separates is merged on each page, the header
 * copy between its parts cannot be inside it; each part shows the text (an owner shared by the
 * activities on both pages). A number in it is a cell of its own, written once. */
static void
write_merge (PhaenXlsxSheet *sheet, const PhaenXlsxOp *op)
{
  lxw_row_t from = op->row;

  for (lxw_row_t r = op->row + 1; r <= op->last_row + 1; r++)
    if (r > op->last_row ||
        _phaen_xlsx_sheet_row (sheet, r) != _phaen_xlsx_sheet_row (sheet, r - 1) + 1)
      {
        write_op (sheet, op, _phaen_xlsx_sheet_row (sheet, from),
                  _phaen_xlsx_sheet_row (sheet, r - 1), NULL);
        from = r;
      }
}

/* Writes the cells, each where its row moved to, and the cells of the header rows
 * @first_title..@last_title again at each of @copies (new row numbers, G_MAXUINT32 for none). */
void
_phaen_xlsx_cells_write (PhaenXlsxSheet *sheet,
                         lxw_row_t first_title,
                         lxw_row_t last_title,
                         const GArray *copies)
{
  g_autoptr (GString) scratch = g_string_new (NULL);

  if (sheet->ops == NULL || sheet->ws == NULL)
    {
      sheet->written = TRUE;
      return;
    }
  for (guint i = 0; i < sheet->ops->len; i++)
    {
      const PhaenXlsxOp *op = &g_array_index (sheet->ops, PhaenXlsxOp, i);

      if (op->kind == OP_MERGE)
        write_merge (sheet, op);
      else
        write_op (sheet, op, _phaen_xlsx_sheet_row (sheet, op->row),
                  _phaen_xlsx_sheet_row (sheet, op->last_row), scratch);
      if (copies == NULL || op->row < first_title || op->last_row > last_title)
        continue;
      for (guint c = 0; c < copies->len; c++)
        {
          lxw_row_t at = g_array_index (copies, lxw_row_t, c) + (op->row - first_title);

          write_op (sheet, op, at, at + (op->last_row - op->row), scratch);
        }
    }
  sheet->written = TRUE;
  g_clear_pointer (&sheet->ops, g_array_unref);
}
