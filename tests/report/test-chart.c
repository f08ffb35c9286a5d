/* test-chart.c — chart layout: nothing outside, nothing overlapping, honest axes, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hd-chart.h"
#include "hd-error.h"

static const char * const topics[] = {
  "Учёт расписания",
  "Текущая успеваемость",
  "Итоговая успеваемость",
  "Посещаемость",
  "Поурочное планирование",
  "Проведение уроков",
  "Своевременность внесения данных",
  "Доступ к журналу",
  "Другое",
};

static const char * const channels[] = {
  "Лично в приёмные часы",
  "Телефон",
  "Электронная почта",
  "Звонок онлайн со страницы портала",
  "Через классного руководителя",
  "Голосовое сообщение (перезвонить)",
};

static const char * const months[] = {
  "Декабрь", "Январь", "Февраль", "Март", "Апрель", "Май",
  "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь",
};

typedef enum {
  DATA_EMPTY,
  DATA_ONE,
  DATA_TOPICS,
  DATA_FORTY,
  DATA_HUGE_AND_SMALL,
  DATA_ALL_ZERO,
  DATA_CHANNELS_BY_KIND,
  DATA_MONTHS,
  N_DATA,
} DataSet;

static const char * const data_names[] = {
  "empty", "one", "topics", "forty", "huge", "zero", "multi", "months",
};

typedef struct {
  const char *name;
  double width;
  double height;
  double scale;
  double font_size;
  HdChartTheme theme;
} Size;

/* A widget, a block on an A4 page (points), and a 3000 px wide image at 300 dpi. */
static const Size sizes[] = {
  { "widget", 300, 200, 1.0, 11, HD_CHART_THEME_LIGHT },
  { "a4", 480, 300, 1.0, 9, HD_CHART_THEME_PRINT },
  { "300dpi", 720, 450, 3000.0 / 720.0, 9, HD_CHART_THEME_PRINT },
};

static const HdChartKind axis_kinds[] = {
  HD_CHART_BAR_HORIZONTAL,
  HD_CHART_BAR_VERTICAL,
  HD_CHART_STACKED_HORIZONTAL,
  HD_CHART_STACKED_VERTICAL,
  HD_CHART_LINE,
};

static const char * const kind_names[] = {
  "hbar", "vbar", "hstack", "vstack", "line", "kpi",
};

static HdChart *
make_chart (HdChartKind kind,
            DataSet     data)
{
  HdChart *chart = hd_chart_new (kind);

  hd_chart_set_title (chart, "Обращения по темам за ноябрь 2026 г.");
  hd_chart_set_axis_title (chart, "Обращений");

  switch (data)
    {
    case DATA_EMPTY:
      hd_chart_add_series (chart, "Обращения", NULL, 0);
      break;

    case DATA_ONE:
      {
        const char *labels[] = { "Своевременность внесения данных" };
        double values[] = { 7 };

        hd_chart_set_categories (chart, labels, 1);
        hd_chart_add_series (chart, "Обращения", values, 1);
      }
      break;

    case DATA_TOPICS:
      {
        double values[G_N_ELEMENTS (topics)] = { 12, 31, 9, 17, 4, 6, 23, 2, 5 };

        hd_chart_set_categories (chart, topics, G_N_ELEMENTS (topics));
        hd_chart_add_series (chart, "Обращения", values, G_N_ELEMENTS (values));
      }
      break;

    case DATA_FORTY:
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
        double values[40];

        for (guint i = 0; i < 40; i++)
          {
            g_ptr_array_add (labels, g_strdup_printf ("Учитель %u", i + 1));
            values[i] = (i * 7) % 13 + 1;
          }
        hd_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
        hd_chart_add_series (chart, "Обращения", values, 40);
      }
      break;

    case DATA_HUGE_AND_SMALL:
      {
        double values[G_N_ELEMENTS (channels)] = { 1, 2, 1, 9400, 3, 1 };

        hd_chart_set_categories (chart, channels, G_N_ELEMENTS (channels));
        hd_chart_add_series (chart, "Обращения", values, G_N_ELEMENTS (values));
      }
      break;

    case DATA_ALL_ZERO:
      {
        double values[G_N_ELEMENTS (channels)] = { 0 };

        hd_chart_set_categories (chart, channels, G_N_ELEMENTS (channels));
        hd_chart_add_series (chart, "Обращения", values, G_N_ELEMENTS (values));
      }
      break;

    case DATA_CHANNELS_BY_KIND:
      {
        double staff[] = { 14, 9, 6, 3, 0, 2 };
        double parents[] = { 5, 12, 8, 1, 7, 4 };
        double students[] = { 2, 1, 3, 0, 6, 1 };

        hd_chart_set_categories (chart, channels, G_N_ELEMENTS (channels));
        hd_chart_add_series (chart, "Сотрудники ОО", staff, 6);
        hd_chart_add_series (chart, "Родители (законные представители)", parents, 6);
        hd_chart_add_series (chart, "Обучающиеся", students, 6);
      }
      break;

    case DATA_MONTHS:
    default:
      {
        double volume[12] = { 40, 52, 47, 38, 45, 30, 3, 0, 61, 74, 58, 49 };
        double rate[12] = { 80, 85, 92.5, 100, 75, 90, NAN, NAN, 60, 70, 88, 95 };

        hd_chart_set_categories (chart, months, 12);
        if (kind == HD_CHART_LINE)
          {
            hd_chart_set_format (chart, HD_CHART_FORMAT_PERCENT);
            hd_chart_set_target (chart, 100);
            hd_chart_set_axis_title (chart, "Обучены вовремя");
            hd_chart_add_series (chart, "Своевременность обучения", rate, 12);
            hd_chart_add_series (chart, "Обращения решены в срок", volume, 12);
          }
        else
          hd_chart_add_series (chart, "Обращения", volume, 12);
      }
      break;
    }

  return chart;
}

