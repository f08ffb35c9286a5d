/* hd-chart.c — bar, stacked bar, line charts and KPI tiles drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing happens in two steps: hd_chart_layout() measures every text with PangoCairo and
 * decides where each bar, point and label goes; hd_chart_layout_paint() paints exactly that.
 * hd_chart_draw() does both, so what the tests and hit-testing see is what was painted.
 * Every size derives from HdChartStyle.font_size and the area given.
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "hd-chart.h"
#include "hd-error.h"
#include "hd-report-text.h"

#define SIN45 0.70710678118654752

typedef struct {
  char *name;
  GArray *values;
} Series;

struct _HdChart {
  grefcount ref_count;
  HdChartKind kind;
  HdChartFormat format;
  char *title;
  char *axis_title;
  GPtrArray *categories;
  GPtrArray *series;
  gboolean has_target;
  double target;
  double kpi_value;
  double kpi_previous;
  gboolean higher_is_better;
  gboolean neutral;              /* a KPI whose change is neither good nor bad (a volume) */
};

typedef enum {
  SWATCH_NONE,
  SWATCH_BOX,
  SWATCH_LINE,
  SWATCH_TARGET,
  SWATCH_ARROW_UP,
  SWATCH_ARROW_DOWN,
} Swatch;

typedef struct {
  HdChartItem pub;
  PangoLayout *text;
  double ox;
  double oy;
  double lx;
  double ly;
  HdChartRgba ink;
  gboolean has_backdrop;
  HdChartRgba backdrop;
  Swatch swatch;
  double sx;
  double sy;
  double sw;
  double sh;
} Item;

struct _HdChartLayout {
  HdChart *chart;
  HdChartStyle style;
  double width;
  double height;
  GArray *items;

  gboolean has_plot;
  gboolean value_vertical;
  cairo_rectangle_t plot;
  double tmin;
  double tmax;
  double tstep;
  int decimals;
  double baseline;
  HdChartLabelMode label_mode;
  guint label_step;
};

/* What the layout functions share while they work. */
typedef struct {
  HdChartLayout *self;
  HdChart *chart;
  cairo_t *cr;
  const HdChartStyle *style;
  PangoContext *pango;
  double F;
  double pad;
  double gap;
  double x0;
  double y0;
  double x1;
  double y1;
} Ctx;

typedef struct {
  HdChartLabelMode mode;
  guint step;
  double extent;
  GPtrArray *layouts;
} CatLabels;

G_DEFINE_BOXED_TYPE (HdChart, hd_chart, hd_chart_ref, hd_chart_unref)

/* Style */

static HdChartRgba
rgb (guint32 hex)
{
  HdChartRgba c = { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0 };

  return c;
}

static HdChartRgba
rgba (guint32 hex,
      double  alpha)
{
  HdChartRgba c = rgb (hex);

  c.alpha = alpha;
  return c;
}

/**
 * hd_chart_style_init:
 * @style: the style to fill
 * @theme: light or dark screen, or paper
 * @font_size: base text size in user units (e.g. the widget's font size in pixels, or 9 pt
 *   for an A4 page)
 *
 * Fills @style with defaults. The series colours are the Okabe–Ito palette, which colour-blind
 * readers can tell apart; patterns make series readable in black and white as well.
 */
void
hd_chart_style_init (HdChartStyle *style,
                     HdChartTheme  theme,
                     double        font_size)
{
  static const guint32 light_series[HD_CHART_N_SERIES_COLORS] = {
    0x0072b2, 0xe69f00, 0x009e73, 0xd55e00, 0x56b4e9, 0xcc79a7,
  };
  static const guint32 dark_series[HD_CHART_N_SERIES_COLORS] = {
    0x56b4e9, 0xe69f00, 0x2fbf8f, 0xf07f3c, 0x8fd0f5, 0xe29ac4,
  };

  g_return_if_fail (style != NULL);
  g_return_if_fail (font_size > 0);

  memset (style, 0, sizeof *style);
  style->font_family = NULL;
  style->font_size = font_size;
  style->line_width = MAX (font_size / 12.0, 0.5);
  style->paint_background = theme == HD_CHART_THEME_PRINT;

  if (theme == HD_CHART_THEME_DARK)
    {
      style->background = rgb (0x242424);
      style->foreground = rgb (0xffffff);
      style->muted = rgba (0xffffff, 0.7);
      style->grid = rgba (0xffffff, 0.15);
      style->pattern = rgba (0x000000, 0.55);
      style->good = rgb (0x8ff0a4);
      style->bad = rgb (0xff7b63);
    }
  else
    {
      style->background = rgb (theme == HD_CHART_THEME_PRINT ? 0xffffff : 0xfafafb);
      style->foreground = rgb (0x000000);
      style->muted = rgba (0x000000, 0.65);
      style->grid = rgba (0x000000, 0.13);
      style->pattern = rgba (0x000000, theme == HD_CHART_THEME_PRINT ? 0.7 : 0.5);
      style->good = rgb (0x1b7a3d);
      style->bad = rgb (0xb3261e);
    }

  for (guint i = 0; i < HD_CHART_N_SERIES_COLORS; i++)
    style->series[i] = rgb (theme == HD_CHART_THEME_DARK ? dark_series[i] : light_series[i]);
}

/* The chart */

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static double
series_value (HdChart *chart,
              guint    series,
              guint    category)
{
  Series *s = g_ptr_array_index (chart->series, series);

  return g_array_index (s->values, double, category);
}

static const char *
category_name (HdChart *chart,
               guint    category)
{
  return g_ptr_array_index (chart->categories, category);
}

static gboolean
is_stacked (HdChart *chart)
{
  return chart->kind == HD_CHART_STACKED_HORIZONTAL || chart->kind == HD_CHART_STACKED_VERTICAL;
}

/* Numbers */

static char *
format_number (double value,
               int    decimals)
{
  double rounded = round (value * pow (10, decimals)) / pow (10, decimals);
  g_autofree char *digits = g_strdup_printf ("%'.*f", decimals, fabs (rounded));

  /* U+2212 MINUS SIGN: a hyphen is too short next to digits. */
  if (rounded < 0)
    return g_strconcat ("\u2212", digits, NULL);
  return g_steal_pointer (&digits);
}

static int
value_decimals (double value)
{
  return fabs (value - round (value)) < 0.05 ? 0 : 1;
}

static char *
format_with (HdChartFormat format,
             double        value,
             int           decimals)
{
  g_autofree char *number = format_number (value, decimals);

  switch (format)
    {
    case HD_CHART_FORMAT_PERCENT:
      /* Translators: a percentage, %s is the number; Russian puts a no-break space before % */
      return g_strdup_printf (_("%s%%"), number);
    case HD_CHART_FORMAT_HOURS:
      /* Translators: a duration in hours, %s is the number, e.g. “3,5 h” */
      return g_strdup_printf (_("%s h"), number);
    case HD_CHART_FORMAT_INTEGER:
    default:
      return g_steal_pointer (&number);
    }
}

/**
 * hd_chart_format_value:
 * @format: how the value is meant
 * @value: the value
 *
 * The value as the chart writes it («12», «87,5 %», «3,5 ч»), in the current locale.
 *
 * Returns: (transfer full): the text
 */
char *
hd_chart_format_value (HdChartFormat format,
                       double        value)
{
  int decimals = format == HD_CHART_FORMAT_INTEGER ? 0 : value_decimals (value);

  return format_with (format, value, decimals);
}

static char *
format_change (HdChartFormat format,
               double        diff,
               double        previous)
{
  int decimals = format == HD_CHART_FORMAT_INTEGER ? 0 : value_decimals (diff);
  g_autofree char *number = format_number (fabs (diff), decimals);
  const char *sign = diff > 0 ? "+" : "\u2212";
  g_autofree char *signed_number = g_strconcat (sign, number, NULL);

  switch (format)
    {
    case HD_CHART_FORMAT_PERCENT:
      /* Translators: a change of a percentage in percentage points, e.g. “+12 pp” */
      return g_strdup_printf (_("%s pp"), signed_number);
    case HD_CHART_FORMAT_HOURS:
      return g_strdup_printf (_("%s h"), signed_number);
    case HD_CHART_FORMAT_INTEGER:
    default:
      if (previous > 0)
        {
          double relative = round (diff / previous * 100.0);
          g_autofree char *rel_number = format_number (fabs (relative), 0);
          g_autofree char *rel = g_strconcat (relative >= 0 ? "+" : "\u2212", rel_number, NULL);

          /* Translators: a change of a count and the same change in percent, e.g. “+12 (+15%)” */
          return g_strdup_printf (_("%s (%s%%)"), signed_number, rel);
        }
      return g_steal_pointer (&signed_number);
    }
}

/* Heckbert's nice numbers (Graphics Gems, 1990): 1, 2 or 5 × 10^k. */
static double
nice_number (double   x,
             gboolean round_it)
{
  double exponent = floor (log10 (x));
  double fraction = x / pow (10, exponent);
  double nice;

  if (round_it)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

static void
nice_axis (HdChartLayout *self,
           double         lo,
           double         hi,
           int            n_ticks,
           gboolean       integer)
{
  double range, step;

  if (hi - lo <= 0)
    hi = lo + 1;
  n_ticks = MAX (n_ticks, 2);
  range = nice_number (hi - lo, FALSE);
  step = nice_number (range / (n_ticks - 1), TRUE);
  if (integer && step < 1)
    step = 1;
  self->tstep = step;
  self->tmin = floor (lo / step + 1e-9) * step;
  self->tmax = ceil (hi / step - 1e-9) * step;
  if (self->tmax <= self->tmin)
    self->tmax = self->tmin + step;
  self->decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
}

static guint
n_ticks (HdChartLayout *self)
{
  return (guint) round ((self->tmax - self->tmin) / self->tstep) + 1;
}

static double
tick_value (HdChartLayout *self,
            guint          i)
{
  /* From integer multiples, so that 0.1 × 3 is written 0.3, not 0.30000000000000004. */
  double first = round (self->tmin / self->tstep);

  return (first + i) * self->tstep;
}

static void
data_range (HdChart *chart,
            double  *lo,
            double  *hi)
{
  *lo = 0;
  *hi = 0;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      double pos = 0, neg = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = series_value (chart, s, c);

          if (isnan (v))
            continue;
          if (is_stacked (chart))
            {
              if (v > 0)
                pos += v;
              else
                neg += v;
            }
          else
            {
              pos = MAX (pos, v);
              neg = MIN (neg, v);
            }
        }
      *lo = MIN (*lo, neg);
      *hi = MAX (*hi, pos);
    }

  if (chart->has_target)
    {
      *lo = MIN (*lo, chart->target);
      *hi = MAX (*hi, chart->target);
    }
}

