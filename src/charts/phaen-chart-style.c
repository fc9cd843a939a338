/* phaen-chart-style.c — palettes, Thai fonts and the text helpers every chart draws with
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-chart"

#include "config.h"

#include <math.h>

#include "phaen-chart-private.h"

#define HEX(rgb, a)                                                                                \
  {                                                                                                \
    ((rgb) >> 16 & 0xff) / 255.0, ((rgb) >> 8 & 0xff) / 255.0, ((rgb)&0xff) / 255.0, a             \
  }

/* The official forms use TH Sarabun New; Laksaman (fonts-thai-tlwg) is its metric-compatible
 * clone, so a chart breaks its lines the same on a machine with either. Noto Sans Thai covers
 * what both lack. */
#define FONT_FAMILY "TH Sarabun New,Laksaman,Noto Sans Thai,sans-serif"

/* Okabe & Ito, "Color Universal Design" (2008): told apart under the common colour-vision
 * deficiencies. Level bands run vermillion → orange → yellow → sky blue → bluish green. */
#define OI_ORANGE 0xE69F00
#define OI_SKY 0x56B4E9
#define OI_GREEN 0x009E73
#define OI_YELLOW 0xF0E442
#define OI_BLUE 0x0072B2
#define OI_VERMILLION 0xD55E00
#define OI_PURPLE 0xCC79A7
#define OI_GREY 0x999999

#define LEVELS(a)                                                                                  \
  {                                                                                                \
    HEX (OI_VERMILLION, a), HEX (OI_ORANGE, a), HEX (OI_YELLOW, a), HEX (OI_SKY, a),               \
      HEX (OI_GREEN, a)                                                                            \
  }
#define SERIES                                                                                     \
  {                                                                                                \
    HEX (OI_BLUE, 1), HEX (OI_ORANGE, 1), HEX (OI_GREEN, 1), HEX (OI_PURPLE, 1), HEX (OI_SKY, 1),  \
      HEX (OI_VERMILLION, 1), HEX (OI_YELLOW, 1), HEX (OI_GREY, 1)                                 \
  }

static const PhaenChartStyle styles[] = {
  [PHAEN_CHART_THEME_LIGHT] = {
    .theme = PHAEN_CHART_THEME_LIGHT,
    .font_family = FONT_FAMILY,
    .font_size = 15,
    .title_size = 20,
    .line_width = 1,
    .background = HEX (0xffffff, 1),
    .text = HEX (0x1e1e1e, 1),
    .text_muted = HEX (0x5e5c64, 1),
    .grid = HEX (0xd8d8dc, 1),
    .rule = HEX (0x77767b, 1),
    .header_background = HEX (0xf0f0f2, 1),
    .stripe = HEX (0xf7f7f9, 1),
    .planned = HEX (OI_SKY, 1),
    .progress = HEX (OI_BLUE, 1),
    .achieved = HEX (OI_GREEN, 1),
    .marker = HEX (0x1e1e1e, 1),
    .today = HEX (OI_VERMILLION, 1),
    .target = HEX (OI_VERMILLION, 1),
    .level = LEVELS (0.22),
    .series = SERIES,
  },
  [PHAEN_CHART_THEME_DARK] = {
    .theme = PHAEN_CHART_THEME_DARK,
    .font_family = FONT_FAMILY,
    .font_size = 15,
    .title_size = 20,
    .line_width = 1,
    .background = HEX (0x1e1e1e, 1),
    .text = HEX (0xf6f5f4, 1),
    .text_muted = HEX (0xc0bfbc, 1),
    .grid = HEX (0x3d3d40, 1),
    .rule = HEX (0x8a8990, 1),
    .header_background = HEX (0x2e2e32, 1),
    .stripe = HEX (0x252527, 1),
    .planned = HEX (0x3f8fc6, 1),
    .progress = HEX (0x9fd4f5, 1),
    .achieved = HEX (0x2fc79a, 1),
    .marker = HEX (0xf6f5f4, 1),
    .today = HEX (0xff7a33, 1),
    .target = HEX (0xff7a33, 1),
    .level = LEVELS (0.30),
    .series = {
      HEX (0x3a9ee0, 1), HEX (OI_ORANGE, 1), HEX (0x21b98c, 1), HEX (OI_PURPLE, 1),
      HEX (OI_SKY, 1), HEX (0xff7a33, 1), HEX (OI_YELLOW, 1), HEX (0xb0b0b0, 1),
    },
  },
  [PHAEN_CHART_THEME_PRINT] = {
    .theme = PHAEN_CHART_THEME_PRINT,
    .font_family = FONT_FAMILY,
    .font_size = 15,
    .title_size = 20,
    .line_width = 0.75,
    .background = HEX (0xffffff, 1),
    .text = HEX (0x000000, 1),
    .text_muted = HEX (0x303030, 1),
    .grid = HEX (0x9a9a9a, 1),
    .rule = HEX (0x000000, 1),
    .header_background = HEX (0xe4e4e4, 1),
    .stripe = HEX (0xffffff, 1),
    .planned = HEX (0x4f9bd2, 1),
    .progress = HEX (0x003f66, 1),
    .achieved = HEX (0x00775a, 1),
    .marker = HEX (0x000000, 1),
    .today = HEX (0xb34700, 1),
    .target = HEX (0xb34700, 1),
    .level = LEVELS (0.38),
    .series = {
      HEX (OI_BLUE, 1), HEX (OI_ORANGE, 1), HEX (OI_GREEN, 1), HEX (OI_PURPLE, 1),
      HEX (OI_SKY, 1), HEX (OI_VERMILLION, 1), HEX (0xc9bc1a, 1), HEX (0x6e6e6e, 1),
    },
  },
};