/* Geometry checks */

static gboolean
is_text (const HdChartItem *item)
{
  return item->kind != HD_CHART_ITEM_BAR && item->kind != HD_CHART_ITEM_POINT;
}

static void
project (const double *quad,
         double        ax,
         double        ay,
         double       *lo,
         double       *hi)
{
  *lo = G_MAXDOUBLE;
  *hi = -G_MAXDOUBLE;
  for (guint i = 0; i < 4; i++)
    {
      double p = quad[2 * i] * ax + quad[2 * i + 1] * ay;

      *lo = MIN (*lo, p);
      *hi = MAX (*hi, p);
    }
}

/* Separating axis test of two convex quads; touching edges do not count as overlap. */
static gboolean
quads_overlap (const double *a,
               const double *b)
{
  const double *quads[2] = { a, b };

  for (guint q = 0; q < 2; q++)
    for (guint e = 0; e < 4; e++)
      {
        const double *p = quads[q];
        double dx = p[2 * ((e + 1) % 4)] - p[2 * e];
        double dy = p[2 * ((e + 1) % 4) + 1] - p[2 * e + 1];
        double len = hypot (dx, dy), alo, ahi, blo, bhi;

        if (len < 1e-9)
          continue;
        project (a, -dy / len, dx / len, &alo, &ahi);
        project (b, -dy / len, dx / len, &blo, &bhi);
        if (ahi <= blo + 0.01 || bhi <= alo + 0.01)
          return FALSE;
      }
  return TRUE;
}

static void
assert_texts_inside_and_apart (HdChartLayout *layout,
                               double         width,
                               double         height,
                               const char    *what)
{
  guint n = hd_chart_layout_get_n_items (layout);

  for (guint i = 0; i < n; i++)
    {
      const HdChartItem *a = hd_chart_layout_get_item (layout, i);

      if (!is_text (a))
        continue;

      for (guint k = 0; k < 4; k++)
        {
          if (a->quad[2 * k] < -0.01 || a->quad[2 * k] > width + 0.01 ||
              a->quad[2 * k + 1] < -0.01 || a->quad[2 * k + 1] > height + 0.01)
            g_error ("%s: label “%s” (kind %d) reaches outside the %gx%g area: corner (%g, %g)",
                     what, a->text, a->kind, width, height, a->quad[2 * k], a->quad[2 * k + 1]);
        }

      for (guint j = i + 1; j < n; j++)
        {
          const HdChartItem *b = hd_chart_layout_get_item (layout, j);

          if (!is_text (b))
            continue;
          if (quads_overlap (a->quad, b->quad))
            g_error ("%s: labels “%s” (kind %d) and “%s” (kind %d) overlap", what,
                     a->text, a->kind, b->text, b->kind);
        }
    }
}

/* Value labels sit on bars or beside them, never over another bar. */
static void
assert_value_labels_clear_of_other_bars (HdChartLayout *layout,
                                         const char    *what)
{
  guint n = hd_chart_layout_get_n_items (layout);

  for (guint i = 0; i < n; i++)
    {
      const HdChartItem *label = hd_chart_layout_get_item (layout, i);

      if (label->kind != HD_CHART_ITEM_VALUE_LABEL)
        continue;
      for (guint j = 0; j < n; j++)
        {
          const HdChartItem *bar = hd_chart_layout_get_item (layout, j);

          if (bar->kind != HD_CHART_ITEM_BAR)
            continue;
          if (bar->category == label->category && (bar->series == label->series || label->series == -1))
            continue;
          if (label->x < bar->x + bar->width - 0.01 && bar->x < label->x + label->width - 0.01 &&
              label->y < bar->y + bar->height - 0.01 && bar->y < label->y + label->height - 0.01)
            g_error ("%s: value label “%s” lies over the bar of category %d series %d", what,
                     label->text, bar->category, bar->series);
        }
    }
}

