/* hd-chart.h — bar, stacked bar, line charts and KPI tiles drawn on any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/**
 * HdChartKind:
 * @HD_CHART_BAR_HORIZONTAL: one bar per category and series, growing to the right; best for
 *   long category names
 * @HD_CHART_BAR_VERTICAL: one column per category and series, growing upwards
 * @HD_CHART_STACKED_HORIZONTAL: the series of a category stacked into one bar, growing right
 * @HD_CHART_STACKED_VERTICAL: the series of a category stacked into one column
 * @HD_CHART_LINE: one line per series over the categories (a trend over months)
 * @HD_CHART_KPI: a tile with one big number, its target and its change from the previous period
 */
typedef enum {
  HD_CHART_BAR_HORIZONTAL,
  HD_CHART_BAR_VERTICAL,
  HD_CHART_STACKED_HORIZONTAL,
  HD_CHART_STACKED_VERTICAL,
  HD_CHART_LINE,
  HD_CHART_KPI,
} HdChartKind;

/**
 * HdChartFormat:
 * @HD_CHART_FORMAT_INTEGER: counts; the value axis never shows fractions
 * @HD_CHART_FORMAT_PERCENT: values are percents (0–100); changes are shown in percentage points
 * @HD_CHART_FORMAT_HOURS: durations in hours
 */
typedef enum {
  HD_CHART_FORMAT_INTEGER,
  HD_CHART_FORMAT_PERCENT,
  HD_CHART_FORMAT_HOURS,
} HdChartFormat;

/**
 * HdChartTheme:
 * @HD_CHART_THEME_LIGHT: colours for a light window
 * @HD_CHART_THEME_DARK: colours for a dark window (AdwStyleManager:dark)
 * @HD_CHART_THEME_PRINT: fixed colours on white paper, background painted
 */
typedef enum {
  HD_CHART_THEME_LIGHT,
  HD_CHART_THEME_DARK,
  HD_CHART_THEME_PRINT,
} HdChartTheme;

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} HdChartRgba;

#define HD_CHART_N_SERIES_COLORS 6

/**
 * HdChartStyle:
 * @font_family: (nullable): font family; %NULL means %HD_REPORT_FONT_FAMILY
 * @font_size: base text size in the user units of the cairo_t (pixels on screen, points on
 *   paper); titles, value labels and the KPI number are derived from it, and so are margins,
 *   gaps and pattern spacing
 * @line_width: width of axes, outlines and hatching in user units
 * @paint_background: fill the whole area with @background first (print, PNG); a widget
 *   usually leaves it %FALSE and lets its own background show
 * @font_options: (nullable): the widget's font options (hinting, antialiasing); borrowed
 *
 * Everything that decides how a chart looks, apart from its data and size. Fill one with
 * hd_chart_style_init() and change what the caller knows better (the widget's font size and
 * colours).
 */
typedef struct {
  const char *font_family;
  double font_size;
  double line_width;
  gboolean paint_background;
  const cairo_font_options_t *font_options;

  HdChartRgba background;
  HdChartRgba foreground;
  HdChartRgba muted;
  HdChartRgba grid;
  HdChartRgba pattern;
  HdChartRgba good;
  HdChartRgba bad;
  HdChartRgba series[HD_CHART_N_SERIES_COLORS];
} HdChartStyle;

void hd_chart_style_init (HdChartStyle *style,
                          HdChartTheme  theme,
                          double        font_size);

/**
 * HdChartItemKind:
 * @HD_CHART_ITEM_TITLE: the chart's title (the caption of a KPI tile)
 * @HD_CHART_ITEM_AXIS_TITLE: the name of the value axis
 * @HD_CHART_ITEM_TICK_LABEL: a number on the value axis; #HdChartItem.value is the tick value
 * @HD_CHART_ITEM_CATEGORY_LABEL: the name of a category
 * @HD_CHART_ITEM_VALUE_LABEL: the number written on or next to a bar or a point; series is -1
 *   for the total above a stack
 * @HD_CHART_ITEM_LEGEND: one legend entry (swatch and name); series is -1 for the target
 * @HD_CHART_ITEM_MESSAGE: the “no data” message
 * @HD_CHART_ITEM_KPI_VALUE: the big number of a KPI tile
 * @HD_CHART_ITEM_KPI_TARGET: the target line of a KPI tile
 * @HD_CHART_ITEM_KPI_CHANGE: the change from the previous period, arrow included
 * @HD_CHART_ITEM_BAR: a bar or a stacked segment
 * @HD_CHART_ITEM_POINT: a point of a line chart (the marker's box)
 */
typedef enum {
  HD_CHART_ITEM_TITLE,
  HD_CHART_ITEM_AXIS_TITLE,
  HD_CHART_ITEM_TICK_LABEL,
  HD_CHART_ITEM_CATEGORY_LABEL,
  HD_CHART_ITEM_VALUE_LABEL,
  HD_CHART_ITEM_LEGEND,
  HD_CHART_ITEM_MESSAGE,
  HD_CHART_ITEM_KPI_VALUE,
  HD_CHART_ITEM_KPI_TARGET,
  HD_CHART_ITEM_KPI_CHANGE,
  HD_CHART_ITEM_BAR,
  HD_CHART_ITEM_POINT,
} HdChartItemKind;

