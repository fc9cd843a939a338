/* phaen-chart-file.c — charts written to PNG, PDF (with pages) or SVG, chosen by extension
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "phaen-atomic-file.h"
#include "phaen-chart-file.h"
#include "phaen-error.h"

typedef void (*DrawFunc) (
  gconstpointer chart, cairo_t *cr, const PhaenChartStyle *style, double width, double height);

/* ------------------------------------------------------------------ helpers */

/* A failed write is reported as such (the disk may be full); cairo's own status otherwise. */
static gboolean
check_cairo (cairo_status_t status, PhaenAtomicFile *file, const char *path, GError **error)
{
  if (!phaen_atomic_file_check (file, error))
    return FALSE;
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_IO, _ ("Could not write “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return phaen_atomic_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
check_size (double value, const char *what, GError **error)
{
  if (value == 0 ||
      (isfinite (value) && value >= PHAEN_CHART_MIN_SIZE && value <= PHAEN_CHART_MAX_SIZE))
    return TRUE;
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               /* TRANSLATORS: the first %s is "width" or "height" */
               _ ("A chart's %s must be between %d and %d."), what, PHAEN_CHART_MIN_SIZE,
               PHAEN_CHART_MAX_SIZE);
  return FALSE;
}

static gboolean
prepare (const char *path,
         const PhaenChartFileOptions *options,
         PhaenChartFormat *format,
         const PhaenChartStyle **style,
         GError **error)
{
  if (!phaen_chart_format_from_path (path, format, error) ||
      !check_size (options->width, _ ("width"), error) ||
      !check_size (options->height, _ ("height"), error))
    return FALSE;
  if (*format == PHAEN_CHART_FORMAT_PDF && (options->width == 0) != (options->height == 0))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A PDF takes its sheet from the paper size, or from both a width and a "
                      "height."));
      return FALSE;
    }
  *style = options->style
             ? options->style
             : phaen_chart_style_get (*format == PHAEN_CHART_FORMAT_PDF ? PHAEN_CHART_THEME_PRINT
                                                                        : PHAEN_CHART_THEME_LIGHT);
  return TRUE;
}

static void
page_setup_for (const PhaenChartFileOptions *options, PhaenPageSetup *setup)
{
  phaen_page_setup_init (setup, options->paper);
  if (options->width > 0 && options->height > 0)
    {
      setup->width = options->width;
      setup->height = options->height;
    }
}

static cairo_surface_t *
pdf_surface_new (PhaenAtomicFile *file, const char *title, double width, double height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, file, width, height);

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      if (title && *title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Phaen");
    }
  return surface;
}

static cairo_surface_t *
svg_surface_new (PhaenAtomicFile *file, double width, double height)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write_cb, file, width, height);

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  return surface;
}

/* Finishes @surface (a PNG is written here), then renames the file over @path: on any error
 * the previous file at @path is left as it was. Takes @surface. */
static gboolean
finish (cairo_surface_t *surface,
        PhaenChartFormat format,
        PhaenAtomicFile *file,
        const char *path,
        GError **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (format == PHAEN_CHART_FORMAT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_cb, file);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_cairo (status, file, path, error) && phaen_atomic_file_commit (file, error);
}

/* A PNG surface, or a PDF or SVG one writing into @file. */
static cairo_surface_t *
image_surface_new (PhaenChartFormat format, PhaenAtomicFile *file, double width, double height)
{
  if (format == PHAEN_CHART_FORMAT_PNG)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));
  return svg_surface_new (file, width, height);
}

static gboolean
write_simple (gconstpointer chart,
              DrawFunc draw,
              const char *title,
              const char *path,
              const PhaenChartFileOptions *options,
              GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  const PhaenChartStyle *style;
  PhaenChartFormat format;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!prepare (path, options, &format, &style, error) ||
      !(file = phaen_atomic_file_new (path, error)))
    return FALSE;

  if (format == PHAEN_CHART_FORMAT_PDF)
    {
      PhaenPageSetup setup;

      page_setup_for (options, &setup);
      surface = pdf_surface_new (file, title, setup.width, setup.height);
      cr = cairo_create (surface);
      phaen_chart_set_source (cr, &style->background);
      cairo_paint (cr);
      cairo_translate (cr, setup.margin, setup.margin);
      draw (chart, cr, style, setup.width - 2 * setup.margin, setup.height - 2 * setup.margin);
      cairo_show_page (cr);
    }
  else
    {
      double width = options->width > 0 ? options->width : PHAEN_CHART_DEFAULT_WIDTH;
      double height = options->height > 0 ? options->height : PHAEN_CHART_DEFAULT_HEIGHT;

      surface = image_surface_new (format, file, width, height);
      cr = cairo_create (surface);
      draw (chart, cr, style, width, height);
    }
  cairo_destroy (cr);
  return finish (surface, format, file, path, error);
}

/* A Gantt chart's PNG or SVG is as wide as asked (at least its minimum) and as high as its
 * rows; a PNG has a limit. */