static gboolean
is_round_step (double step)
{
  double exponent = floor (log10 (step) + 1e-9);
  double mantissa = step / pow (10, exponent);

  return fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6;
}

/* Ticks on 1, 2, 5 × 10^k, zero among them, the axis covering the data; with @all_labelled
 * every tick carries its number. */
static void
assert_ticks_round (HdChartLayout *layout,
                    double         data_max,
                    gboolean       integer,
                    gboolean       all_labelled,
                    const char    *what)
{
  guint n = hd_chart_layout_get_n_items (layout);
  double min, max, step;
  guint n_labels = 0;
  gboolean zero_labelled = FALSE;

  g_assert_true (hd_chart_layout_get_value_axis (layout, &min, &max, &step));
  if (!is_round_step (step))
    g_error ("%s: tick step %g is not 1, 2 or 5 × 10^k", what, step);
  if (integer && step < 1)
    g_error ("%s: an integer axis has a step of %g", what, step);
  g_assert_cmpfloat (min, <=, 0);
  g_assert_cmpfloat (max, >=, data_max);
  g_assert_cmpfloat (fabs (min / step - round (min / step)), <, 1e-6);
  g_assert_cmpfloat (fabs (max / step - round (max / step)), <, 1e-6);

  for (guint i = 0; i < n; i++)
    {
      const HdChartItem *item = hd_chart_layout_get_item (layout, i);

      if (item->kind != HD_CHART_ITEM_TICK_LABEL)
        continue;
      n_labels++;
      g_assert_cmpfloat (fabs (item->value / step - round (item->value / step)), <, 1e-6);
      g_assert_cmpfloat (item->value, >=, min - 1e-9);
      g_assert_cmpfloat (item->value, <=, max + 1e-9);
      if (integer)
        g_assert_cmpfloat (item->value, ==, round (item->value));
      if (fabs (item->value) < 1e-9)
        zero_labelled = TRUE;
    }

  g_assert_true (zero_labelled);
  if (all_labelled)
    g_assert_cmpuint (n_labels, ==, (guint) round ((max - min) / step) + 1);
}

static void
assert_bars_on_baseline (HdChartLayout *layout,
                         HdChart       *chart,
                         const char    *what)
{
  HdChartKind kind = hd_chart_get_kind (chart);
  gboolean vertical = kind == HD_CHART_BAR_VERTICAL || kind == HD_CHART_STACKED_VERTICAL;
  gboolean stacked = kind == HD_CHART_STACKED_VERTICAL || kind == HD_CHART_STACKED_HORIZONTAL;
  guint n = hd_chart_layout_get_n_items (layout);
  g_autofree double *stack_end = g_new0 (double, hd_chart_get_n_categories (chart));
  g_autofree gboolean *started = g_new0 (gboolean, hd_chart_get_n_categories (chart));
  double baseline;
  cairo_rectangle_t plot;
  guint n_bars = 0;

  g_assert_true (hd_chart_layout_get_baseline (layout, &baseline));
  g_assert_true (hd_chart_layout_get_plot_area (layout, &plot));

  /* The zero line is the bottom (left) of the plot: no negative data, so no truncation. */
  if (vertical)
    g_assert_cmpfloat (fabs (baseline - (plot.y + plot.height)), <, 1e-6);
  else
    g_assert_cmpfloat (fabs (baseline - plot.x), <, 1e-6);

  for (guint i = 0; i < n; i++)
    {
      const HdChartItem *bar = hd_chart_layout_get_item (layout, i);
      double start, end;

      if (bar->kind != HD_CHART_ITEM_BAR)
        continue;
      n_bars++;
      g_assert_cmpfloat (bar->value, >, 0);
      /* Every non-zero value stays visible: at least a sliver. */
      g_assert_cmpfloat (vertical ? bar->height : bar->width, >, 0.5);
      start = vertical ? bar->y + bar->height : bar->x;
      end = vertical ? bar->y : bar->x + bar->width;

      if (stacked && started[bar->category])
        g_assert_cmpfloat (fabs (start - stack_end[bar->category]), <, 1e-6);
      else if (fabs (start - baseline) > 1e-6)
        g_error ("%s: bar of category %d starts at %g, not at the baseline %g", what,
                 bar->category, start, baseline);
      started[bar->category] = TRUE;
      stack_end[bar->category] = end;
    }
  g_assert_cmpuint (n_bars, >, 0);
}

static guint
count_items (HdChartLayout   *layout,
             HdChartItemKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
    if (hd_chart_layout_get_item (layout, i)->kind == kind)
      count++;
  return count;
}