/* ------------------------------------------------------------------ public API */

const PhaenChartStyle *
phaen_chart_style_get (PhaenChartTheme theme)
{
  g_return_val_if_fail (theme <= PHAEN_CHART_THEME_PRINT, &styles[PHAEN_CHART_THEME_LIGHT]);

  return &styles[theme];
}

gboolean
phaen_chart_theme_from_string (const char *name, PhaenChartTheme *theme)
{
  static const char *const names[] = { "light", "dark", "print" };

  g_return_val_if_fail (theme != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *theme = (PhaenChartTheme)i;
        return TRUE;
      }
  return FALSE;
}

void
phaen_chart_set_source (cairo_t *cr, const PhaenChartColor *color)
{
  g_return_if_fail (cr != NULL && color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

double
phaen_chart_nice_step (double range, guint max_ticks)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 10 };
  double magnitude;

  g_return_val_if_fail (range > 0 && isfinite (range) && max_ticks > 0, 1);

  magnitude = pow (10, floor (log10 (range / max_ticks)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (range / (mantissas[i] * magnitude) <= max_ticks + 1e-9)
      return mantissas[i] * magnitude;
  return 10 * magnitude;
}

/* ------------------------------------------------------------------ text helpers */

PangoContext *
_phaen_chart_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("th"));
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
_phaen_chart_layout_new (PangoContext *context,
                         const PhaenChartStyle *style,
                         double size,
                         gboolean bold,
                         const char *text,
                         double wrap_width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (wrap_width >= 0)
    {
      pango_layout_set_width (layout, (int)(MAX (wrap_width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

void
_phaen_chart_layout_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double)logical.width / PANGO_SCALE;
  if (height)
    *height = (double)logical.height / PANGO_SCALE;
}

void
_phaen_chart_show_layout (
  cairo_t *cr, PangoLayout *layout, const PhaenChartColor *color, double x, double y)
{
  cairo_move_to (cr, x, y);
  phaen_chart_set_source (cr, color);
  pango_cairo_show_layout (cr, layout);
}

double
_phaen_chart_label (cairo_t *cr,
                    PangoContext *context,
                    const PhaenChartStyle *style,
                    const char *text,
                    double size,
                    gboolean bold,
                    const PhaenChartColor *color,
                    double x,
                    double y,
                    double width,
                    PhaenChartAlign align)
{
  g_autoptr (PangoLayout) layout = _phaen_chart_layout_new (context, style, size, bold, text, -1);
  double text_width;

  _phaen_chart_layout_size (layout, &text_width, NULL);
  if (align == _PHAEN_ALIGN_CENTER)
    x += (width - text_width) / 2;
  else if (align == _PHAEN_ALIGN_END)
    x += width - text_width;
  _phaen_chart_show_layout (cr, layout, color, x, y);
  return text_width;
}

double
_phaen_chart_text_width (
  PangoContext *context, const PhaenChartStyle *style, const char *text, double size, gboolean bold)
{
  g_autoptr (PangoLayout) layout = _phaen_chart_layout_new (context, style, size, bold, text, -1);
  double width;

  _phaen_chart_layout_size (layout, &width, NULL);
  return width;
}

/* The height of one line of Thai with marks above and below (ญู้ reaches both). */
double
_phaen_chart_line_height (PangoContext *context, const PhaenChartStyle *style, double size)
{
  /* Thai on purpose: measured, never shown. */
  g_autoptr (PangoLayout) layout = _phaen_chart_layout_new (context, style, size, FALSE, "ญู้", -1);
  double height;

  _phaen_chart_layout_size (layout, NULL, &height);
  return height;
}

void
_phaen_chart_fill_rect (
  cairo_t *cr, const PhaenChartColor *color, double x, double y, double width, double height)
{
  phaen_chart_set_source (cr, color);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

void
_phaen_chart_hline (
  cairo_t *cr, const PhaenChartColor *color, double line_width, double x0, double x1, double y)
{
  phaen_chart_set_source (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

void
_phaen_chart_vline (
  cairo_t *cr, const PhaenChartColor *color, double line_width, double x, double y0, double y1)
{
  phaen_chart_set_source (cr, color);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  cairo_stroke (cr);
}