/* Text and items */

static PangoLayout *
new_text (Ctx         *c,
          const char  *text,
          double       scale,
          PangoWeight  weight)
{
  PangoLayout *layout = pango_layout_new (c->pango);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, c->style->font_family != NULL ? c->style->font_family : HD_REPORT_FONT_FAMILY);
  pango_font_description_set_absolute_size (desc, c->F * scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
line_height (Ctx    *c,
             double  scale)
{
  g_autoptr(PangoLayout) layout = new_text (c, "0Яy", scale, PANGO_WEIGHT_NORMAL);
  double height;

  text_size (layout, NULL, &height);
  return height;
}

static void
item_set_box (Item   *item,
              double  x,
              double  y,
              double  width,
              double  height,
              double  angle)
{
  double cs = cos (angle), sn = sin (angle);
  double corners[4][2] = { { 0, 0 }, { width, 0 }, { width, height }, { 0, height } };
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  item->ox = x;
  item->oy = y;
  item->pub.angle = angle;
  for (guint i = 0; i < 4; i++)
    {
      double px = x + corners[i][0] * cs - corners[i][1] * sn;
      double py = y + corners[i][0] * sn + corners[i][1] * cs;

      item->pub.quad[2 * i] = px;
      item->pub.quad[2 * i + 1] = py;
      min_x = MIN (min_x, px);
      min_y = MIN (min_y, py);
      max_x = MAX (max_x, px);
      max_y = MAX (max_y, py);
    }
  item->pub.x = min_x;
  item->pub.y = min_y;
  item->pub.width = max_x - min_x;
  item->pub.height = max_y - min_y;
}

/* After widening an item's box to cover its swatch. */
static void
item_set_quad_from_box (Item *item)
{
  double x = item->pub.x, y = item->pub.y, w = item->pub.width, h = item->pub.height;
  double quad[8] = { x, y, x + w, y, x + w, y + h, x, y + h };

  memcpy (item->pub.quad, quad, sizeof quad);
}

static Item *
add_item (Ctx             *c,
          HdChartItemKind  kind)
{
  Item item = { 0 };

  item.pub.kind = kind;
  item.pub.category = -1;
  item.pub.series = -1;
  item.ink = c->style->foreground;
  g_array_append_val (c->self->items, item);
  return &g_array_index (c->self->items, Item, c->self->items->len - 1);
}

/* Takes @layout. (x, y) is the top left of the text's logical box before rotation. */
static Item *
add_text (Ctx             *c,
          HdChartItemKind  kind,
          PangoLayout     *layout,
          double           x,
          double           y,
          double           angle,
          HdChartRgba      ink)
{
  Item *item = add_item (c, kind);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  item->text = layout;
  item->pub.text = pango_layout_get_text (layout);
  item->pub.shortened = pango_layout_is_ellipsized (layout);
  item->lx = (double) logical.x / PANGO_SCALE;
  item->ly = (double) logical.y / PANGO_SCALE;
  item->ink = ink;
  item_set_box (item, x, y, (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE, angle);
  return item;
}

static Item *
add_bar (Ctx                     *c,
         const cairo_rectangle_t *r,
         guint                    category,
         guint                    series,
         double                   value)
{
  Item *item = add_item (c, HD_CHART_ITEM_BAR);

  item_set_box (item, r->x, r->y, r->width, r->height, 0);
  item->pub.category = category;
  item->pub.series = series;
  item->pub.value = value;
  return item;
}

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->text);
}

/* The last resort against clipping in areas too small for any sensible label. */
static void
drop_if_outside (Ctx *c)
{
  GArray *items = c->self->items;
  Item *item = &g_array_index (items, Item, items->len - 1);
  const double eps = 1e-6;

  if (item->pub.x < c->x0 - eps || item->pub.y < c->y0 - eps ||
      item->pub.x + item->pub.width > c->x1 + eps || item->pub.y + item->pub.height > c->y1 + eps)
    g_array_set_size (items, items->len - 1);
}

static gboolean
rects_overlap (double ax, double ay, double aw, double ah,
               double bx, double by, double bw, double bh)
{
  const double eps = 1e-6;

  return ax < bx + bw - eps && bx < ax + aw - eps && ay < by + bh - eps && by < ay + ah - eps;
}

/* Whether a straight box is inside the drawing area and clear of every text and bar so far. */
static gboolean
box_is_free (Ctx    *c,
             double  x,
             double  y,
             double  w,
             double  h)
{
  const double eps = 1e-6;

  if (x < c->x0 - eps || y < c->y0 - eps || x + w > c->x1 + eps || y + h > c->y1 + eps)
    return FALSE;

  for (guint i = 0; i < c->self->items->len; i++)
    {
      Item *item = &g_array_index (c->self->items, Item, i);

      /* Numbers side by side need a space between them to read as two. */
      double m = item->text != NULL ? c->F * 0.25 : 0;

      if (item->pub.kind == HD_CHART_ITEM_POINT)
        continue;
      if (rects_overlap (x - m, y, w + 2 * m, h, item->pub.x, item->pub.y, item->pub.width, item->pub.height))
        return FALSE;
    }
  return TRUE;
}

static HdChartRgba
series_color (const HdChartStyle *style,
              guint               series)
{
  return style->series[series % HD_CHART_N_SERIES_COLORS];
}

/* Black or white, whichever reads better on @bg. */
static HdChartRgba
contrast_ink (HdChartRgba bg)
{
  double luminance = 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue;

  return luminance > 0.5 ? rgb (0x000000) : rgb (0xffffff);
}

/* Title, legend, axis title */