static double
data_max (HdChart  *chart,
          DataSet   data)
{
  switch (data)
    {
    case DATA_ONE: return 7;
    case DATA_TOPICS: return 31;
    case DATA_FORTY: return 13;
    case DATA_HUGE_AND_SMALL: return 9400;
    case DATA_CHANNELS_BY_KIND:
      return (hd_chart_get_kind (chart) == HD_CHART_STACKED_VERTICAL ||
              hd_chart_get_kind (chart) == HD_CHART_STACKED_HORIZONTAL) ? 24 : 14;
    case DATA_MONTHS: return hd_chart_get_kind (chart) == HD_CHART_LINE ? 100 : 74;
    case DATA_EMPTY:
    case DATA_ALL_ZERO:
    default:
      return 0;
    }
}

static char *
sample_path (const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *folder = g_build_filename (dir != NULL ? dir : ".", "chart-samples", NULL);

  g_mkdir_with_parents (folder, 0755);
  return g_build_filename (folder, name, NULL);
}

/* Lays the chart out on the surface it will be painted on, checks it, paints it into a PNG. */
static HdChartLayout *
check_and_render (HdChart    *chart,
                  const Size *size,
                  const char *name)
{
  int width_px = (int) ceil (size->width * size->scale);
  int height_px = (int) ceil (size->height * size->scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width_px, height_px);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = sample_path (name);
  HdChartStyle style;
  HdChartLayout *layout;

  hd_chart_style_init (&style, size->theme, size->font_size);
  style.paint_background = TRUE;
  cairo_scale (cr, size->scale, size->scale);
  layout = hd_chart_layout (chart, cr, size->width, size->height, &style);
  hd_chart_layout_paint (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Compressing a 3000 px PNG takes a while: write the big ones only for a few cases. */
  if (width_px * height_px < 2000000 || strstr (name, "-topics-") != NULL ||
      strstr (name, "-multi-") != NULL || strstr (name, "-months-") != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  assert_texts_inside_and_apart (layout, size->width, size->height, name);
  return layout;
}

static void
test_axis_charts (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (axis_kinds); k++)
    for (guint d = 0; d < N_DATA; d++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          HdChartKind kind = axis_kinds[k];
          g_autoptr(HdChart) chart = make_chart (kind, d);
          g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", kind_names[kind], data_names[d], sizes[s].name);
          g_autoptr(HdChartLayout) layout = check_and_render (chart, &sizes[s], name);
          guint n_series = hd_chart_get_n_series (chart);
          guint n_categories = hd_chart_get_n_categories (chart);
          guint n_legend_series = 0;

          g_test_message ("%s: label mode %d, every %u-th", name,
                          hd_chart_layout_get_label_mode (layout), hd_chart_layout_get_label_step (layout));

          if (d == DATA_EMPTY || d == DATA_ALL_ZERO)
            {
              /* «Нет данных за этот период» instead of an empty frame. */
              g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_MESSAGE), ==, 1);
              g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_BAR), ==, 0);
              g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_TICK_LABEL), ==, 0);
              g_assert_false (hd_chart_has_data (chart));
              continue;
            }

          g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_MESSAGE), ==, 0);
          g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_TITLE), ==, 1);
          assert_ticks_round (layout, data_max (chart, d),
                              d != DATA_MONTHS || kind != HD_CHART_LINE, TRUE, name);

          if (kind == HD_CHART_LINE)
            {
              guint expected_points = n_categories * n_series;

              if (d == DATA_MONTHS)
                expected_points -= 2;  /* two months without a rate */
              g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_POINT), ==, expected_points);
            }
          else
            {
              assert_bars_on_baseline (layout, chart, name);
              assert_value_labels_clear_of_other_bars (layout, name);
            }

          /* Some labelled categories, thinned evenly when there are many. */
          {
            guint step = hd_chart_layout_get_label_step (layout);
            guint labels = count_items (layout, HD_CHART_ITEM_CATEGORY_LABEL);

            g_assert_cmpuint (step, >=, 1);
            g_assert_cmpuint (labels, >=, 1);
            g_assert_cmpuint (labels, <=, (n_categories + step - 1) / step);
            if (d == DATA_FORTY && s == 0)
              g_assert_cmpuint (step, >, 1);
            if (d != DATA_FORTY)
              g_assert_cmpuint (labels, ==, (n_categories + step - 1) / step);
          }

          /* The biggest value is always written. */
          if (d == DATA_HUGE_AND_SMALL)
            {
              gboolean found = FALSE;

              for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
                {
                  const HdChartItem *item = hd_chart_layout_get_item (layout, i);

                  if (item->kind == HD_CHART_ITEM_VALUE_LABEL && item->value == 9400)
                    found = TRUE;
                }
              g_assert_true (found);
            }

          for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
            {
              const HdChartItem *item = hd_chart_layout_get_item (layout, i);

              if (item->kind == HD_CHART_ITEM_LEGEND && item->series >= 0)
                n_legend_series++;
            }
          if (n_series > 1)
            g_assert_cmpuint (n_legend_series, ==, n_series);
          else
            g_assert_cmpuint (n_legend_series, ==, 0);
        }
}