static gboolean
check_gantt_size (PhaenGantt *gantt,
                  PhaenChartFormat format,
                  const PhaenChartFileOptions *options,
                  double *width,
                  double *height,
                  GError **error)
{
  *width = MAX (options->width > 0 ? options->width : PHAEN_GANTT_DEFAULT_WIDTH,
                phaen_gantt_get_min_width (gantt));
  *height = ceil (phaen_gantt_get_height_for_width (gantt, *width));
  if (format == PHAEN_CHART_FORMAT_PNG &&
      (*width > PHAEN_CHART_MAX_PNG_SIZE || *height > PHAEN_CHART_MAX_PNG_SIZE))
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("The chart would be %.0f × %.0f pixels, more than a PNG can hold; "
                      "write a PDF or an SVG."),
                   ceil (*width), *height);
      return FALSE;
    }
  return TRUE;
}

static void
draw_progress (
  gconstpointer chart, cairo_t *cr, const PhaenChartStyle *style, double width, double height)
{
  phaen_progress_chart_draw (chart, cr, style, width, height);
}

static void
draw_score (
  gconstpointer chart, cairo_t *cr, const PhaenChartStyle *style, double width, double height)
{
  phaen_score_chart_draw (chart, cr, style, width, height);
}

static void
draw_budget (
  gconstpointer chart, cairo_t *cr, const PhaenChartStyle *style, double width, double height)
{
  phaen_budget_chart_draw (chart, cr, style, width, height);
}

/* ------------------------------------------------------------------ public API */

void
phaen_chart_file_options_init (PhaenChartFileOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PhaenChartFileOptions){ NULL, PHAEN_PAPER_A4, 0, 0 };
}

gboolean
phaen_chart_format_from_path (const char *path, PhaenChartFormat *format, GError **error)
{
  static const struct
  {
    const char *extension;
    PhaenChartFormat format;
  } formats[] = {
    { ".png", PHAEN_CHART_FORMAT_PNG },
    { ".pdf", PHAEN_CHART_FORMAT_PDF },
    { ".svg", PHAEN_CHART_FORMAT_SVG },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }
  g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
               _ ("“%s” does not end in .png, .pdf or .svg."), path);
  return FALSE;
}

gboolean
phaen_gantt_write_file (PhaenGantt *gantt,
                        const char *path,
                        const PhaenChartFileOptions *options,
                        GError **error)
{
  g_autoptr (PhaenAtomicFile) file = NULL;
  const PhaenChartStyle *style, *old_style;
  PhaenChartFormat format;
  cairo_surface_t *surface;
  double width = 0, height = 0;
  cairo_t *cr;

  g_return_val_if_fail (gantt != NULL && path != NULL && options != NULL, FALSE);

  if (!prepare (path, options, &format, &style, error))
    return FALSE;
  if (format != PHAEN_CHART_FORMAT_PDF && options->height > 0)
    {
      g_set_error (error, PHAEN_ERROR, PHAEN_ERROR_INVALID,
                   _ ("A plan chart is as high as its rows: give it a width only."));
      return FALSE;
    }

  if (format != PHAEN_CHART_FORMAT_PDF &&
      !check_gantt_size (gantt, format, options, &width, &height, error))
    return FALSE;
  file = phaen_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;

  old_style = phaen_gantt_get_style (gantt);
  phaen_gantt_set_style (gantt, style);
  if (format == PHAEN_CHART_FORMAT_PDF)
    {
      PhaenPageSetup setup;
      guint n_pages;

      page_setup_for (options, &setup);
      surface = pdf_surface_new (file, phaen_gantt_get_title (gantt), setup.width, setup.height);
      cr = cairo_create (surface);
      n_pages = phaen_gantt_get_n_pages (gantt, &setup);
      for (guint i = 0; i < n_pages; i++)
        {
          phaen_gantt_draw_page (gantt, cr, &setup, i);
          cairo_show_page (cr);
        }
    }
  else
    {
      surface = image_surface_new (format, file, width, height);
      cr = cairo_create (surface);
      phaen_gantt_draw (gantt, cr, width);
    }
  cairo_destroy (cr);
  phaen_gantt_set_style (gantt, old_style);
  return finish (surface, format, file, path, error);
}

gboolean
phaen_progress_chart_write_file (const PhaenProgressChart *chart,
                                 const char *path,
                                 const PhaenChartFileOptions *options,
                                 GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (chart != NULL && path != NULL && options != NULL, FALSE);

  title = g_strdup_printf ("%s %s", chart->code, chart->name);
  return write_simple (chart, draw_progress, title, path, options, error);
}

gboolean
phaen_score_chart_write_file (const PhaenScoreChart *chart,
                              const char *path,
                              const PhaenChartFileOptions *options,
                              GError **error)
{
  g_return_val_if_fail (chart != NULL && path != NULL && options != NULL, FALSE);

  return write_simple (chart, draw_score, chart->unit_name, path, options, error);
}

gboolean
phaen_budget_chart_write_file (const PhaenBudgetChart *chart,
                               const char *path,
                               const PhaenChartFileOptions *options,
                               GError **error)
{
  g_return_val_if_fail (chart != NULL && path != NULL && options != NULL, FALSE);

  return write_simple (chart, draw_budget, chart->title, path, options, error);
}
