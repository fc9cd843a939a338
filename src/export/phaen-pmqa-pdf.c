/* phaen-pmqa-pdf.c — the PMQA 4.0 application printed like seed 001 (Cairo, Pango)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-pmqa-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "phaen-atomic-file.h"
#include "phaen-error.h"
#include "phaen-pmqa-export.h"
#include "phaen-thai-text.h"

/* The labels are OPDC's form's own words, in Thai whatever the language of the screen. */

/* A4 in points, 15 mm margins (seed 001 is TCPDF's A4). */
#define PAGE_WIDTH 595.28
#define PAGE_HEIGHT 841.89
#define MARGIN 42.5
#define FONT_FAMILY "TH Sarabun New,Laksaman,Noto Sans Thai,sans-serif"
#define FONT_SIZE 15.0
#define POINTS_COLUMN 60.0
#define TICK_COLUMN 24.0

typedef struct
{
  cairo_t *cr;
  PangoContext *context;
  double y;
  int page;
} Writer;

/* ------------------------------------------------------------------ drawing */

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return phaen_atomic_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

static void
new_page (Writer *w)
{
  if (w->page > 0)
    cairo_show_page (w->cr);
  w->page++;
  w->y = MARGIN;
}

static PangoLayout *
make_layout (Writer *w, const char *text, double width, gboolean bold, double size)
{
  PangoLayout *layout = pango_layout_new (w->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @layout line by line from x, breaking the page where a line does not fit. Returns the
 * y of the first line's top (on its page). */
static double
flow (Writer *w, PangoLayout *layout, double x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double first_top = -1;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline, top;
      int y0, y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      height = (double)(y1 - y0) / PANGO_SCALE;
      baseline = (double)(pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      if (w->y + height > PAGE_HEIGHT - MARGIN)
        new_page (w);
      top = w->y;
      if (first_top < 0)
        first_top = top;
      cairo_move_to (w->cr, x + (double)logical.x / PANGO_SCALE, top + baseline);
      pango_cairo_show_layout_line (w->cr, line);
      w->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return first_top;
}

static double
text (Writer *w, const char *str, double x, double width, gboolean bold, double size)
{
  PangoLayout *layout = make_layout (w, str, width, bold, size);
  double top = flow (w, layout, x);

  g_object_unref (layout);
  return top;
}

static void
gap (Writer *w, double points)
{
  w->y += points;
}

/* Keeps a heading with what follows: a new page when less than @need points are left. */
static void
keep (Writer *w, double need)
{
  if (w->y + need > PAGE_HEIGHT - MARGIN)
    new_page (w);
}

static void
rule (Writer *w)
{
  cairo_save (w->cr);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN, w->y + 0.25);
  cairo_line_to (w->cr, PAGE_WIDTH - MARGIN, w->y + 0.25);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  gap (w, 3);
}

/* The box of the "มี" column, ticked when the statement is claimed. */
static void
tick_box (Writer *w, double top, gboolean ticked)
{
  double x = MARGIN + 4, y = top + 5, s = 10;

  cairo_save (w->cr);
  cairo_set_line_width (w->cr, 0.8);
  cairo_rectangle (w->cr, x, y, s, s);
  cairo_stroke (w->cr);
  if (ticked)
    {
      cairo_set_line_width (w->cr, 1.6);
      cairo_move_to (w->cr, x + 2, y + s * 0.55);
      cairo_line_to (w->cr, x + s * 0.42, y + s - 2);
      cairo_line_to (w->cr, x + s - 1.5, y + 2);
      cairo_stroke (w->cr);
    }
  cairo_restore (w->cr);
}

/* A row of the หัวข้อ | คะแนน table: the text wraps left, the points stand right. */
static void
row_with_points (Writer *w, const char *str, const char *points, gboolean bold)
{
  double body = PAGE_WIDTH - 2 * MARGIN - POINTS_COLUMN;
  double top = text (w, str, MARGIN, body, bold, FONT_SIZE);
  PangoLayout *layout = make_layout (w, points, POINTS_COLUMN, bold, FONT_SIZE);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_move_to (w->cr, PAGE_WIDTH - MARGIN - POINTS_COLUMN, top);
  pango_cairo_show_layout (w->cr, layout);
  g_object_unref (layout);
}

static void
labelled (Writer *w, const char *label, const char *value)
{
  g_autofree char *line = g_strdup_printf ("%s  : %s", label, value);

  text (w, line, MARGIN, PAGE_WIDTH - 2 * MARGIN, FALSE, FONT_SIZE);
}

/* ------------------------------------------------------------------ the application */

static void
write_sub_item (Writer *w,
                const PhaenPmqaApplication *application,
                const PhaenPmqaSubItemState *state)
{
  const double width = PAGE_WIDTH - 2 * MARGIN;
  g_autofree char *title = g_strdup_printf ("%s %s", state->item->code, state->item->title);
  g_autofree char *number = phaen_format_number ((double)state->characters, 0, PHAEN_NUMBER_PLAIN);
  g_autofree char *count = NULL;
  g_autofree char *narrative = NULL;

  keep (w, 90);
  gap (w, 4);
  text (w, title, MARGIN, width, TRUE, FONT_SIZE);
  if (state->item->note && *state->item->note)
    text (w, state->item->note, MARGIN, width, FALSE, FONT_SIZE);
  gap (w, 2);
  /* The column headers of the statements: มี (the tick) | ประเด็น */
  {
    double top = text (w, "มี", MARGIN, TICK_COLUMN, TRUE, FONT_SIZE);
    PangoLayout *layout = make_layout (w, "ประเด็น", width - TICK_COLUMN, TRUE, FONT_SIZE);

    cairo_move_to (w->cr, MARGIN + TICK_COLUMN, top);
    pango_cairo_show_layout (w->cr, layout);
    g_object_unref (layout);
  }
  for (guint i = 0; i < state->item->statements->len; i++)
    {
      const PhaenPmqaStatement *statement = g_ptr_array_index (state->item->statements, i);
      g_autofree char *line =
        g_strdup_printf ("%s%s", statement->text, statement->starred ? " *" : "");
      double top;

      keep (w, 22);
      top = text (w, line, MARGIN + TICK_COLUMN, width - TICK_COLUMN, FALSE, FONT_SIZE);
      tick_box (w, top, phaen_pmqa_sub_item_is_claimed (state, (int)i + 1));
      if (statement->starred)
        {
          const PhaenPmqaAttachment *slot = phaen_pmqa_sub_item_get_slot (state, (int)i + 1);
          g_autofree char *evidence =
            g_strdup_printf ("%s : [%s]", "หลักฐาน - ไฟล์แนบ", slot ? slot->name : "");

          text (w, evidence, MARGIN + TICK_COLUMN, width - TICK_COLUMN, FALSE, FONT_SIZE);
        }
    }
  gap (w, 4);
  narrative = g_strdup (state->narrative);
  if (*g_strstrip (narrative) != '\0')
    text (w, narrative, MARGIN, width, FALSE, FONT_SIZE);
  /* seed 001 prints " (จำนวนอักขระ : 2709 อักระ)" */
  if (phaen_pmqa_sub_item_is_over (application, state))
    {
      g_autofree char *limit =
        phaen_format_number ((double)application->narrative_limit, 0, PHAEN_NUMBER_GROUPING);

      count = g_strdup_printf ("(จำนวนอักขระ : %s อักขระ — เกินเกณฑ์ %s อักขระ)", number, limit);
    }
  else
    count = g_strdup_printf ("(จำนวนอักขระ : %s อักขระ)", number);
  text (w, count, MARGIN, width, FALSE, FONT_SIZE);
  gap (w, 6);
}

static void
write_category (Writer *w,
                const PhaenPmqaApplication *application,
                const PhaenPmqaCategoryState *cs)
{
  const PhaenPmqaFramework *framework = application->framework;
  g_autofree char *heading =
    g_strdup_printf ("หมวด %d %s", cs->category->number, cs->category->title);

  new_page (w);
  labelled (w, "รางวัล", framework->title);
  labelled (w, "ประเภทรางวัล", framework->award_type);
  labelled (w, "หน่วยงาน", application->unit_name);
  gap (w, 6);
  text (w, heading, MARGIN, PAGE_WIDTH - 2 * MARGIN, TRUE, FONT_SIZE + 2);
  gap (w, 4);
  row_with_points (w, "หัวข้อ", "คะแนน", TRUE);
  rule (w);
  for (guint t = 0; t < cs->topics->len; t++)
    {
      const PhaenPmqaTopicState *ts = g_ptr_array_index (cs->topics, t);
      g_autofree char *title = g_strdup_printf ("%s %s", ts->topic->code, ts->topic->title);
      g_autofree char *points =
        ts->topic->points > 0 ? g_strdup_printf ("%d", ts->topic->points) : g_strdup ("");

      keep (w, 120);
      gap (w, 4);
      row_with_points (w, title, points, TRUE);
      if (ts->level != PHAEN_PMQA_LEVEL_NONE)
        {
          g_autofree char *level =
            g_strdup_printf ("ระดับที่ประเมินตนเอง : %s", framework->level_names[ts->level - 1]);

          text (w, level, MARGIN, PAGE_WIDTH - 2 * MARGIN, FALSE, FONT_SIZE);
        }
      for (guint s = 0; s < ts->sub_items->len; s++)
        write_sub_item (w, application, g_ptr_array_index (ts->sub_items, s));
    }
}

gboolean
phaen_pmqa_write_pdf (const PhaenPmqaApplication *application, const char *path, GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;
  Writer w = { 0 };

  g_return_val_if_fail (application != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_cb, file, PAGE_WIDTH, PAGE_HEIGHT);
  title = g_strdup_printf ("%s — %s %d", application->framework->title, application->unit_name,
                           application->fiscal_year);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Phaen");
  w.cr = cairo_create (surface);
  w.context = pango_cairo_create_context (w.cr);
  /* Unhinted metrics: the same line breaks on every machine and in every viewer. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (w.context, options);
  cairo_font_options_destroy (options);
  cairo_set_source_rgb (w.cr, 0, 0, 0);

  for (guint c = 0; c < application->categories->len; c++)
    write_category (&w, application, g_ptr_array_index (application->categories, c));
  if (w.page == 0)
    new_page (&w);

  cairo_show_page (w.cr);
  g_object_unref (w.context);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!phaen_atomic_file_check (file, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_EXPORT, _ ("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return phaen_atomic_file_commit (file, error);
}