/* Hand-counted: with 1 request the axis runs 0, 1 — no 0.5 anywhere. */
static void
test_integer_axis (void)
{
  const char *labels[] = { "Телефон", "Электронная почта" };
  double values[] = { 1, 0 };
  g_autoptr(HdChart) chart = hd_chart_new (HD_CHART_BAR_VERTICAL);
  g_autoptr(HdChartLayout) layout = NULL;
  guint n_ticks = 0;

  hd_chart_set_categories (chart, labels, 2);
  hd_chart_add_series (chart, "Обращения", values, 2);
  layout = check_and_render (chart, &sizes[1], "vbar-integer-a4.png");

  for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
    {
      const HdChartItem *item = hd_chart_layout_get_item (layout, i);

      if (item->kind != HD_CHART_ITEM_TICK_LABEL)
        continue;
      g_assert_cmpfloat (item->value, ==, (double) n_ticks);
      n_ticks++;
    }
  g_assert_cmpuint (n_ticks, ==, 2);

  /* The zero bar has no bar, but it is written down as «0». */
  g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_BAR), ==, 1);
  g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_VALUE_LABEL), ==, 2);
}

/* One huge value: the small bars still show as slivers with their numbers readable. */
static void
test_huge_and_small (void)
{
  g_autoptr(HdChart) chart = make_chart (HD_CHART_BAR_HORIZONTAL, DATA_HUGE_AND_SMALL);
  g_autoptr(HdChartLayout) layout = check_and_render (chart, &sizes[1], "hbar-huge-check-a4.png");
  guint small_labels = 0;

  for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
    {
      const HdChartItem *item = hd_chart_layout_get_item (layout, i);

      if (item->kind == HD_CHART_ITEM_BAR)
        g_assert_cmpfloat (item->width, >=, 9 * 0.2 - 1e-9);
      if (item->kind == HD_CHART_ITEM_VALUE_LABEL && item->value < 10)
        small_labels++;
    }
  /* Horizontal bars have a row each: every small value is written. */
  g_assert_cmpuint (small_labels, ==, 5);
}

static void
test_labels_adapt (void)
{
  g_autoptr(HdChart) chart = make_chart (HD_CHART_BAR_VERTICAL, DATA_TOPICS);
  g_autoptr(HdChartLayout) narrow = check_and_render (chart, &sizes[0], "vbar-topics-adapt-widget.png");
  Size wide = { "wide", 1400, 400, 1.0, 11, HD_CHART_THEME_LIGHT };
  g_autoptr(HdChartLayout) roomy = check_and_render (chart, &wide, "vbar-topics-adapt-wide.png");
  Size huge = { "huge", 3000, 500, 1.0, 11, HD_CHART_THEME_LIGHT };
  g_autoptr(HdChartLayout) flat = check_and_render (chart, &huge, "vbar-topics-adapt-huge.png");

  /* Nine long names under 300 px cannot stand straight; with room to spare they do. */
  g_assert_cmpint (hd_chart_layout_get_label_mode (narrow), ==, HD_CHART_LABELS_ROTATED);
  g_assert_cmpint (hd_chart_layout_get_label_mode (roomy), ==, HD_CHART_LABELS_WRAPPED);
  g_assert_cmpint (hd_chart_layout_get_label_mode (flat), ==, HD_CHART_LABELS_STRAIGHT);

  /* Slanted widget labels of long names are cut with “…”, and say so for a tooltip. */
  {
    guint shortened = 0;

    for (guint i = 0; i < hd_chart_layout_get_n_items (narrow); i++)
      {
        const HdChartItem *item = hd_chart_layout_get_item (narrow, i);

        if (item->kind != HD_CHART_ITEM_CATEGORY_LABEL)
          continue;
        g_assert_cmpfloat (fabs (item->angle + G_PI / 4), <, 1e-9);
        if (item->shortened)
          shortened++;
        if (g_str_equal (item->text, "Своевременность внесения данных"))
          g_assert_true (item->shortened);
      }
    g_assert_cmpuint (shortened, >=, 1);

    for (guint i = 0; i < hd_chart_layout_get_n_items (flat); i++)
      g_assert_false (hd_chart_layout_get_item (flat, i)->shortened);
  }
}