/**
 * HdChartLabelMode:
 * @HD_CHART_LABELS_STRAIGHT: category labels on one line
 * @HD_CHART_LABELS_WRAPPED: category labels wrapped onto (at most) two lines
 * @HD_CHART_LABELS_ROTATED: category labels turned 45°, shortened with “…” when too long
 * @HD_CHART_LABELS_SHORTENED: category labels on one line, shortened with “…”
 *
 * How the category labels were fitted; hd_chart_layout_get_label_step() tells whether only
 * every n-th one is shown.
 */
typedef enum {
  HD_CHART_LABELS_STRAIGHT,
  HD_CHART_LABELS_WRAPPED,
  HD_CHART_LABELS_ROTATED,
  HD_CHART_LABELS_SHORTENED,
} HdChartLabelMode;

/**
 * HdChartItem:
 * @kind: what was drawn
 * @x: left of the axis-aligned bounding box, in user units
 * @y: top of the bounding box
 * @width: width of the bounding box
 * @height: height of the bounding box
 * @angle: rotation of text in radians (0, or -G_PI/4 for slanted category labels)
 * @quad: the four corners (x0, y0, … x3, y3) of the possibly rotated box; for overlap tests
 * @category: the category index, or -1
 * @series: the series index, or -1
 * @value: the value of a bar, point, value label or tick label; 0 otherwise
 * @text: (nullable): the full text, %NULL for bars and points
 * @shortened: the text was cut with “…” to fit; a tooltip can show @text in full
 *
 * One thing the chart drew and where. Owned by its #HdChartLayout.
 */
typedef struct {
  HdChartItemKind kind;
  double x;
  double y;
  double width;
  double height;
  double angle;
  double quad[8];
  int category;
  int series;
  double value;
  const char *text;
  gboolean shortened;
} HdChartItem;

#define HD_TYPE_CHART (hd_chart_get_type ())

typedef struct _HdChart HdChart;
typedef struct _HdChartLayout HdChartLayout;

GType          hd_chart_get_type        (void) G_GNUC_CONST;
HdChart       *hd_chart_new             (HdChartKind          kind);
HdChart       *hd_chart_ref             (HdChart             *chart);
void           hd_chart_unref           (HdChart             *chart);

HdChartKind    hd_chart_get_kind        (HdChart             *chart);
void           hd_chart_set_title       (HdChart             *chart,
                                         const char          *title);
void           hd_chart_set_axis_title  (HdChart             *chart,
                                         const char          *axis_title);
void           hd_chart_set_format      (HdChart             *chart,
                                         HdChartFormat        format);
void           hd_chart_set_categories  (HdChart             *chart,
                                         const char * const  *labels,
                                         guint                n_labels);
guint          hd_chart_get_n_categories (HdChart            *chart);
guint          hd_chart_add_series      (HdChart             *chart,
                                         const char          *name,
                                         const double        *values,
                                         guint                n_values);
guint          hd_chart_get_n_series    (HdChart             *chart);
void           hd_chart_set_target      (HdChart             *chart,
                                         double               target);
void           hd_chart_set_kpi         (HdChart             *chart,
                                         double               value,
                                         double               previous);
void           hd_chart_set_higher_is_better (HdChart        *chart,
                                         gboolean             higher_is_better);
void           hd_chart_set_neutral          (HdChart        *chart,
                                              gboolean        neutral);
gboolean       hd_chart_has_data        (HdChart             *chart);

char          *hd_chart_format_value    (HdChartFormat        format,
                                         double               value);
char          *hd_chart_describe        (HdChart             *chart);

void           hd_chart_draw            (HdChart             *chart,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         const HdChartStyle  *style);

HdChartLayout *hd_chart_layout          (HdChart             *chart,
                                         cairo_t             *cr,
                                         double               width,
                                         double               height,
                                         const HdChartStyle  *style);
void           hd_chart_layout_paint    (HdChartLayout       *layout,
                                         cairo_t             *cr);
void           hd_chart_layout_free     (HdChartLayout       *layout);
guint          hd_chart_layout_get_n_items (HdChartLayout    *layout);
const HdChartItem *hd_chart_layout_get_item (HdChartLayout   *layout,
                                         guint                index);
const HdChartItem *hd_chart_layout_hit_test (HdChartLayout   *layout,
                                         double               x,
                                         double               y);
gboolean       hd_chart_layout_get_plot_area (HdChartLayout  *layout,
                                         cairo_rectangle_t   *area);
gboolean       hd_chart_layout_get_baseline (HdChartLayout   *layout,
                                         double              *position);
gboolean       hd_chart_layout_get_value_axis (HdChartLayout *layout,
                                         double              *min,
                                         double              *max,
                                         double              *step);
HdChartLabelMode hd_chart_layout_get_label_mode (HdChartLayout *layout);
guint          hd_chart_layout_get_label_step (HdChartLayout *layout);

gboolean       hd_chart_save_png        (HdChart             *chart,
                                         const char          *path,
                                         int                  width_px,
                                         int                  height_px,
                                         double               scale,
                                         const HdChartStyle  *style,
                                         GError             **error);
gboolean       hd_chart_save_svg        (HdChart             *chart,
                                         const char          *path,
                                         double               width_pt,
                                         double               height_pt,
                                         const HdChartStyle  *style,
                                         GError             **error);
gboolean       hd_chart_save_pdf        (HdChart             *chart,
                                         const char          *path,
                                         double               width_pt,
                                         double               height_pt,
                                         const HdChartStyle  *style,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdChart, hd_chart_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdChartLayout, hd_chart_layout_free)

G_END_DECLS