static void
layout_title (Ctx *c)
{
  PangoLayout *layout;
  double h;

  if (c->chart->title == NULL || *c->chart->title == '\0')
    return;

  layout = new_text (c, c->chart->title, c->chart->kind == HD_CHART_KPI ? 1.0 : 1.15,
                     c->chart->kind == HD_CHART_KPI ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD);
  pango_layout_set_width (layout, (int) ((c->x1 - c->x0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  text_size (layout, NULL, &h);
  if (c->y0 + h > c->y1)
    {
      g_object_unref (layout);
      return;
    }
  add_text (c, HD_CHART_ITEM_TITLE, layout, c->x0, c->y0, 0,
            c->chart->kind == HD_CHART_KPI ? c->style->muted : c->style->foreground);
  c->y0 += h + c->gap;
}

static char *
target_text (HdChart *chart)
{
  g_autofree char *value = hd_chart_format_value (chart->format, chart->target);

  /* Translators: the target line of a chart, e.g. “Target: 100%” */
  return g_strdup_printf (_("Target: %s"), value);
}

static void
layout_legend (Ctx *c)
{
  HdChart *chart = c->chart;
  gboolean show_series = chart->series->len > 1;
  double lh = line_height (c, 1.0);
  double swatch = c->F * 0.9;
  double x = c->x0, y = c->y0, row_h = lh;
  guint n_entries = (show_series ? chart->series->len : 0) + (chart->has_target ? 1 : 0);

  if (n_entries == 0)
    return;

  for (guint e = 0; e < n_entries; e++)
    {
      gboolean is_target = e == n_entries - 1 && chart->has_target;
      g_autofree char *name = is_target ? target_text (chart) : NULL;
      PangoLayout *layout;
      Item *item;
      double tw, th, sw, entry_w;

      if (!is_target)
        name = g_strdup (((Series *) g_ptr_array_index (chart->series, e))->name);
      sw = (is_target || chart->kind == HD_CHART_LINE) ? c->F * 1.8 : swatch;

      layout = new_text (c, name, 1.0, PANGO_WEIGHT_NORMAL);
      text_size (layout, &tw, &th);
      /* Only a name longer than the whole row is shortened. */
      if (tw > c->x1 - c->x0 - sw - c->gap)
        {
          pango_layout_set_width (layout, (int) (MAX (c->x1 - c->x0 - sw - c->gap, c->F) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      text_size (layout, &tw, &th);
      entry_w = sw + c->gap * 0.6 + tw;

      if (x > c->x0 && x + entry_w > c->x1)
        {
          x = c->x0;
          y += row_h + c->gap * 0.5;
        }
      if (y + th > c->y1 || !box_is_free (c, x, y, entry_w, th))
        {
          g_object_unref (layout);
          break;
        }

      item = add_text (c, HD_CHART_ITEM_LEGEND, layout, x + sw + c->gap * 0.6, y, 0, c->style->foreground);
      item->pub.series = is_target ? -1 : (int) e;
      item->swatch = is_target ? SWATCH_TARGET : chart->kind == HD_CHART_LINE ? SWATCH_LINE : SWATCH_BOX;
      item->sw = sw;
      item->sh = is_target || chart->kind == HD_CHART_LINE ? th : swatch;
      item->sx = x;
      item->sy = y + (th - item->sh) / 2;
      /* The entry's box covers the swatch too, so nothing is drawn over it. */
      item->pub.x = x;
      item->pub.width = entry_w;
      item_set_quad_from_box (item);
      x += entry_w + c->F * 1.2;
    }

  c->y0 = y + row_h + c->gap;
}

static double
layout_axis_title (Ctx      *c,
                   gboolean  at_top)
{
  PangoLayout *layout;
  double h;

  if (c->chart->axis_title == NULL || *c->chart->axis_title == '\0')
    return 0;

  layout = new_text (c, c->chart->axis_title, 0.9, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (layout, (int) ((c->x1 - c->x0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, at_top ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  text_size (layout, NULL, &h);
  if (!box_is_free (c, c->x0, at_top ? c->y0 : c->y1 - h, 1, h))
    {
      g_object_unref (layout);
      return 0;
    }
  if (at_top)
    {
      add_text (c, HD_CHART_ITEM_AXIS_TITLE, layout, c->x0, c->y0, 0, c->style->muted);
      c->y0 += h + c->gap * 0.5;
    }
  else
    {
      add_text (c, HD_CHART_ITEM_AXIS_TITLE, layout, c->x0, c->y1 - h, 0, c->style->muted);
      c->y1 -= h + c->gap * 0.5;
    }
  return h;
}

static void
layout_message (Ctx *c)
{
  PangoLayout *layout = new_text (c, _("No data for this period"), 1.0, PANGO_WEIGHT_NORMAL);
  double w, h;

  pango_layout_set_width (layout, (int) ((c->x1 - c->x0) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, (int) (MAX (c->y1 - c->y0, 1) * PANGO_SCALE));
  text_size (layout, &w, &h);
  if (h > c->y1 - c->y0)
    {
      g_object_unref (layout);
      return;
    }
  add_text (c, HD_CHART_ITEM_MESSAGE, layout, c->x0, c->y0 + MAX (0, (c->y1 - c->y0 - h) / 2), 0,
            c->style->muted);
}

/* Category labels */

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
cat_labels_clear (CatLabels *labels)
{
  g_clear_pointer (&labels->layouts, g_ptr_array_unref);
}

static gboolean
breaks_inside_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      char before;

      if (line->start_index == 0)
        continue;
      before = text[line->start_index - 1];
      if (before != ' ' && before != '-' && before != '/')
        return TRUE;
    }
  return FALSE;
}

/* One try: every n-th label in @mode at @avail wide; FALSE when one does not fit. */
static gboolean
try_labels (Ctx              *c,
            guint             step,
            HdChartLabelMode  mode,
            double            avail,
            double            max_extent,
            gboolean          along_x,
            CatLabels        *out)
{
  guint n = c->chart->categories->len;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_full (n, unref_if_set);
  double lh = line_height (c, 1.0);
  double extent = 0;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout;
      double w, h;

      if (i % step != 0)
        {
          g_ptr_array_add (layouts, NULL);
          continue;
        }

      layout = new_text (c, category_name (c->chart, i), 1.0, PANGO_WEIGHT_NORMAL);
      g_ptr_array_add (layouts, layout);
      switch (mode)
        {
        case HD_CHART_LABELS_STRAIGHT:
          text_size (layout, &w, &h);
          if (w > avail)
            return FALSE;
          break;

        case HD_CHART_LABELS_WRAPPED:
          pango_layout_set_width (layout, (int) (avail * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_alignment (layout, along_x ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT);
          if (!along_x)
            {
              /* Beside horizontal bars a third line is cut with “…” instead. */
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              pango_layout_set_height (layout, -2);
            }
          text_size (layout, &w, &h);
          /* A word longer than the slot would stick out of it or be split. */
          if (pango_layout_get_line_count (layout) > 2 || breaks_inside_words (layout) || w > avail + 0.01)
            return FALSE;
          break;

        case HD_CHART_LABELS_ROTATED:
        case HD_CHART_LABELS_SHORTENED:
        default:
          text_size (layout, &w, &h);
          if (w > avail)
            {
              pango_layout_set_width (layout, (int) (avail * PANGO_SCALE));
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              text_size (layout, &w, &h);
            }
          break;
        }

      if (mode == HD_CHART_LABELS_ROTATED)
        extent = MAX (extent, (w + lh) * SIN45);
      else if (along_x)
        extent = MAX (extent, h);
      else
        extent = MAX (extent, w);
    }

  if (along_x && extent > max_extent)
    return FALSE;

  out->mode = mode;
  out->step = step;
  out->extent = extent;
  out->layouts = g_steal_pointer (&layouts);
  return TRUE;
}

/* Labels under a horizontal category axis: straight, wrapped onto two lines, slanted 45° (and
 * shortened), shortened; when none fits, only every n-th label is shown. */
static void
decide_x_labels (Ctx       *c,
                 double     plot_w,
                 double     max_h,
                 CatLabels *out)
{
  guint n = c->chart->categories->len;
  double slot = plot_w / n;
  double lh = line_height (c, 1.0);

  for (guint step = 1; step <= n; step++)
    {
      double s = slot * step;
      double avail = s - c->gap;

      if (n > 1 && step > 1 && step >= n)
        break;
      if (avail > c->F && try_labels (c, step, HD_CHART_LABELS_STRAIGHT, avail, max_h, TRUE, out))
        return;
      if (avail > c->F * 2 && try_labels (c, step, HD_CHART_LABELS_WRAPPED, avail, max_h, TRUE, out))
        return;
      /* Slanted lines are s·sin 45° apart; they must not touch. */
      if (s * SIN45 >= lh * 1.05)
        {
          double max_len = MIN (max_h / SIN45 - lh, c->F * 18);

          if (max_len >= c->F * 3 &&
              try_labels (c, step, HD_CHART_LABELS_ROTATED, max_len, max_h, TRUE, out))
            return;
        }
      if (avail >= c->F * 2.5 && try_labels (c, step, HD_CHART_LABELS_SHORTENED, avail, max_h, TRUE, out))
        return;
    }

  /* Nothing fits: keep one label so that the axis is not anonymous, if even that fits. */
  if (!try_labels (c, MAX (n, 1), HD_CHART_LABELS_SHORTENED, MAX (plot_w - c->gap, c->F), max_h, TRUE, out))
    {
      out->mode = HD_CHART_LABELS_SHORTENED;
      out->step = n + 1;
      out->extent = 0;
      out->layouts = g_ptr_array_new_full (n, unref_if_set);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (out->layouts, NULL);
    }
}

/* Labels beside a vertical category axis (horizontal bars): straight, wrapped (two lines,
 * then “…”), shortened; thinned when the rows are lower than a line. */
static void
decide_y_labels (Ctx       *c,
                 double     plot_h,
                 double     max_w,
                 CatLabels *out)
{
  guint n = c->chart->categories->len;
  double slot = plot_h / n;
  double lh = line_height (c, 1.0);

  for (guint step = 1; step <= n; step++)
    {
      double s = slot * step;

      if (s >= lh && try_labels (c, step, HD_CHART_LABELS_STRAIGHT, max_w, G_MAXDOUBLE, FALSE, out))
        return;
      if (s >= lh * 2.1 && try_labels (c, step, HD_CHART_LABELS_WRAPPED, max_w, G_MAXDOUBLE, FALSE, out))
        return;
      if (s >= lh && try_labels (c, step, HD_CHART_LABELS_SHORTENED, max_w, G_MAXDOUBLE, FALSE, out))
        return;
    }

  out->mode = HD_CHART_LABELS_SHORTENED;
  out->step = n + 1;
  out->extent = 0;
  out->layouts = g_ptr_array_new_full (n, unref_if_set);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out->layouts, NULL);
}

/* Geometry of the plot */

static double
value_pos (HdChartLayout *self,
           double         value)
{
  double t = (value - self->tmin) / (self->tmax - self->tmin);

  if (self->value_vertical)
    return self->plot.y + self->plot.height * (1 - t);
  return self->plot.x + self->plot.width * t;
}

static double
slot_size (HdChartLayout *self)
{
  guint n = self->chart->categories->len;

  return (self->value_vertical ? self->plot.width : self->plot.height) / n;
}

static double
slot_start (HdChartLayout *self,
            guint          category)
{
  return (self->value_vertical ? self->plot.x : self->plot.y) + category * slot_size (self);
}

/* A bar from category coordinates [ca, cb] and value-axis coordinates [pa, pb]. */
static void
make_rect (HdChartLayout     *self,
           double             ca,
           double             cb,
           double             pa,
           double             pb,
           cairo_rectangle_t *r)
{
  if (self->value_vertical)
    {
      r->x = ca;
      r->width = cb - ca;
      r->y = MIN (pa, pb);
      r->height = fabs (pa - pb);
    }
  else
    {
      r->y = ca;
      r->height = cb - ca;
      r->x = MIN (pa, pb);
      r->width = fabs (pa - pb);
    }
}

static PangoLayout *
tick_text (Ctx    *c,
           double  value)
{
  g_autofree char *text = format_with (c->chart->format, value, c->self->decimals);

  return new_text (c, text, 0.9, PANGO_WEIGHT_NORMAL);
}

static double
widest_tick (Ctx *c)
{
  double widest = 0;

  for (guint i = 0; i < n_ticks (c->self); i++)
    {
      g_autoptr(PangoLayout) layout = tick_text (c, tick_value (c->self, i));
      double w;

      text_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* Zero first: it is the one tick that must be labelled. When the axis is too short for all
 * the numbers, the others give way rather than overlap. */
static void
layout_tick_labels (Ctx *c)
{
  HdChartLayout *self = c->self;
  guint n = n_ticks (self);
  guint zero = (guint) round (-self->tmin / self->tstep);

  for (guint k = 0; k < n; k++)
    {
      guint i = k == 0 ? zero : k <= zero ? k - 1 : k;
      double v = tick_value (self, i);
      PangoLayout *layout = tick_text (c, v);
      double w, h, x, y;
      Item *item;

      text_size (layout, &w, &h);
      if (self->value_vertical)
        {
          x = self->plot.x - c->gap - w;
          y = value_pos (self, v) - h / 2;
        }
      else
        {
          x = value_pos (self, v) - w / 2;
          y = self->plot.y + self->plot.height + c->gap;
        }
      if (!box_is_free (c, x, y, w, h))
        {
          g_object_unref (layout);
          continue;
        }
      item = add_text (c, HD_CHART_ITEM_TICK_LABEL, layout, x, y, 0, c->style->muted);
      item->pub.value = v;
    }
}

/* Bars and their value labels */

static double
min_bar_length (Ctx *c)
{
  /* A non-zero value never disappears next to a huge one. */
  return MAX (c->F * 0.2, c->style->line_width * 2);
}

typedef struct {
  guint category;
  guint series;
  double value;
  cairo_rectangle_t bar;
  gboolean total;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;
  double va = fabs (ca->value), vb = fabs (cb->value);

  return va > vb ? -1 : va < vb ? 1 : (int) ca->category - (int) cb->category;
}

static gboolean
place_label_inside (Ctx                     *c,
                    const Candidate         *cand,
                    gboolean                 centred)
{
  HdChartLayout *self = c->self;
  g_autofree char *text = hd_chart_format_value (c->chart->format, cand->value);
  PangoLayout *layout = new_text (c, text, 0.9, PANGO_WEIGHT_NORMAL);
  double w, h, ip = c->F * 0.25, x, y;
  const cairo_rectangle_t *r = &cand->bar;
  HdChartRgba bg = series_color (c->style, cand->series);
  Item *item;

  text_size (layout, &w, &h);
  if (w + 2 * ip > r->width || h + 2 * ip > r->height)
    {
      g_object_unref (layout);
      return FALSE;
    }

  if (centred)
    {
      x = r->x + (r->width - w) / 2;
      y = r->y + (r->height - h) / 2;
    }
  else if (self->value_vertical)
    {
      x = r->x + (r->width - w) / 2;
      y = cand->value >= 0 ? r->y + ip : r->y + r->height - ip - h;
    }
  else
    {
      x = cand->value >= 0 ? r->x + r->width - ip - w : r->x + ip;
      y = r->y + (r->height - h) / 2;
    }

  item = add_text (c, HD_CHART_ITEM_VALUE_LABEL, layout, x, y, 0, contrast_ink (bg));
  item->pub.category = cand->category;
  item->pub.series = cand->series;
  item->pub.value = cand->value;
  /* Hatching behind digits would make them hard to read. */
  item->has_backdrop = c->chart->series->len > 1;
  item->backdrop = bg;
  return TRUE;
}

static gboolean
place_label_outside (Ctx             *c,
                     const Candidate *cand)
{
  HdChartLayout *self = c->self;
  g_autofree char *text = hd_chart_format_value (c->chart->format, cand->value);
  PangoLayout *layout = new_text (c, text, 0.9, PANGO_WEIGHT_NORMAL);
  double w, h, g = c->F * 0.2, x, y;
  const cairo_rectangle_t *r = &cand->bar;
  Item *item;

  text_size (layout, &w, &h);
  if (self->value_vertical)
    {
      x = r->x + (r->width - w) / 2;
      y = cand->value >= 0 ? r->y - g - h : r->y + r->height + g;
    }
  else
    {
      x = cand->value >= 0 ? r->x + r->width + g : r->x - g - w;
      y = r->y + (r->height - h) / 2;
    }

  if (!box_is_free (c, x, y, w, h))
    {
      g_object_unref (layout);
      return FALSE;
    }

  item = add_text (c, HD_CHART_ITEM_VALUE_LABEL, layout, x, y, 0, c->style->foreground);
  item->pub.category = cand->category;
  item->pub.series = cand->total ? -1 : (int) cand->series;
  item->pub.value = cand->value;
  return TRUE;
}

static void
layout_bars (Ctx *c)
{
  HdChartLayout *self = c->self;
  HdChart *chart = c->chart;
  guint n = chart->categories->len, m = chart->series->len;
  gboolean stacked = is_stacked (chart);
  double slot = slot_size (self);
  double group = slot * 0.72;
  double bar_t = stacked ? MIN (group, c->F * 5) : MIN (group / m, c->F * 3.5);
  double group_w = stacked ? bar_t : bar_t * m;
  double min_len = min_bar_length (c);
  double dir = self->value_vertical ? -1 : 1;
  g_autoptr(GArray) outside = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GArray) inside = g_array_new (FALSE, TRUE, sizeof (Candidate));

  for (guint i = 0; i < n; i++)
    {
      double ca0 = slot_start (self, i) + (slot - group_w) / 2;
      double run_pos = self->baseline, run_neg = self->baseline, total = 0;
      cairo_rectangle_t stack = { 0 };
      gboolean any = FALSE;

      for (guint s = 0; s < m; s++)
        {
          double v = series_value (chart, s, i);
          double ca, cb, pa, pb, len;
          Candidate cand = { i, s, v, { 0 }, FALSE };

          if (isnan (v))
            continue;

          if (stacked)
            {
              ca = ca0;
              cb = ca0 + bar_t;
              if (v == 0)
                continue;
              len = MAX (fabs (value_pos (self, v) - value_pos (self, 0)), min_len);
              pa = v > 0 ? run_pos : run_neg;
              pb = pa + dir * (v > 0 ? 1 : -1) * len;
              if (v > 0)
                run_pos = pb;
              else
                run_neg = pb;
              total += v;
            }
          else
            {
              /* A hairline between neighbouring bars of a group. */
              ca = ca0 + s * bar_t;
              cb = ca + bar_t - (m > 1 ? MIN (bar_t * 0.08, c->F * 0.15) : 0);
              pa = self->baseline;
              pb = value_pos (self, v);
              if (v != 0 && fabs (pb - pa) < min_len)
                pb = pa + dir * (v > 0 ? 1 : -1) * min_len;
            }

          make_rect (self, ca, cb, pa, pb, &cand.bar);
          if (v != 0)
            add_bar (c, &cand.bar, i, s, v);
          if (stacked)
            g_array_append_val (inside, cand);
          else
            g_array_append_val (outside, cand);
          any = TRUE;
        }

      if (stacked && any)
        {
          Candidate cand = { i, 0, total, { 0 }, TRUE };

          if (total < 0)
            make_rect (self, ca0, ca0 + bar_t, run_neg, self->baseline, &stack);
          else
            make_rect (self, ca0, ca0 + bar_t, self->baseline, run_pos, &stack);
          cand.bar = stack;
          /* A single series needs no separate total: its number is the bar's own. */
          cand.total = m > 1;
          g_array_append_val (outside, cand);
        }
    }

  /* Segments of a stack carry their number inside when it fits; the total goes outside. */
  for (guint i = 0; i < inside->len; i++)
    {
      Candidate *cand = &g_array_index (inside, Candidate, i);

      if (m > 1)
        place_label_inside (c, cand, TRUE);
    }

  /* Largest first: when labels collide, the small ones give way. */
  g_array_sort (outside, compare_candidates);
  for (guint i = 0; i < outside->len; i++)
    {
      Candidate *cand = &g_array_index (outside, Candidate, i);

      if (!cand->total && place_label_inside (c, cand, FALSE))
        continue;
      place_label_outside (c, cand);
    }
}

/* Points of a line chart */

static void
layout_points (Ctx *c)
{
  HdChartLayout *self = c->self;
  HdChart *chart = c->chart;
  guint n = chart->categories->len, m = chart->series->len;
  double slot = slot_size (self);
  double marker = c->F * 0.55;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));

  for (guint s = 0; s < m; s++)
    for (guint i = 0; i < n; i++)
      {
        double v = series_value (chart, s, i);
        double cx = slot_start (self, i) + slot / 2, cy;
        Item *item;
        Candidate cand = { i, s, v, { 0 }, FALSE };

        if (isnan (v))
          continue;
        cy = value_pos (self, v);
        item = add_item (c, HD_CHART_ITEM_POINT);
        item_set_box (item, cx - marker / 2, cy - marker / 2, marker, marker, 0);
        item->pub.category = i;
        item->pub.series = s;
        item->pub.value = v;
        cand.bar = (cairo_rectangle_t) { cx - marker / 2, cy - marker / 2, marker, marker };
        g_array_append_val (candidates, cand);
      }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, i);
      g_autofree char *text = hd_chart_format_value (chart->format, cand->value);
      PangoLayout *layout = new_text (c, text, 0.9, PANGO_WEIGHT_NORMAL);
      double w, h, g = c->F * 0.2;
      double x, above, below;
      Item *item;

      text_size (layout, &w, &h);
      x = cand->bar.x + cand->bar.width / 2 - w / 2;
      above = cand->bar.y - g - h;
      below = cand->bar.y + cand->bar.height + g;
      if (box_is_free (c, x, above, w, h))
        item = add_text (c, HD_CHART_ITEM_VALUE_LABEL, layout, x, above, 0, c->style->foreground);
      else if (box_is_free (c, x, below, w, h) && below + h <= self->plot.y + self->plot.height)
        item = add_text (c, HD_CHART_ITEM_VALUE_LABEL, layout, x, below, 0, c->style->foreground);
      else
        {
          g_object_unref (layout);
          continue;
        }
      item->pub.category = cand->category;
      item->pub.series = cand->series;
      item->pub.value = cand->value;
      /* Lines may cross the number; a patch of background keeps it readable. */
      item->has_backdrop = TRUE;
      item->backdrop = c->style->background;
      item->backdrop.alpha = 0.8;
    }
}

/* In an area too narrow or too low for axes the plot would spill out: leave it empty. */
static gboolean
plot_fits (Ctx   *c,
           guint  mark)
{
  HdChartLayout *self = c->self;
  const cairo_rectangle_t *p = &self->plot;
  const double eps = 1e-6;

  if (p->x >= c->x0 - eps && p->y >= c->y0 - eps && p->x + p->width <= c->x1 + eps &&
      p->y + p->height <= c->y1 + eps && p->width >= c->F && p->height >= c->F)
    return TRUE;

  g_array_set_size (self->items, mark);
  self->has_plot = FALSE;
  return FALSE;
}

/* Charts with the value axis running up: vertical bars, stacked columns, lines */

static void
layout_vertical (Ctx *c)
{
  HdChartLayout *self = c->self;
  HdChart *chart = c->chart;
  guint n = chart->categories->len;
  double lo, hi, tick_h = line_height (c, 0.9);
  double top, bottom, gutter = 0, left_extra = 0, right_extra = 0, cat_h = line_height (c, 1.0);
  double label_gap;
  CatLabels labels = { 0 };

  guint mark = self->items->len;

  self->value_vertical = TRUE;
  layout_axis_title (c, TRUE);
  data_range (chart, &lo, &hi);

  /* Room above the plot for the value label of the tallest bar (and half the top tick). */
  top = c->y0 + MAX (tick_h + c->F * 0.2, tick_h / 2);
  bottom = c->y1;
  /* Category labels start below the “0” tick label, so the two never touch. */
  label_gap = MAX (c->gap, tick_h / 2 + c->gap * 0.5);

  for (guint iter = 0; iter < 12; iter++)
    {
      double plot_h = MAX (bottom - top - label_gap - cat_h, c->F);
      double plot_x, plot_w, new_gutter, over_left = 0, over_right = 0;

      nice_axis (self, lo, hi, (int) CLAMP (plot_h / (tick_h * 2.4) + 1, 2, 7),
                 chart->format == HD_CHART_FORMAT_INTEGER);
      new_gutter = MAX (gutter, widest_tick (c) + c->gap);
      plot_x = c->x0 + new_gutter + left_extra;
      plot_w = MAX (c->x1 - right_extra - plot_x, c->F);

      cat_labels_clear (&labels);
      decide_x_labels (c, plot_w, (bottom - top) * 0.4, &labels);

      /* Labels wider than their slot, or slanted ones, may reach past the sides. */
      for (guint i = 0; i < n; i++)
        {
          PangoLayout *layout = g_ptr_array_index (labels.layouts, i);
          double w, h, cx = plot_x + (i + 0.5) * plot_w / n, left, right;

          if (layout == NULL)
            continue;
          text_size (layout, &w, &h);
          if (labels.mode == HD_CHART_LABELS_ROTATED)
            {
              left = cx - w * SIN45 - h * SIN45 / 2;
              right = cx + h * SIN45 / 2;
            }
          else
            {
              left = cx - w / 2;
              right = cx + w / 2;
            }
          over_left = MAX (over_left, c->x0 - left);
          over_right = MAX (over_right, right - c->x1);
        }

      if (over_left > 0 || over_right > 0)
        {
          /* A hair more than needed, so that the next round does not chase a remainder. */
          gutter = new_gutter;
          left_extra += over_left > 0 ? over_left + c->F * 0.05 : 0;
          right_extra += over_right > 0 ? over_right + c->F * 0.05 : 0;
          continue;
        }
      if (new_gutter == gutter && labels.extent <= cat_h + 1e-6)
        {
          cat_h = labels.extent;
          break;
        }
      gutter = new_gutter;
      cat_h = MAX (cat_h, labels.extent);
    }

  self->has_plot = TRUE;
  self->plot.x = c->x0 + gutter + left_extra;
  self->plot.width = MAX (c->x1 - right_extra - self->plot.x, c->F);
  self->plot.y = top;
  self->plot.height = MAX (bottom - top - label_gap - cat_h, c->F);
  nice_axis (self, lo, hi, (int) CLAMP (self->plot.height / (tick_h * 2.4) + 1, 2, 7),
             chart->format == HD_CHART_FORMAT_INTEGER);
  self->baseline = value_pos (self, 0);
  self->label_mode = labels.mode;
  self->label_step = labels.step;
  if (!plot_fits (c, mark))
    {
      cat_labels_clear (&labels);
      return;
    }

  layout_tick_labels (c);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = g_ptr_array_index (labels.layouts, i);
      double w, h, cx = self->plot.x + (i + 0.5) * self->plot.width / n;
      double ay = self->plot.y + self->plot.height + label_gap;
      Item *item;

      if (layout == NULL)
        continue;
      text_size (layout, &w, &h);
      if (labels.mode == HD_CHART_LABELS_ROTATED)
        {
          /* The end of the text sits under the category, the text rising to the right. */
          double ax = cx - h * SIN45 / 2;

          item = add_text (c, HD_CHART_ITEM_CATEGORY_LABEL, g_object_ref (layout),
                           ax - w * SIN45, ay + w * SIN45, -G_PI / 4, c->style->foreground);
        }
      else
        {
          item = add_text (c, HD_CHART_ITEM_CATEGORY_LABEL, g_object_ref (layout),
                           cx - w / 2, ay, 0, c->style->foreground);
        }
      item->pub.category = i;
      drop_if_outside (c);
    }
  cat_labels_clear (&labels);

  if (chart->kind == HD_CHART_LINE)
    layout_points (c);
  else
    layout_bars (c);
}

/* Charts with the value axis running right: horizontal bars and stacks */

static void
layout_horizontal (Ctx *c)
{
  HdChartLayout *self = c->self;
  HdChart *chart = c->chart;
  guint n = chart->categories->len, m = chart->series->len;
  double lo, hi, tick_h = line_height (c, 0.9), col_w = 0, right;
  double value_h = line_height (c, 0.9);
  CatLabels labels = { 0 };

  guint mark = self->items->len;

  self->value_vertical = FALSE;
  layout_axis_title (c, FALSE);
  data_range (chart, &lo, &hi);

  /* Value labels are centred on bars that may be thinner than a line of text. */
  self->plot.y = c->y0 + value_h / 2;
  self->plot.height = MAX (c->y1 - c->y0 - tick_h - c->gap - value_h, c->F);
  decide_y_labels (c, self->plot.height, (c->x1 - c->x0) * 0.42, &labels);
  col_w = labels.extent;
  self->plot.x = c->x0 + col_w + (col_w > 0 ? c->gap : 0);
  self->label_mode = labels.mode;
  self->label_step = labels.step;
  right = c->x1;

  /* Shrink the value axis until the labels outside the bars and the last tick fit. */
  for (guint iter = 0; iter < 8; iter++)
    {
      double overflow = 0, last_w;

      self->plot.width = MAX (right - self->plot.x, c->F);
      for (int n_wanted = 7; n_wanted >= 2; n_wanted--)
        {
          nice_axis (self, lo, hi, n_wanted, chart->format == HD_CHART_FORMAT_INTEGER);
          if (n_ticks (self) * (widest_tick (c) + c->F) <= self->plot.width)
            break;
        }
      {
        g_autoptr(PangoLayout) last = tick_text (c, tick_value (self, n_ticks (self) - 1));
        g_autoptr(PangoLayout) first = tick_text (c, tick_value (self, 0));
        double first_w;

        text_size (last, &last_w, NULL);
        text_size (first, &first_w, NULL);
        overflow = MAX (overflow, self->plot.x + self->plot.width + last_w / 2 - c->x1);
        if (self->plot.x - first_w / 2 < c->x0)
          {
            self->plot.x = c->x0 + first_w / 2;
            continue;
          }
      }

      for (guint i = 0; i < n; i++)
        {
          double pos = 0, neg = 0;

          for (guint s = 0; s < m; s++)
            {
              double v = series_value (chart, s, i);
              g_autofree char *text = NULL;
              g_autoptr(PangoLayout) layout = NULL;
              double w, end;

              if (isnan (v))
                continue;
              if (is_stacked (chart))
                {
                  pos += MAX (v, 0);
                  neg += MIN (v, 0);
                  if (s + 1 < m)
                    continue;
                  v = pos + neg;
                }
              text = hd_chart_format_value (chart->format, v);
              layout = new_text (c, text, 0.9, PANGO_WEIGHT_NORMAL);
              text_size (layout, &w, NULL);
              end = value_pos (self, MAX (v, 0)) + min_bar_length (c);
              /* A label that fits inside a long bar needs no room outside. */
              if (!is_stacked (chart) && end - value_pos (self, 0) >= w + c->F * 0.5 &&
                  slot_size (self) * 0.72 / m >= value_h + c->F * 0.5)
                continue;
              overflow = MAX (overflow, end + c->F * 0.2 + w - c->x1);
            }
        }

      if (overflow <= 0.01)
        break;
      right -= overflow;
    }
  self->has_plot = TRUE;
  self->baseline = value_pos (self, 0);
  if (!plot_fits (c, mark))
    {
      cat_labels_clear (&labels);
      return;
    }

  layout_tick_labels (c);

  {
    double prev_bottom = -G_MAXDOUBLE;

    for (guint i = 0; i < n; i++)
      {
        PangoLayout *layout = g_ptr_array_index (labels.layouts, i);
        double w, h, cy = slot_start (self, i) + slot_size (self) / 2, y;
        Item *item;

        if (layout == NULL)
          continue;
        text_size (layout, &w, &h);
        y = CLAMP (cy - h / 2, c->y0, self->plot.y + self->plot.height - h);
        if (y < prev_bottom)
          continue;
        item = add_text (c, HD_CHART_ITEM_CATEGORY_LABEL, g_object_ref (layout),
                         self->plot.x - c->gap - w, y, 0, c->style->foreground);
        item->pub.category = i;
        drop_if_outside (c);
        prev_bottom = y + h;
      }
  }
  cat_labels_clear (&labels);

  layout_bars (c);
}

/* KPI tile */

static void
layout_kpi (Ctx *c)
{
  HdChart *chart = c->chart;
  g_autofree char *value_text = hd_chart_format_value (chart->format, chart->kpi_value);
  g_autofree char *target = chart->has_target ? target_text (chart) : NULL;
  g_autofree char *change = NULL;
  g_autoptr(PangoLayout) target_layout = NULL;
  g_autoptr(PangoLayout) change_layout = NULL;
  PangoLayout *big;
  double avail_w = c->x1 - c->x0, avail_h = c->y1 - c->y0;
  double scale = 3.0, w, h, target_h = 0, change_h = 0;
  double diff = chart->kpi_value - chart->kpi_previous;
  double arrow = line_height (c, 0.9) * 0.7;
  gboolean unchanged = fabs (diff) < 1e-9;
  double text_x = c->x0 + (unchanged ? 0 : arrow + c->gap * 0.5);
  gboolean show_target = target != NULL, show_change = !isnan (chart->kpi_previous);
  Item *item;

  if (show_target)
    {
      target_layout = new_text (c, target, 0.9, PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (target_layout, (int) (avail_w * PANGO_SCALE));
      pango_layout_set_ellipsize (target_layout, PANGO_ELLIPSIZE_END);
      text_size (target_layout, NULL, &target_h);
    }

  if (show_change)
    {
      if (unchanged)
        change = g_strdup (_("No change from the previous period"));
      else
        {
          g_autofree char *number = format_change (chart->format, diff, chart->kpi_previous);

          /* Translators: the change of a figure, e.g. “+12 vs previous period” */
          change = g_strdup_printf (_("%s vs previous period"), number);
        }
      /* Up to two lines in a narrow tile; the number comes first, so it is never cut. */
      change_layout = new_text (c, change, 0.9, PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (change_layout, (int) (MAX (c->x1 - text_x, c->F) * PANGO_SCALE));
      pango_layout_set_wrap (change_layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (change_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (change_layout, -2);
      text_size (change_layout, NULL, &change_h);
    }

  /* The big number gives way first, then the change line, then the target line. */
  for (;;)
    {
      double needed_below = (show_target ? target_h + c->gap * 0.5 : 0) +
                            (show_change ? change_h + c->gap * 0.5 : 0);

      big = new_text (c, value_text, scale, PANGO_WEIGHT_BOLD);
      text_size (big, &w, &h);
      if (w <= avail_w && h + needed_below <= avail_h)
        break;
      g_object_unref (big);
      if (scale > 1.2)
        scale = MAX (1.2, scale * MIN (0.9, MIN (avail_w / w, MAX (avail_h - needed_below, 1) / h)));
      else if (show_change)
        show_change = FALSE;
      else if (show_target)
        show_target = FALSE;
      else
        {
          big = new_text (c, value_text, scale, PANGO_WEIGHT_BOLD);
          pango_layout_set_width (big, (int) (avail_w * PANGO_SCALE));
          pango_layout_set_ellipsize (big, PANGO_ELLIPSIZE_END);
          text_size (big, &w, &h);
          if (h > avail_h)
            {
              g_object_unref (big);
              return;
            }
          break;
        }
    }

  item = add_text (c, HD_CHART_ITEM_KPI_VALUE, big, c->x0, c->y0, 0, c->style->foreground);
  item->pub.value = chart->kpi_value;
  c->y0 += h + c->gap * 0.5;

  if (show_target)
    {
      item = add_text (c, HD_CHART_ITEM_KPI_TARGET, g_steal_pointer (&target_layout), c->x0, c->y0, 0,
                       c->style->muted);
      item->pub.value = chart->target;
      c->y0 += target_h + c->gap * 0.5;
    }

  if (show_change)
    {
      gboolean better = chart->higher_is_better ? diff > 0 : diff < 0;
      HdChartRgba ink = unchanged || chart->neutral ? c->style->muted
                        : better ? c->style->good : c->style->bad;
      double line_h = line_height (c, 0.9);

      text_size (change_layout, &w, &h);
      item = add_text (c, HD_CHART_ITEM_KPI_CHANGE, g_steal_pointer (&change_layout), text_x, c->y0, 0, ink);
      item->pub.value = diff;
      if (!unchanged)
        {
          /* The arrow and the sign carry the meaning without colour. */
          item->swatch = diff > 0 ? SWATCH_ARROW_UP : SWATCH_ARROW_DOWN;
          item->sx = c->x0;
          item->sy = c->y0 + (line_h - arrow) / 2;
          item->sw = arrow;
          item->sh = arrow;
          item->pub.x = c->x0;
          item->pub.width = text_x - c->x0 + w;
          item_set_quad_from_box (item);
        }
    }
}

/* Painting */

static void
set_color (cairo_t     *cr,
           HdChartRgba  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

static void
paint_pattern (cairo_t            *cr,
               const HdChartStyle *style,
               guint               series,
               double              x,
               double              y,
               double              w,
               double              h)
{
  guint kind = series % 6;
  double sp = style->font_size * 0.45;

  if (kind == 0 || w <= 0 || h <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  set_color (cr, style->pattern);
  cairo_set_line_width (cr, MAX (style->line_width * 0.9, style->font_size * 0.06));

  /* Anchored to the origin so that neighbouring bars continue the same hatching. */
  switch (kind)
    {
    case 1: /* diagonal / */
    case 3: /* cross-hatch */
      for (double t = floor ((x - h) / sp) * sp; t < x + w + sp; t += sp)
        {
          cairo_move_to (cr, t, y + h);
          cairo_line_to (cr, t + h, y);
        }
      if (kind == 1)
        break;
      G_GNUC_FALLTHROUGH;
    case 5: /* diagonal \ */
      for (double t = floor ((x - h) / sp) * sp; t < x + w + sp; t += sp)
        {
          cairo_move_to (cr, t, y);
          cairo_line_to (cr, t + h, y + h);
        }
      break;
    case 4: /* horizontal lines */
      for (double t = floor (y / sp) * sp; t < y + h + sp; t += sp)
        {
          cairo_move_to (cr, x, t);
          cairo_line_to (cr, x + w, t);
        }
      break;
    case 2: /* dots */
    default:
      cairo_stroke (cr);
      for (double ty = floor (y / sp) * sp; ty < y + h + sp; ty += sp)
        for (double tx = floor (x / sp) * sp + (fmod (fabs (ty / sp), 2) >= 1 ? sp / 2 : 0); tx < x + w + sp; tx += sp)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, tx, ty, sp * 0.2, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_box (cairo_t            *cr,
           const HdChartStyle *style,
           guint               series,
           gboolean            patterned,
           double              x,
           double              y,
           double              w,
           double              h)
{
  set_color (cr, series_color (style, series));
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  if (patterned)
    paint_pattern (cr, style, series, x, y, w, h);
}

static void
set_series_dash (cairo_t            *cr,
                 const HdChartStyle *style,
                 guint               series)
{
  double f = style->font_size;
  double dashed[] = { f * 0.6, f * 0.3 };
  double dotted[] = { f * 0.12, f * 0.25 };
  double dash_dot[] = { f * 0.6, f * 0.25, f * 0.12, f * 0.25 };

  switch (series % 4)
    {
    case 1:
      cairo_set_dash (cr, dashed, 2, 0);
      break;
    case 2:
      cairo_set_dash (cr, dotted, 2, 0);
      break;
    case 3:
      cairo_set_dash (cr, dash_dot, 4, 0);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
paint_marker (cairo_t            *cr,
              const HdChartStyle *style,
              guint               series,
              double              cx,
              double              cy,
              double              size)
{
  double r = size / 2;

  cairo_new_path (cr);
  switch (series % 4)
    {
    case 1:
      cairo_rectangle (cr, cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy + r * 0.8);
      cairo_line_to (cr, cx - r, cy + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy);
      cairo_line_to (cr, cx, cy + r);
      cairo_line_to (cr, cx - r, cy);
      cairo_close_path (cr);
      break;
    default:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    }
  set_color (cr, series_color (style, series));
  cairo_fill_preserve (cr);
  set_color (cr, style->background);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, style->line_width);
  cairo_stroke (cr);
}

static void
paint_axes (HdChartLayout *self,
            cairo_t       *cr)
{
  const HdChartStyle *style = &self->style;
  double lw = style->line_width;

  cairo_set_line_width (cr, lw * 0.75);
  set_color (cr, style->grid);
  for (guint i = 0; i < n_ticks (self); i++)
    {
      double pos = value_pos (self, tick_value (self, i));

      if (self->value_vertical)
        {
          cairo_move_to (cr, self->plot.x, pos);
          cairo_line_to (cr, self->plot.x + self->plot.width, pos);
        }
      else
        {
          cairo_move_to (cr, pos, self->plot.y);
          cairo_line_to (cr, pos, self->plot.y + self->plot.height);
        }
    }
  cairo_stroke (cr);
}

static void
paint_baseline (HdChartLayout *self,
                cairo_t       *cr)
{
  const HdChartStyle *style = &self->style;

  cairo_set_line_width (cr, style->line_width * 1.2);
  set_color (cr, style->foreground);
  if (self->value_vertical)
    {
      cairo_move_to (cr, self->plot.x, self->baseline);
      cairo_line_to (cr, self->plot.x + self->plot.width, self->baseline);
    }
  else
    {
      cairo_move_to (cr, self->baseline, self->plot.y);
      cairo_line_to (cr, self->baseline, self->plot.y + self->plot.height);
    }
  cairo_stroke (cr);
}

static void
set_target_dash (cairo_t            *cr,
                 const HdChartStyle *style)
{
  double dash[] = { style->font_size * 0.5, style->font_size * 0.3 };

  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, style->line_width * 1.5);
  set_color (cr, style->foreground);
}

static void
paint_target (HdChartLayout *self,
              cairo_t       *cr)
{
  double pos = value_pos (self, self->chart->target);

  cairo_save (cr);
  set_target_dash (cr, &self->style);
  if (self->value_vertical)
    {
      cairo_move_to (cr, self->plot.x, pos);
      cairo_line_to (cr, self->plot.x + self->plot.width, pos);
    }
  else
    {
      cairo_move_to (cr, pos, self->plot.y);
      cairo_line_to (cr, pos, self->plot.y + self->plot.height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_lines (HdChartLayout *self,
             cairo_t       *cr)
{
  const HdChartStyle *style = &self->style;
  HdChart *chart = self->chart;

  for (guint s = 0; s < chart->series->len; s++)
    {
      gboolean pen_down = FALSE;

      cairo_save (cr);
      cairo_new_path (cr);
      /* A missing month (NaN) breaks the line rather than drawing it through zero. */
      for (guint i = 0; i < chart->categories->len; i++)
        {
          double v = series_value (chart, s, i);
          double x = slot_start (self, i) + slot_size (self) / 2;

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, x, value_pos (self, v));
          else
            cairo_move_to (cr, x, value_pos (self, v));
          pen_down = TRUE;
        }
      set_color (cr, series_color (style, s));
      cairo_set_line_width (cr, style->line_width * 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_series_dash (cr, style, s);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->pub.kind == HD_CHART_ITEM_POINT)
        paint_marker (cr, style, item->pub.series, item->pub.x + item->pub.width / 2,
                      item->pub.y + item->pub.height / 2, item->pub.width);
    }
}

static void
paint_swatch (HdChartLayout *self,
              cairo_t       *cr,
              Item          *item)
{
  const HdChartStyle *style = &self->style;

  cairo_save (cr);
  switch (item->swatch)
    {
    case SWATCH_BOX:
      paint_box (cr, style, item->pub.series, TRUE, item->sx, item->sy, item->sw, item->sh);
      cairo_rectangle (cr, item->sx, item->sy, item->sw, item->sh);
      set_color (cr, style->foreground);
      cairo_set_line_width (cr, style->line_width * 0.6);
      cairo_stroke (cr);
      break;
    case SWATCH_LINE:
      cairo_move_to (cr, item->sx, item->sy + item->sh / 2);
      cairo_line_to (cr, item->sx + item->sw, item->sy + item->sh / 2);
      set_color (cr, series_color (style, item->pub.series));
      cairo_set_line_width (cr, style->line_width * 2);
      set_series_dash (cr, style, item->pub.series);
      cairo_stroke (cr);
      paint_marker (cr, style, item->pub.series, item->sx + item->sw / 2, item->sy + item->sh / 2,
                    style->font_size * 0.55);
      break;
    case SWATCH_TARGET:
      cairo_move_to (cr, item->sx, item->sy + item->sh / 2);
      cairo_line_to (cr, item->sx + item->sw, item->sy + item->sh / 2);
      set_target_dash (cr, style);
      cairo_stroke (cr);
      break;
    case SWATCH_ARROW_UP:
    case SWATCH_ARROW_DOWN:
      if (item->swatch == SWATCH_ARROW_UP)
        {
          cairo_move_to (cr, item->sx + item->sw / 2, item->sy);
          cairo_line_to (cr, item->sx + item->sw, item->sy + item->sh);
          cairo_line_to (cr, item->sx, item->sy + item->sh);
        }
      else
        {
          cairo_move_to (cr, item->sx, item->sy);
          cairo_line_to (cr, item->sx + item->sw, item->sy);
          cairo_line_to (cr, item->sx + item->sw / 2, item->sy + item->sh);
        }
      cairo_close_path (cr);
      set_color (cr, item->ink);
      cairo_fill (cr);
      break;
    case SWATCH_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

static void
paint_text (HdChartLayout *self,
            cairo_t       *cr,
            Item          *item)
{
  if (item->has_backdrop)
    {
      double ip = self->style.font_size * 0.1;

      set_color (cr, item->backdrop);
      cairo_rectangle (cr, item->pub.x - ip, item->pub.y, item->pub.width + 2 * ip, item->pub.height);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, item->ox, item->oy);
  cairo_rotate (cr, item->pub.angle);
  cairo_move_to (cr, -item->lx, -item->ly);
  set_color (cr, item->ink);
  pango_cairo_show_layout (cr, item->text);
  cairo_restore (cr);
}

/* Public API: the chart */

/**
 * hd_chart_new:
 * @kind: the kind of chart
 *
 * An empty chart: give it categories and series (or, for a KPI tile, hd_chart_set_kpi()).
 *
 * Returns: (transfer full): the chart
 */
HdChart *
hd_chart_new (HdChartKind kind)
{
  HdChart *chart = g_new0 (HdChart, 1);

  g_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->format = HD_CHART_FORMAT_INTEGER;
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->kpi_value = NAN;
  chart->kpi_previous = NAN;
  chart->higher_is_better = TRUE;
  return chart;
}

HdChart *
hd_chart_ref (HdChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_ref_count_inc (&chart->ref_count);
  return chart;
}

void
hd_chart_unref (HdChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (!g_ref_count_dec (&chart->ref_count))
    return;
  g_free (chart->title);
  g_free (chart->axis_title);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

HdChartKind
hd_chart_get_kind (HdChart *chart)
{
  g_return_val_if_fail (chart != NULL, HD_CHART_BAR_VERTICAL);

  return chart->kind;
}

/**
 * hd_chart_set_title:
 * @chart: a chart
 * @title: (nullable): the title above the chart, the caption of a KPI tile
 */
void
hd_chart_set_title (HdChart    *chart,
                    const char *title)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->title);
  chart->title = g_strdup (title);
}

/**
 * hd_chart_set_axis_title:
 * @chart: a chart
 * @axis_title: (nullable): what the value axis counts, e.g. «Обращений»
 */
void
hd_chart_set_axis_title (HdChart    *chart,
                         const char *axis_title)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->axis_title);
  chart->axis_title = g_strdup (axis_title);
}

void
hd_chart_set_format (HdChart       *chart,
                     HdChartFormat  format)
{
  g_return_if_fail (chart != NULL);

  chart->format = format;
}

/**
 * hd_chart_set_categories:
 * @chart: a chart without series yet
 * @labels: (array length=n_labels): the category names, in order
 * @n_labels: how many
 */
void
hd_chart_set_categories (HdChart            *chart,
                         const char * const *labels,
                         guint               n_labels)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);
  g_return_if_fail (chart->series->len == 0);

  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (chart->categories, g_strdup (labels[i] != NULL ? labels[i] : ""));
}

guint
hd_chart_get_n_categories (HdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->categories->len;
}

/**
 * hd_chart_add_series:
 * @chart: a chart with its categories set
 * @name: the series name shown in the legend
 * @values: (array length=n_values): one value per category; NAN for “no value” (a gap in a line)
 * @n_values: must equal the number of categories
 *
 * Returns: the index of the new series (the @series of its items)
 */
guint
hd_chart_add_series (HdChart      *chart,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  Series *series;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);
  g_return_val_if_fail (n_values == chart->categories->len, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (chart->series, series);
  return chart->series->len - 1;
}

guint
hd_chart_get_n_series (HdChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->series->len;
}

/**
 * hd_chart_set_target:
 * @chart: a chart
 * @target: the target value (e.g. 100 for a 100 % on-time target), or NAN for none
 *
 * Draws a dashed target line with a legend entry; a KPI tile writes it under the number.
 */
void
hd_chart_set_target (HdChart *chart,
                     double   target)
{
  g_return_if_fail (chart != NULL);

  chart->has_target = !isnan (target);
  chart->target = target;
}

/**
 * hd_chart_set_kpi:
 * @chart: a %HD_CHART_KPI chart
 * @value: the figure of the period, NAN when there is none
 * @previous: the figure of the previous period, NAN when unknown
 */
void
hd_chart_set_kpi (HdChart *chart,
                  double   value,
                  double   previous)
{
  g_return_if_fail (chart != NULL);

  chart->kpi_value = value;
  chart->kpi_previous = previous;
}

/**
 * hd_chart_set_neutral:
 * @neutral: %TRUE for a KPI such as the number of requests received, whose rise or fall is
 *   neither good nor bad: the change is drawn with its arrow and sign but without the good/bad
 *   colour
 */
void
hd_chart_set_neutral (HdChart  *chart,
                      gboolean  neutral)
{
  g_return_if_fail (chart != NULL);
  chart->neutral = !!neutral;
}

/**
 * hd_chart_set_higher_is_better:
 * @chart: a chart
 * @higher_is_better: %FALSE for figures such as response times, where a fall is good
 *
 * Decides whether a KPI tile colours a rise as good or bad. The default is %TRUE.
 */
void
hd_chart_set_higher_is_better (HdChart  *chart,
                               gboolean  higher_is_better)
{
  g_return_if_fail (chart != NULL);

  chart->higher_is_better = !!higher_is_better;
}

/**
 * hd_chart_has_data:
 * @chart: a chart
 *
 * Returns: %FALSE when the chart would only say «Нет данных за этот период»: no categories,
 *   no series, or every value zero or missing
 */
gboolean
hd_chart_has_data (HdChart *chart)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (chart->kind == HD_CHART_KPI)
    return !isnan (chart->kpi_value);

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < chart->categories->len; i++)
      {
        double v = series_value (chart, s, i);

        if (!isnan (v) && v != 0)
          return TRUE;
      }
  return FALSE;
}

/**
 * hd_chart_describe:
 * @chart: a chart
 *
 * The chart's data as one sentence for screen readers (the accessible description of the
 * widget that draws it), e.g. «Обращения по каналам: Телефон — 12; Электронная почта — 5.»
 *
 * Returns: (transfer full): the description
 */
char *
hd_chart_describe (HdChart *chart)
{
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  text = g_string_new (chart->title != NULL ? chart->title : "");
  if (text->len > 0)
    g_string_append (text, ": ");

  if (!hd_chart_has_data (chart))
    {
      g_string_append (text, _("No data for this period"));
      return g_string_free (text, FALSE);
    }

  if (chart->kind == HD_CHART_KPI)
    {
      g_autofree char *value = hd_chart_format_value (chart->format, chart->kpi_value);

      g_string_append (text, value);
      if (chart->has_target)
        {
          g_autofree char *target = target_text (chart);

          g_string_append_printf (text, "; %s", target);
        }
      if (!isnan (chart->kpi_previous) && fabs (chart->kpi_value - chart->kpi_previous) >= 1e-9)
        {
          g_autofree char *number = format_change (chart->format, chart->kpi_value - chart->kpi_previous,
                                                   chart->kpi_previous);

          g_string_append (text, "; ");
          g_string_append_printf (text, _("%s vs previous period"), number);
        }
      g_string_append (text, ".");
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < chart->categories->len; i++)
    {
      g_string_append_printf (text, "%s%s — ", i > 0 ? "; " : "", category_name (chart, i));
      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = series_value (chart, s, i);
          g_autofree char *value = isnan (v) ? g_strdup ("—") : hd_chart_format_value (chart->format, v);

          if (chart->series->len > 1)
            g_string_append_printf (text, "%s%s %s", s > 0 ? ", " : "",
                                    ((Series *) g_ptr_array_index (chart->series, s))->name, value);
          else
            g_string_append (text, value);
        }
    }
  g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

/* Public API: layout and drawing */

/**
 * hd_chart_layout:
 * @chart: a chart
 * @cr: the cairo context the chart will be painted on (its surface and transformation decide
 *   the font metrics); nothing is painted
 * @width: width of the area in user units
 * @height: height of the area in user units
 * @style: how it looks
 *
 * Measures and places everything. The items tell where each title, tick, category label,
 * value label, legend entry, bar and point went, for tests and for hit-testing clicks.
 *
 * Returns: (transfer full): the layout; paint it with hd_chart_layout_paint()
 */
HdChartLayout *
hd_chart_layout (HdChart            *chart,
                 cairo_t            *cr,
                 double              width,
                 double              height,
                 const HdChartStyle *style)
{
  HdChartLayout *self;
  g_autoptr(PangoLayout) proto = NULL;
  Ctx c = { 0 };

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (style->font_size > 0, NULL);

  self = g_new0 (HdChartLayout, 1);
  self->chart = hd_chart_ref (chart);
  self->style = *style;
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->label_mode = HD_CHART_LABELS_STRAIGHT;
  self->label_step = 1;

  proto = hd_report_create_layout (cr, style->font_family, style->font_size, PANGO_WEIGHT_NORMAL);
  c.self = self;
  c.chart = chart;
  c.cr = cr;
  c.style = &self->style;
  c.pango = pango_layout_get_context (proto);
  if (style->font_options != NULL)
    pango_cairo_context_set_font_options (c.pango, style->font_options);
  c.F = style->font_size;
  c.pad = MIN (c.F * 0.5, MIN (self->width, self->height) / 20);
  c.gap = c.F * 0.4;
  c.x0 = c.pad;
  c.y0 = c.pad;
  c.x1 = self->width - c.pad;
  c.y1 = self->height - c.pad;

  if (c.x1 - c.x0 < c.F || c.y1 - c.y0 < c.F)
    return self;

  layout_title (&c);

  if (!hd_chart_has_data (chart))
    {
      layout_message (&c);
      return self;
    }

  if (chart->kind == HD_CHART_KPI)
    layout_kpi (&c);
  else
    {
      layout_legend (&c);
      /* Too little room left for axes and bars: better nothing than a smudge. */
      if (c.x1 - c.x0 < c.F * 3 || c.y1 - c.y0 < c.F * 3)
        return self;
      if (chart->kind == HD_CHART_BAR_HORIZONTAL || chart->kind == HD_CHART_STACKED_HORIZONTAL)
        layout_horizontal (&c);
      else
        layout_vertical (&c);
    }

  return self;
}

/**
 * hd_chart_layout_paint:
 * @layout: a layout made for this cairo context
 * @cr: where to paint, with the same transformation as when laid out
 */
void
hd_chart_layout_paint (HdChartLayout *layout,
                       cairo_t       *cr)
{
  HdChartLayout *self = layout;
  const HdChartStyle *style;
  HdChart *chart;
  gboolean patterned;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  style = &self->style;
  chart = self->chart;
  patterned = chart->series->len > 1;

  cairo_save (cr);
  if (style->paint_background)
    {
      set_color (cr, style->background);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }

  if (self->has_plot)
    paint_axes (self, cr);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      HdChartItem *p = &item->pub;

      if (p->kind != HD_CHART_ITEM_BAR)
        continue;
      paint_box (cr, style, p->series, patterned, p->x, p->y, p->width, p->height);
      /* A thin gap in the background colour separates stacked segments on paper too. */
      if (patterned && is_stacked (chart))
        {
          cairo_rectangle (cr, p->x, p->y, p->width, p->height);
          set_color (cr, style->background);
          cairo_set_line_width (cr, style->line_width * 0.8);
          cairo_stroke (cr);
        }
    }

  if (self->has_plot)
    {
      paint_baseline (self, cr);
      if (chart->has_target)
        paint_target (self, cr);
      if (chart->kind == HD_CHART_LINE)
        paint_lines (self, cr);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->swatch != SWATCH_NONE)
        paint_swatch (self, cr, item);
      if (item->text != NULL)
        paint_text (self, cr, item);
    }
  cairo_restore (cr);
}

void
hd_chart_layout_free (HdChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->items);
  hd_chart_unref (layout->chart);
  g_free (layout);
}

guint
hd_chart_layout_get_n_items (HdChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->items->len;
}

/**
 * hd_chart_layout_get_item:
 * @layout: a layout
 * @index: below hd_chart_layout_get_n_items()
 *
 * Returns: (transfer none): the item, valid as long as @layout
 */
const HdChartItem *
hd_chart_layout_get_item (HdChartLayout *layout,
                          guint          index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->items->len, NULL);

  return &g_array_index (layout->items, Item, index).pub;
}

/**
 * hd_chart_layout_hit_test:
 * @layout: a layout
 * @x: a point in the chart's user units (widget coordinates on screen)
 * @y: the point's y
 *
 * The bar (or line point) under a click, so the caller can open the requests behind it.
 * Thin bars and points are given a little slack.
 *
 * Returns: (transfer none) (nullable): a %HD_CHART_ITEM_BAR or %HD_CHART_ITEM_POINT item
 */
const HdChartItem *
hd_chart_layout_hit_test (HdChartLayout *layout,
                          double         x,
                          double         y)
{
  double slack;

  g_return_val_if_fail (layout != NULL, NULL);

  slack = layout->style.font_size * 0.25;
  for (guint i = layout->items->len; i > 0; i--)
    {
      const HdChartItem *item = &g_array_index (layout->items, Item, i - 1).pub;

      if (item->kind != HD_CHART_ITEM_BAR && item->kind != HD_CHART_ITEM_POINT)
        continue;
      if (x >= item->x - slack && x <= item->x + item->width + slack &&
          y >= item->y - slack && y <= item->y + item->height + slack)
        return item;
    }
  return NULL;
}

/**
 * hd_chart_layout_get_plot_area:
 * @layout: a layout
 * @area: (out): the rectangle inside the axes
 *
 * Returns: %FALSE for a KPI tile or a chart without data, which have no axes
 */
gboolean
hd_chart_layout_get_plot_area (HdChartLayout     *layout,
                               cairo_rectangle_t *area)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  *area = layout->plot;
  return layout->has_plot;
}

/**
 * hd_chart_layout_get_baseline:
 * @layout: a layout
 * @position: (out): where zero is on the value axis: a y for vertical bars and lines, an x for
 *   horizontal bars
 *
 * Returns: %FALSE when there is no value axis
 */
gboolean
hd_chart_layout_get_baseline (HdChartLayout *layout,
                              double        *position)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  *position = layout->baseline;
  return layout->has_plot;
}

/**
 * hd_chart_layout_get_value_axis:
 * @layout: a layout
 * @min: (out) (optional): the value at the start of the axis (0 unless there are negatives)
 * @max: (out) (optional): the value at the end of the axis
 * @step: (out) (optional): the distance between ticks: 1, 2 or 5 × 10^k
 *
 * Returns: %FALSE when there is no value axis
 */
gboolean
hd_chart_layout_get_value_axis (HdChartLayout *layout,
                                double        *min,
                                double        *max,
                                double        *step)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (min != NULL)
    *min = layout->tmin;
  if (max != NULL)
    *max = layout->tmax;
  if (step != NULL)
    *step = layout->tstep;
  return layout->has_plot;
}

HdChartLabelMode
hd_chart_layout_get_label_mode (HdChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, HD_CHART_LABELS_STRAIGHT);

  return layout->label_mode;
}

/**
 * hd_chart_layout_get_label_step:
 * @layout: a layout
 *
 * Returns: 1 when every category is labelled, n when only every n-th one is
 */
guint
hd_chart_layout_get_label_step (HdChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 1);

  return layout->label_step;
}

/**
 * hd_chart_draw:
 * @chart: a chart
 * @cr: where to draw; the chart fills (0, 0)–(@width, @height) in user units
 * @width: width in user units
 * @height: height in user units
 * @style: how it looks
 *
 * Draws the chart; the same call serves the widget, the printed page and the PDF.
 */
void
hd_chart_draw (HdChart            *chart,
               cairo_t            *cr,
               double              width,
               double              height,
               const HdChartStyle *style)
{
  g_autoptr(HdChartLayout) layout = NULL;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  layout = hd_chart_layout (chart, cr, width, height, style);
  hd_chart_layout_paint (layout, cr);
}

/* Public API: files */

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, HD_ERROR, HD_ERROR_IO,
               /* Translators: %s is a file name, the second a technical reason */
               _("The chart could not be saved to “%s” (%s). Check that the folder exists and that there is free space, then try again."),
               path, cairo_status_to_string (status));
  return FALSE;
}