static void
test_describe (void)
{
  const char *labels[] = { "Телефон", "Электронная почта" };
  double values[] = { 12, 5 };
  g_autoptr(HdChart) chart = hd_chart_new (HD_CHART_BAR_HORIZONTAL);
  g_autoptr(HdChart) empty = hd_chart_new (HD_CHART_LINE);
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  hd_chart_set_title (chart, "Обращения по каналам");
  hd_chart_set_categories (chart, labels, 2);
  hd_chart_add_series (chart, "Обращения", values, 2);
  text = hd_chart_describe (chart);
  g_assert_cmpstr (text, ==, "Обращения по каналам: Телефон — 12; Электронная почта — 5.");

  none = hd_chart_describe (empty);
  g_assert_cmpstr (none, ==, "No data for this period");
}

static void
test_kpi (void)
{
  struct {
    const char *name;
    double value;
    double previous;
    double target;
    HdChartFormat format;
    gboolean higher_is_better;
    const char *change_prefix;
  } cases[] = {
    { "rate-up", 92, 80, 100, HD_CHART_FORMAT_PERCENT, TRUE, "+12" },
    { "requests-down", 47, 50, NAN, HD_CHART_FORMAT_INTEGER, TRUE, "\u22123" },
    { "hours-down", 3.5, 5, 8, HD_CHART_FORMAT_HOURS, FALSE, "\u22121.5" },
    { "same", 10, 10, NAN, HD_CHART_FORMAT_INTEGER, TRUE, NULL },
    { "no-data", NAN, 10, NAN, HD_CHART_FORMAT_INTEGER, TRUE, NULL },
  };
  const Size tiles[] = {
    { "tile", 180, 110, 1.0, 11, HD_CHART_THEME_LIGHT },
    { "tiny", 90, 60, 1.0, 11, HD_CHART_THEME_DARK },
    { "a4", 150, 80, 1.0, 9, HD_CHART_THEME_PRINT },
    { "300dpi", 150, 80, 300.0 / 72.0, 9, HD_CHART_THEME_PRINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint t = 0; t < G_N_ELEMENTS (tiles); t++)
      {
        g_autoptr(HdChart) chart = hd_chart_new (HD_CHART_KPI);
        g_autofree char *name = g_strdup_printf ("kpi-%s-%s.png", cases[i].name, tiles[t].name);
        g_autoptr(HdChartLayout) layout = NULL;

        hd_chart_set_title (chart, "Новые сотрудники обучены вовремя");
        hd_chart_set_format (chart, cases[i].format);
        hd_chart_set_kpi (chart, cases[i].value, cases[i].previous);
        hd_chart_set_target (chart, cases[i].target);
        hd_chart_set_higher_is_better (chart, cases[i].higher_is_better);
        layout = check_and_render (chart, &tiles[t], name);

        if (isnan (cases[i].value))
          {
            g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_MESSAGE), ==, 1);
            continue;
          }
        g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_KPI_VALUE), ==, 1);
        if (t == 0)
          {
            g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_KPI_CHANGE), ==, 1);
            g_assert_cmpuint (count_items (layout, HD_CHART_ITEM_KPI_TARGET), ==, isnan (cases[i].target) ? 0 : 1);
            for (guint k = 0; k < hd_chart_layout_get_n_items (layout); k++)
              {
                const HdChartItem *item = hd_chart_layout_get_item (layout, k);

                if (item->kind != HD_CHART_ITEM_KPI_CHANGE)
                  continue;
                g_assert_cmpfloat (item->value, ==, cases[i].value - cases[i].previous);
                /* The sign is written, so the change reads without colour. */
                if (cases[i].change_prefix != NULL)
                  g_assert_true (g_str_has_prefix (item->text, cases[i].change_prefix));
              }
          }
      }
}

static void
test_hit_test (void)
{
  g_autoptr(HdChart) chart = make_chart (HD_CHART_BAR_VERTICAL, DATA_CHANNELS_BY_KIND);
  g_autoptr(HdChartLayout) layout = check_and_render (chart, &sizes[0], "vbar-hit-widget.png");
  cairo_rectangle_t plot;
  guint bars = 0;

  for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
    {
      const HdChartItem *item = hd_chart_layout_get_item (layout, i);
      const HdChartItem *hit;

      if (item->kind != HD_CHART_ITEM_BAR)
        continue;
      hit = hd_chart_layout_hit_test (layout, item->x + item->width / 2, item->y + item->height / 2);
      g_assert_true (hit == item);
      g_assert_cmpint (item->category, >=, 0);
      g_assert_cmpint (item->series, >=, 0);
      bars++;
    }
  /* 18 values, 2 of them zero. */
  g_assert_cmpuint (bars, ==, 16);

  g_assert_true (hd_chart_layout_get_plot_area (layout, &plot));
  g_assert_null (hd_chart_layout_hit_test (layout, 1, 1));
}