static void
default_style (HdChartStyle       *fallback,
               const HdChartStyle **style)
{
  if (*style != NULL)
    return;
  hd_chart_style_init (fallback, HD_CHART_THEME_PRINT, 10);
  *style = fallback;
}

/**
 * hd_chart_save_png:
 * @chart: a chart
 * @path: the file to write
 * @width_px: image width in pixels
 * @height_px: image height in pixels
 * @scale: pixels per user unit: 300.0 / 72 for a 300 dpi image of a chart laid out in points
 * @style: (nullable): how it looks; %NULL for the paper style at 10 units
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_chart_save_png (HdChart             *chart,
                   const char          *path,
                   int                  width_px,
                   int                  height_px,
                   double               scale,
                   const HdChartStyle  *style,
                   GError             **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  HdChartStyle fallback;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width_px > 0 && height_px > 0, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  default_style (&fallback, &style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width_px, height_px);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hd_chart_draw (chart, cr, width_px / scale, height_px / scale, style);
  cairo_destroy (cr);
  ok = check_surface (surface, path, error);
  if (ok)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, path);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, HD_ERROR, HD_ERROR_IO,
                       _("The chart could not be saved to “%s” (%s). Check that the folder exists and that there is free space, then try again."),
                       path, cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
save_vector (HdChart             *chart,
             cairo_surface_t     *surface,
             const char          *path,
             double               width_pt,
             double               height_pt,
             const HdChartStyle  *style,
             GError             **error)
{
  cairo_t *cr;
  gboolean ok;

  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  hd_chart_draw (chart, cr, width_pt, height_pt, style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * hd_chart_save_svg:
 * @chart: a chart
 * @path: the file to write
 * @width_pt: width in points
 * @height_pt: height in points
 * @style: (nullable): how it looks (sizes in points); %NULL for the paper style at 10 pt
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_chart_save_svg (HdChart             *chart,
                   const char          *path,
                   double               width_pt,
                   double               height_pt,
                   const HdChartStyle  *style,
                   GError             **error)
{
  HdChartStyle fallback;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  default_style (&fallback, &style);
  return save_vector (chart, cairo_svg_surface_create (path, width_pt, height_pt), path,
                      width_pt, height_pt, style, error);
}

/**
 * hd_chart_save_pdf:
 * @chart: a chart
 * @path: the file to write
 * @width_pt: page width in points
 * @height_pt: page height in points
 * @style: (nullable): how it looks (sizes in points); %NULL for the paper style at 10 pt
 * @error: return location for an error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_chart_save_pdf (HdChart             *chart,
                   const char          *path,
                   double               width_pt,
                   double               height_pt,
                   const HdChartStyle  *style,
                   GError             **error)
{
  HdChartStyle fallback;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  default_style (&fallback, &style);
  return save_vector (chart, cairo_pdf_surface_create (path, width_pt, height_pt), path,
                      width_pt, height_pt, style, error);
}