static void
test_format (void)
{
  g_autofree char *count = hd_chart_format_value (HD_CHART_FORMAT_INTEGER, 12);
  g_autofree char *negative = hd_chart_format_value (HD_CHART_FORMAT_INTEGER, -3);
  g_autofree char *percent = hd_chart_format_value (HD_CHART_FORMAT_PERCENT, 87.5);
  g_autofree char *whole = hd_chart_format_value (HD_CHART_FORMAT_PERCENT, 100);
  g_autofree char *hours = hd_chart_format_value (HD_CHART_FORMAT_HOURS, 3.5);

  g_assert_cmpstr (count, ==, "12");
  g_assert_cmpstr (negative, ==, "\u22123");
  g_assert_cmpstr (percent, ==, "87.5%");
  g_assert_cmpstr (whole, ==, "100%");
  g_assert_cmpstr (hours, ==, "3.5 h");
}

static gboolean
file_starts_with (const char *path,
                  const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return len > strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

static void
test_save_files (void)
{
  g_autoptr(HdChart) chart = make_chart (HD_CHART_STACKED_VERTICAL, DATA_CHANNELS_BY_KIND);
  g_autofree char *png = sample_path ("save-300dpi.png");
  g_autofree char *svg = sample_path ("save.svg");
  g_autofree char *pdf = sample_path ("save.pdf");
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "no", "such", "folder", "c.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_chart_save_png (chart, png, 2000, 1250, 2000.0 / 480.0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (png, "\x89PNG"));
  g_assert_true (hd_chart_save_svg (chart, svg, 480, 300, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (svg, "<?xml"));
  g_assert_true (hd_chart_save_pdf (chart, pdf, 480, 300, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (pdf, "%PDF"));

  g_assert_false (hd_chart_save_png (chart, bad, 300, 200, 1, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (hd_chart_save_pdf (chart, bad, 300, 200, NULL, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
}

/* Several charts on one A4 page, as the monthly report will place them; fonts must be embedded. */
static void
test_a4_page (void)
{
  g_autofree char *path = sample_path ("a4-page.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  HdChartStyle style;
  struct { HdChartKind kind; DataSet data; double x, y, w, h; } blocks[] = {
    { HD_CHART_KPI, 0, 40, 40, 160, 80 },
    { HD_CHART_KPI, 0, 217, 40, 160, 80 },
    { HD_CHART_KPI, 0, 394, 40, 160, 80 },
    { HD_CHART_BAR_HORIZONTAL, DATA_TOPICS, 40, 135, 515, 220 },
    { HD_CHART_STACKED_VERTICAL, DATA_CHANNELS_BY_KIND, 40, 370, 515, 230 },
    { HD_CHART_LINE, DATA_MONTHS, 40, 615, 515, 190 },
  };
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");

  hd_chart_style_init (&style, HD_CHART_THEME_PRINT, 9);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autoptr(HdChart) chart = NULL;
      g_autoptr(HdChartLayout) layout = NULL;

      if (blocks[i].kind == HD_CHART_KPI)
        {
          chart = hd_chart_new (HD_CHART_KPI);
          hd_chart_set_title (chart, i == 0 ? "Обращений за месяц" : i == 1 ? "Решено в срок" : "Медиана первого ответа");
          hd_chart_set_format (chart, i == 0 ? HD_CHART_FORMAT_INTEGER : i == 1 ? HD_CHART_FORMAT_PERCENT : HD_CHART_FORMAT_HOURS);
          hd_chart_set_kpi (chart, i == 0 ? 112 : i == 1 ? 91 : 2.5, i == 0 ? 100 : i == 1 ? 94 : 4);
          hd_chart_set_higher_is_better (chart, i != 2);
          if (i == 1)
            hd_chart_set_target (chart, 100);
        }
      else
        chart = make_chart (blocks[i].kind, blocks[i].data);

      cairo_save (cr);
      cairo_translate (cr, blocks[i].x, blocks[i].y);
      layout = hd_chart_layout (chart, cr, blocks[i].w, blocks[i].h, &style);
      hd_chart_layout_paint (layout, cr);
      assert_texts_inside_and_apart (layout, blocks[i].w, blocks[i].h, "a4 page");
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (pdffonts == NULL)
    {
      g_test_message ("pdffonts not installed; embedding not checked");
      return;
    }

  {
    const char *argv[] = { pdffonts, path, NULL };
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    int status;
    guint fonts = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    lines = g_strsplit (out, "\n", -1);
    /* Two header lines, then one line per font with “emb” as the fifth-from-last column. */
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) cols = NULL;
        guint n;

        if (*lines[i] == '\0')
          continue;
        cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        {
          g_autoptr(GPtrArray) words = g_ptr_array_new ();

          for (guint k = 0; cols[k] != NULL; k++)
            if (*cols[k] != '\0')
              g_ptr_array_add (words, cols[k]);
          n = words->len;
          g_assert_cmpuint (n, >=, 7);
          g_assert_cmpstr (g_ptr_array_index (words, n - 5), ==, "yes");
        }
        fonts++;
      }
    g_assert_cmpuint (fonts, >=, 1);
  }
}

/* Odd sizes and odd data: whatever happens, nothing sticks out and nothing overlaps. */
static void
test_random (void)
{
  /* A fixed seed for CI; HD_TEST_SEED=n explores other cases. */
  const char *seed = g_getenv ("HD_TEST_SEED");
  GRand *rand = g_rand_new_with_seed (seed != NULL ? (guint32) g_ascii_strtoull (seed, NULL, 10) : 20261125);

  for (guint trial = 0; trial < 400; trial++)
    {
      HdChartKind kind = g_rand_int_range (rand, 0, HD_CHART_KPI + 1);
      guint n = g_rand_int_range (rand, 0, 45);
      guint m = g_rand_int_range (rand, 1, 5);
      double width = g_rand_double_range (rand, 40, 1600);
      double height = g_rand_double_range (rand, 30, 900);
      double font = g_rand_double_range (rand, 6, 24);
      g_autoptr(HdChart) chart = hd_chart_new (kind);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *what = g_strdup_printf ("random %u (kind %d, %u×%u, %.0fx%.0f, font %.1f)",
                                               trial, kind, n, m, width, height, font);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(HdChartLayout) layout = NULL;
      HdChartStyle style;

      hd_chart_set_format (chart, g_rand_int_range (rand, 0, 3));
      if (g_rand_boolean (rand))
        hd_chart_set_title (chart, topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))]);
      if (g_rand_boolean (rand))
        hd_chart_set_axis_title (chart, "Обращений");
      if (g_rand_int_range (rand, 0, 4) == 0)
        hd_chart_set_target (chart, g_rand_double_range (rand, 0, 120));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (labels, g_strdup (g_rand_boolean (rand) ? channels[i % G_N_ELEMENTS (channels)]
                                                                  : months[i % G_N_ELEMENTS (months)]));
      hd_chart_set_categories (chart, (const char * const *) labels->pdata, n);
      for (guint s = 0; s < m; s++)
        {
          g_autofree double *values = g_new0 (double, MAX (n, 1));

          for (guint i = 0; i < n; i++)
            {
              int pick = g_rand_int_range (rand, 0, 10);

              values[i] = pick == 0 ? NAN : pick == 1 ? -g_rand_double_range (rand, 0, 50) :
                          pick == 2 ? g_rand_double_range (rand, 0, 100000) :
                          round (g_rand_double_range (rand, 0, 40));
            }
          hd_chart_add_series (chart, g_rand_boolean (rand) ? "Сотрудники ОО" : "Родители (законные представители)",
                               values, n);
        }
      hd_chart_set_kpi (chart, g_rand_double_range (rand, -10, 5000), g_rand_boolean (rand) ? NAN : 17);

      hd_chart_style_init (&style, g_rand_int_range (rand, 0, 3), font);
      layout = hd_chart_layout (chart, cr, width, height, &style);
      hd_chart_layout_paint (layout, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      assert_texts_inside_and_apart (layout, width, height, what);
      for (guint i = 0; i < hd_chart_layout_get_n_items (layout); i++)
        {
          const HdChartItem *item = hd_chart_layout_get_item (layout, i);

          if (item->kind == HD_CHART_ITEM_BAR &&
              (item->x < -0.01 || item->y < -0.01 || item->x + item->width > width + 0.01 ||
               item->y + item->height > height + 0.01))
            g_error ("%s: a bar reaches outside: %g,%g %gx%g", what, item->x, item->y, item->width, item->height);
        }
      if (hd_chart_layout_get_value_axis (layout, NULL, NULL, NULL))
        {
          double min, max, step;

          hd_chart_layout_get_value_axis (layout, &min, &max, &step);
          g_assert_true (is_round_step (step));
          g_assert_cmpfloat (min, <=, 0);
          g_assert_cmpfloat (max, >=, 0);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/format", test_format);
  g_test_add_func ("/chart/axis-charts", test_axis_charts);
  g_test_add_func ("/chart/integer-axis", test_integer_axis);
  g_test_add_func ("/chart/huge-and-small", test_huge_and_small);
  g_test_add_func ("/chart/labels-adapt", test_labels_adapt);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/kpi", test_kpi);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/save-files", test_save_files);
  g_test_add_func ("/chart/a4-page", test_a4_page);
  g_test_add_func ("/chart/random", test_random);

  return g_test_run ();
}
