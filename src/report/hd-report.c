/* hd-report.c — the report of a period: A4 pages for the deputy director, on paper or in a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is a list of blocks (headings, paragraphs, table rows, charts of a fixed height,
 * rows of KPI tiles) built once from the figures of hd-stats. A paginator lays them out top
 * down and breaks pages between blocks; the same layout counts the pages (for «из N») and
 * draws them, so the count can never disagree with what is printed. A table row that starts a
 * page is preceded by its table's header again. Every number comes from hd-stats: the report
 * only formats them.
 */
#define G_LOG_DOMAIN "hd-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hd-error.h"
#include "hd-report-text.h"
#include "hd-report.h"
#include "hd-settings-keys.h"

/* Page geometry in points: 20 mm on the left for the binder, 15 mm elsewhere */
#define MARGIN_LEFT    56.7
#define MARGIN_RIGHT   42.5
#define MARGIN_TOP     42.5
#define MARGIN_BOTTOM  56.7
#define FOOTER_GAP     14.0

#define TITLE_SIZE     14.0
#define HEADING_SIZE   12.0
#define BODY_SIZE      10.0
#define TABLE_SIZE      9.0
#define SMALL_SIZE      8.0
#define CHART_FONT      8.0

#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0
#define HAIRLINE        0.5
#define KPI_HEIGHT     72.0
#define KPI_GAP         8.0
#define KPIS_PER_ROW    3

#define MAX_COLUMNS     6
#define NO_HEADER       G_MAXUINT

typedef enum {
  BLOCK_SCHOOL,
  BLOCK_TITLE,
  BLOCK_NOTE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NO_DATA,
  BLOCK_TABLE_HEADER,
  BLOCK_TABLE_ROW,
  BLOCK_CHART,
  BLOCK_KPI_ROW,
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct {
  guint     n_columns;
  double    widths[MAX_COLUMNS];     /* fractions of the text width */
  gboolean  numeric[MAX_COLUMNS];    /* right-aligned */
  guint     header;                  /* index of the header block */
} Table;

typedef struct {
  BlockKind   kind;
  char       *text;
  char      **cells;
  guint       table;                 /* index into tables */
  gboolean    bold;
  gboolean    indent;
  HdChart    *charts[KPIS_PER_ROW];  /* one chart, or a row of KPI tiles */
  double      height;                /* charts, KPI rows, the signature: fixed */
  double      space_before;
  gboolean    keep_with_next;
} Block;

typedef struct {
  guint   block;
  guint   page;
  double  y;
  double  height;
} Placement;

struct _HdReport
{
  GObject parent_instance;

  /* Owned */
  HdPeriod    period;
  HdStats    *stats;
  GArray     *trend;          /* HdStatsTrendPoint */
  char       *school_name;
  int         deadline_days;
  GArray     *blocks;         /* Block */
  GArray     *tables;         /* Table */

  /* The last pagination, for the page size it was made for */
  double      laid_out_width;
  double      laid_out_height;
  guint       n_pages;
  GArray     *placements;     /* Placement */
};

G_DEFINE_FINAL_TYPE (HdReport, hd_report, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------------------------- */
/* Formatting (never computing) the figures                                                   */

static char *
format_count (guint value)
{
  return g_strdup_printf ("%'u", value);
}

static char *
format_hours (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("—");
  return hd_chart_format_value (HD_CHART_FORMAT_HOURS, (double) seconds / 3600.0);
}

static char *
format_share (double share)
{
  if (share < 0)
    return g_strdup ("—");
  return hd_chart_format_value (HD_CHART_FORMAT_PERCENT, share * 100.0);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  return g_date_time_format (dt, format);
}

/* NAN, which the charts read as "no value", for a figure hd-stats has no data for */
static double
or_nan (double value)
{
  return value < 0 ? NAN : value;
}

/* ---------------------------------------------------------------------------------------- */
/* Blocks                                                                                     */

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->cells, g_strfreev);
  for (guint i = 0; i < KPIS_PER_ROW; i++)
    g_clear_pointer (&block->charts[i], hd_chart_unref);
}

static Block *
add_block (HdReport  *self,
           BlockKind  kind,
           const char *text)
{
  Block block = { 0 };

  block.kind = kind;
  block.text = g_strdup (text);
  block.table = NO_HEADER;
  switch (kind)
    {
    case BLOCK_HEADING:
      block.space_before = 18;
      block.keep_with_next = TRUE;
      break;
    case BLOCK_SUBHEADING:
      block.space_before = 10;
      block.keep_with_next = TRUE;
      break;
    case BLOCK_TITLE:
    case BLOCK_NOTE:
    case BLOCK_PARAGRAPH:
    case BLOCK_NO_DATA:
    case BLOCK_CHART:
    case BLOCK_KPI_ROW:
      block.space_before = 6;
      break;
    case BLOCK_SIGNATURE:
      block.space_before = 30;
      break;
    case BLOCK_SCHOOL:
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
    default:
      break;
    }
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/* Starts a table: @spec is "weight:align" per column, e.g. "5:l", "1:r"; the header row is
 * the labels. Rows follow with add_row(). */
static guint
add_table (HdReport           *self,
           const double       *weights,
           const gboolean     *numeric,
           const char * const *labels,
           guint               n_columns)
{
  Table table = { 0 };
  double sum = 0;
  Block *header;

  g_assert (n_columns > 0 && n_columns <= MAX_COLUMNS);

  table.n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    sum += weights[i];
  for (guint i = 0; i < n_columns; i++)
    {
      table.widths[i] = weights[i] / sum;
      table.numeric[i] = numeric[i];
    }
  table.header = self->blocks->len;
  g_array_append_val (self->tables, table);

  header = add_block (self, BLOCK_TABLE_HEADER, NULL);
  header->table = self->tables->len - 1;
  header->cells = g_strdupv ((char **) labels);
  header->space_before = 6;
  header->keep_with_next = TRUE;
  return self->tables->len - 1;
}

/* Takes the cells (a NULL-terminated list of owned strings) */
static void
add_row_take (HdReport  *self,
              guint      table,
              char     **cells,
              gboolean   bold,
              gboolean   indent)
{
  Block *row = add_block (self, BLOCK_TABLE_ROW, NULL);

  g_assert (g_strv_length (cells) == g_array_index (self->tables, Table, table).n_columns);
  row->table = table;
  row->cells = cells;
  row->bold = bold;
  row->indent = indent;
}

/* A row of a count this period and the same count in the previous one */
static void
add_count_row (HdReport   *self,
               guint       table,
               const char *label,
               guint       current,
               guint       previous,
               gboolean    bold,
               gboolean    indent)
{
  char **cells = g_new0 (char *, 4);

  cells[0] = g_strdup (label);
  cells[1] = format_count (current);
  cells[2] = format_count (previous);
  add_row_take (self, table, cells, bold, indent);
}

static guint
add_count_table (HdReport   *self,
                 const char *first_column)
{
  static const double weights[] = { 6, 2, 2 };
  static const gboolean numeric[] = { FALSE, TRUE, TRUE };
  const char *labels[] = {
    first_column,
    _("This period"),
    _("Previous period"),
    NULL
  };

  return add_table (self, weights, numeric, labels, 3);
}

static void
add_chart (HdReport *self,
           HdChart  *chart,
           double    height)
{
  Block *block = add_block (self, BLOCK_CHART, NULL);

  block->charts[0] = chart;
  block->height = height;
}

static void
add_no_data (HdReport *self)
{
  add_block (self, BLOCK_NO_DATA, _("No data for the period."));
}

static void
add_heading (HdReport   *self,
             guint      *number,
             const char *text)
{
  g_autofree char *numbered = NULL;

  *number += 1;
  /* Translators: a numbered section heading of the report: %u is its number, %s the heading */
  numbered = g_strdup_printf (_("%u. %s"), *number, text);
  add_block (self, BLOCK_HEADING, numbered);
}

/* ---------------------------------------------------------------------------------------- */
/* Charts and KPI tiles, shared with the reports view                                         */

static HdChart *
new_bar_chart (HdReport           *self,
               HdChartKind         kind,
               const char         *title,
               const char * const *labels,
               const guint        *current,
               const guint        *previous,
               guint               n)
{
  HdChart *chart = hd_chart_new (kind);
  g_autofree double *values = g_new (double, n);
  g_autofree double *before = g_new (double, n);
  g_autofree char *current_title = hd_period_get_title (&self->stats->current.period);
  g_autofree char *previous_title = hd_period_get_title (&self->stats->previous.period);

  for (guint i = 0; i < n; i++)
    {
      values[i] = current[i];
      before[i] = previous[i];
    }
  hd_chart_set_title (chart, title);
  hd_chart_set_format (chart, HD_CHART_FORMAT_INTEGER);
  hd_chart_set_categories (chart, labels, n);
  hd_chart_add_series (chart, current_title, values, n);
  hd_chart_add_series (chart, previous_title, before, n);
  return chart;
}

static HdChart *
new_enum_chart (HdReport    *self,
                HdEnumKind   kind,
                const char  *title,
                const guint *current,
                const guint *previous)
{
  guint n = hd_enum_count (kind);
  g_autofree const char **labels = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = hd_enum_label (kind, i);
  return new_bar_chart (self, HD_CHART_BAR_HORIZONTAL, title, labels, current, previous, n);
}

static char **
trend_labels (HdReport *self)
{
  char **labels = g_new0 (char *, self->trend->len + 1);

  for (guint i = 0; i < self->trend->len; i++)
    {
      const HdStatsTrendPoint *point = &g_array_index (self->trend, HdStatsTrendPoint, i);

      /* Translators: a month on the axis of a 12-month trend, in g_date_time_format()
       * notation: %m the month's number, %Y the year */
      /* xgettext:no-c-format */
      labels[i] = format_date (&point->month.first, C_("trend month", "%m.%Y"));
    }
  return labels;
}

/**
 * hd_report_create_chart:
 * @self: a report
 * @which: which chart
 *
 * One of the report's charts, built from its figures; the reports view draws it on screen
 * and the report on paper. The category index of a bar is the enum value (#HdChannel,
 * #HdRequesterKind, #HdTopic) or the month of the trend (0 the oldest).
 *
 * Returns: (transfer full): the chart
 */
HdChart *
hd_report_create_chart (HdReport      *self,
                        HdReportChart  which)
{
  const HdStatsRequests *cur, *prev;

  g_return_val_if_fail (HD_IS_REPORT (self), NULL);
  g_return_val_if_fail (which < HD_REPORT_N_CHARTS, NULL);

  cur = &self->stats->current.requests;
  prev = &self->stats->previous.requests;

  switch (which)
    {
    case HD_REPORT_CHART_BY_CHANNEL:
      return new_enum_chart (self, HD_ENUM_CHANNEL, _("Requests by channel"),
                             cur->by_channel, prev->by_channel);

    case HD_REPORT_CHART_BY_REQUESTER:
      return new_enum_chart (self, HD_ENUM_REQUESTER_KIND, _("Requests by requester"),
                             cur->by_requester_kind, prev->by_requester_kind);

    case HD_REPORT_CHART_BY_TOPIC:
      return new_enum_chart (self, HD_ENUM_TOPIC, _("Requests by topic"),
                             cur->by_topic, prev->by_topic);

    case HD_REPORT_CHART_OUTCOME:
      {
        const char *labels[] = {
          C_("outcome", "Resolved"),
          C_("outcome", "Rejected"),
          C_("outcome", "Escalated to the vendor"),
          C_("outcome", "Open"),
        };
        guint current[] = {
          cur->by_status[HD_STATUS_RESOLVED], cur->by_status[HD_STATUS_REJECTED],
          cur->escalated, cur->open,
        };
        guint previous[] = {
          prev->by_status[HD_STATUS_RESOLVED], prev->by_status[HD_STATUS_REJECTED],
          prev->escalated, prev->open,
        };

        return new_bar_chart (self, HD_CHART_BAR_HORIZONTAL, _("Outcome of requests"),
                              labels, current, previous, G_N_ELEMENTS (labels));
      }

    case HD_REPORT_CHART_TREND_VOLUME:
    case HD_REPORT_CHART_TREND_ON_TIME:
    default:
      {
        HdChart *chart = hd_chart_new (HD_CHART_LINE);
        g_auto(GStrv) labels = trend_labels (self);
        g_autofree double *values = g_new (double, self->trend->len);
        gboolean volume = which == HD_REPORT_CHART_TREND_VOLUME;

        for (guint i = 0; i < self->trend->len; i++)
          {
            const HdStatsTrendPoint *point = &g_array_index (self->trend, HdStatsTrendPoint, i);

            values[i] = volume ? point->requests : or_nan (point->on_time_rate * 100.0);
          }
        hd_chart_set_categories (chart, (const char * const *) labels, self->trend->len);
        if (volume)
          {
            hd_chart_set_title (chart, _("Requests per month"));
            hd_chart_set_format (chart, HD_CHART_FORMAT_INTEGER);
            hd_chart_add_series (chart, _("Requests"), values, self->trend->len);
          }
        else
          {
            hd_chart_set_title (chart, _("New employees trained on time, per month"));
            hd_chart_set_format (chart, HD_CHART_FORMAT_PERCENT);
            hd_chart_add_series (chart, _("Trained on time"), values, self->trend->len);
            hd_chart_set_target (chart, 100);
          }
        return chart;
      }
    }
}

/**
 * hd_report_create_kpi:
 * @self: a report
 * @which: which key figure
 *
 * A KPI tile of a key figure with its change from the previous period.
 *
 * Returns: (transfer full): the tile, a %HD_CHART_KPI chart
 */
HdChart *
hd_report_create_kpi (HdReport    *self,
                      HdReportKpi  which)
{
  const HdStatsFigures *cur, *prev;
  HdChart *chart;

  g_return_val_if_fail (HD_IS_REPORT (self), NULL);
  g_return_val_if_fail (which < HD_REPORT_N_KPIS, NULL);

  cur = &self->stats->current;
  prev = &self->stats->previous;
  chart = hd_chart_new (HD_CHART_KPI);

  switch (which)
    {
    case HD_REPORT_KPI_REQUESTS:
      hd_chart_set_title (chart, _("Requests received"));
      hd_chart_set_kpi (chart, cur->requests.total, prev->requests.total);
      /* More requests is neither good nor bad: the arrow says which way, not a colour */
      hd_chart_set_neutral (chart, TRUE);
      break;

    case HD_REPORT_KPI_RESOLVED:
      hd_chart_set_title (chart, _("Requests resolved"));
      hd_chart_set_kpi (chart, cur->requests.by_status[HD_STATUS_RESOLVED],
                        prev->requests.by_status[HD_STATUS_RESOLVED]);
      /* It follows the number received; the share within the term says how well */
      hd_chart_set_neutral (chart, TRUE);
      break;

    case HD_REPORT_KPI_OPEN:
      hd_chart_set_title (chart, _("Still open"));
      hd_chart_set_kpi (chart, cur->requests.open, prev->requests.open);
      hd_chart_set_higher_is_better (chart, FALSE);
      break;

    case HD_REPORT_KPI_FIRST_RESPONSE:
      hd_chart_set_title (chart, _("First response, median"));
      hd_chart_set_format (chart, HD_CHART_FORMAT_HOURS);
      hd_chart_set_kpi (chart, or_nan (cur->requests.first_response.median) / 3600.0,
                        or_nan (prev->requests.first_response.median) / 3600.0);
      hd_chart_set_higher_is_better (chart, FALSE);
      break;

    case HD_REPORT_KPI_WITHIN_TERM:
      hd_chart_set_title (chart, _("Resolved within the term"));
      hd_chart_set_format (chart, HD_CHART_FORMAT_PERCENT);
      hd_chart_set_kpi (chart, or_nan (cur->requests.resolution_term.share) * 100.0,
                        or_nan (prev->requests.resolution_term.share) * 100.0);
      break;

    case HD_REPORT_KPI_ON_TIME:
    default:
      hd_chart_set_title (chart, _("New employees trained on time"));
      hd_chart_set_format (chart, HD_CHART_FORMAT_PERCENT);
      hd_chart_set_kpi (chart, or_nan (cur->newcomers.on_time_rate) * 100.0,
                        or_nan (prev->newcomers.on_time_rate) * 100.0);
      hd_chart_set_target (chart, 100);
      break;
    }
  return chart;
}

/* ---------------------------------------------------------------------------------------- */
/* The content                                                                                */

static void
build_requests_sections (HdReport *self,
                         guint    *section)
{
  const HdStatsRequests *cur = &self->stats->current.requests;
  const HdStatsRequests *prev = &self->stats->previous.requests;
  gboolean has_requests = cur->total > 0;
  guint table;

  /* Channels and requester kinds */
  add_heading (self, section, _("Requests by channel and by requester"));
  if (!has_requests)
    add_no_data (self);
  else
    {
      table = add_count_table (self, _("Channel"));
      for (guint i = 0; i < HD_N_CHANNELS; i++)
        add_count_row (self, table, hd_enum_label (HD_ENUM_CHANNEL, i),
                       cur->by_channel[i], prev->by_channel[i], FALSE, FALSE);
      add_count_row (self, table, _("Total"), cur->total, prev->total, TRUE, FALSE);
      add_chart (self, hd_report_create_chart (self, HD_REPORT_CHART_BY_CHANNEL), 170);

      table = add_count_table (self, _("Requester kind"));
      for (guint i = 0; i < HD_N_REQUESTER_KINDS; i++)
        add_count_row (self, table, hd_enum_label (HD_ENUM_REQUESTER_KIND, i),
                       cur->by_requester_kind[i], prev->by_requester_kind[i], FALSE, FALSE);
      add_count_row (self, table, _("Total"), cur->total, prev->total, TRUE, FALSE);
      add_chart (self, hd_report_create_chart (self, HD_REPORT_CHART_BY_REQUESTER), 130);
    }

  /* Topics */
  add_heading (self, section, _("Requests by topic"));
  if (!has_requests)
    add_no_data (self);
  else
    add_chart (self, hd_report_create_chart (self, HD_REPORT_CHART_BY_TOPIC), 230);

  /* Outcome */
  add_heading (self, section, _("Outcome of requests"));
  if (!has_requests)
    add_no_data (self);
  else
    {
      table = add_count_table (self, _("Outcome"));
      add_count_row (self, table, _("Resolved"), cur->by_status[HD_STATUS_RESOLVED],
                     prev->by_status[HD_STATUS_RESOLVED], FALSE, FALSE);
      add_count_row (self, table, _("Rejected"), cur->by_status[HD_STATUS_REJECTED],
                     prev->by_status[HD_STATUS_REJECTED], FALSE, FALSE);
      for (guint i = 0; i < HD_N_REJECTION_REASONS; i++)
        {
          /* Translators: a row under “Rejected”: %s is the reason */
          g_autofree char *label = g_strdup_printf (_("of which: %s"),
                                                    hd_enum_label (HD_ENUM_REJECTION_REASON, i));

          add_count_row (self, table, label, cur->rejected_by_reason[i],
                         prev->rejected_by_reason[i], FALSE, TRUE);
        }
      add_count_row (self, table, _("Escalated to the «Dnevnik.ru» support service"),
                     cur->escalated, prev->escalated, FALSE, FALSE);
      add_count_row (self, table, _("Open on the date of the report"), cur->open, prev->open,
                     FALSE, FALSE);
      add_count_row (self, table, _("Open at the end of the period"), cur->open_at_end,
                     prev->open_at_end, FALSE, FALSE);
      add_count_row (self, table, _("Repeat requests"), cur->repeats, prev->repeats, FALSE, FALSE);
    }

  /* Times */
  add_heading (self, section, _("Time to first response and to resolution"));
  if (cur->first_response.count == 0 && cur->resolution.count == 0)
    add_no_data (self);
  else
    {
      static const double weights[] = { 3.8, 1.8, 2.1, 2.1, 2.4, 1.8 };
      static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
      const char *labels[] = {
        _("Measure"), _("Median"), _("90th percentile"), _("Term"),
        _("Within / after the term"), _("Share within the term"), NULL
      };
      struct {
        const char             *label;
        const HdStatsDurations *durations;
        const HdStatsTerm      *term;
      } rows[] = {
        { _("First response"), &cur->first_response, &cur->first_response_term },
        { _("Resolution"), &cur->resolution, &cur->resolution_term },
        { _("Stay with the «Dnevnik.ru» support service"), &cur->vendor, NULL },
      };

      add_block (self, BLOCK_PARAGRAPH,
                 _("In working hours of the production calendar. The clock stops while the "
                   "requester is asked for information and while the request is with the "
                   "«Dnevnik.ru» support service."));
      table = add_table (self, weights, numeric, labels, 6);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          char **cells = g_new0 (char *, 7);

          cells[0] = g_strdup (rows[i].label);
          cells[1] = format_hours (rows[i].durations->median);
          cells[2] = format_hours (rows[i].durations->p90);
          if (rows[i].term != NULL)
            {
              cells[3] = format_hours (rows[i].term->term);
              cells[4] = g_strdup_printf ("%'u / %'u", rows[i].term->within, rows[i].term->late);
              cells[5] = format_share (rows[i].term->share);
            }
          else
            {
              cells[3] = g_strdup ("—");
              cells[4] = g_strdup ("—");
              cells[5] = g_strdup ("—");
            }
          add_row_take (self, table, cells, FALSE, FALSE);
        }
    }

  /* Callbacks */
  add_heading (self, section, _("Callbacks"));
  if (cur->callbacks_requested == 0)
    add_no_data (self);
  else
    {
      table = add_count_table (self, _("Callbacks"));
      add_count_row (self, table, _("Callbacks requested"), cur->callbacks_requested,
                     prev->callbacks_requested, FALSE, FALSE);
      add_count_row (self, table, _("Callbacks made"), cur->callbacks_made,
                     prev->callbacks_made, FALSE, FALSE);
    }
}

static void
build_onboarding_section (HdReport *self,
                          guint    *section)
{
  const HdStatsNewcomers *cur = &self->stats->current.newcomers;
  const HdStatsNewcomers *prev = &self->stats->previous.newcomers;
  g_autofree char *rule = NULL;
  guint table;

  add_heading (self, section, _("Training of new employees"));
  if (cur->started == 0)
    {
      add_no_data (self);
      return;
    }

  rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %d is a number of working days */
                                       "A new employee is trained within %d working day of "
                                       "taking up the post.",
                                       "A new employee is trained within %d working days of "
                                       "taking up the post.", self->deadline_days),
                          self->deadline_days);
  add_block (self, BLOCK_PARAGRAPH, rule);

  table = add_count_table (self, _("New employees"));
  add_count_row (self, table, _("Took up the post"), cur->started, prev->started, TRUE, FALSE);
  add_count_row (self, table, _("Trained on time"), cur->trained_on_time, prev->trained_on_time,
                 FALSE, TRUE);
  add_count_row (self, table, _("Trained late"), cur->trained_late, prev->trained_late,
                 FALSE, TRUE);
  add_count_row (self, table, _("Not trained, overdue"), cur->overdue, prev->overdue, FALSE, TRUE);
  add_count_row (self, table, _("Not trained, term not over yet"), cur->waiting, prev->waiting,
                 FALSE, TRUE);
  {
    char **cells = g_new0 (char *, 4);

    cells[0] = g_strdup (_("Share trained on time"));
    cells[1] = format_share (cur->on_time_rate);
    cells[2] = format_share (prev->on_time_rate);
    add_row_take (self, table, cells, TRUE, FALSE);
  }

  add_block (self, BLOCK_SUBHEADING, _("Overdue training"));
  if (cur->overdue_people == NULL || cur->overdue_people->len == 0)
    {
      add_block (self, BLOCK_PARAGRAPH, _("No new employee of the period is overdue."));
      return;
    }

  {
    static const double weights[] = { 0.8, 5, 3.6, 2.6, 2.3, 2.6 };
    static const gboolean numeric[] = { TRUE, FALSE, FALSE, TRUE, TRUE, TRUE };
    const char *labels[] = {
      C_("table column", "No."), _("Employee"), _("Post"), _("Took up the post on"),
      _("Training due"), _("Working days overdue"), NULL
    };

    table = add_table (self, weights, numeric, labels, 6);
    for (guint i = 0; i < cur->overdue_people->len; i++)
      {
        const HdStatsOverdue *person = g_ptr_array_index (cur->overdue_people, i);
        char **cells = g_new0 (char *, 7);

        cells[0] = g_strdup_printf ("%u", i + 1);
        cells[1] = g_strdup (person->name);
        cells[2] = g_strdup (person->position != NULL && *person->position ? person->position
                                                                           : "—");
        /* Translators: a date in a table of the report, g_date_time_format() notation */
        /* xgettext:no-c-format */
        cells[3] = format_date (&person->started_on, C_("report date", "%d.%m.%Y"));
        /* xgettext:no-c-format */
        cells[4] = format_date (&person->due_on, C_("report date", "%d.%m.%Y"));
        cells[5] = g_strdup_printf ("%d", person->days_overdue);
        add_row_take (self, table, cells, FALSE, FALSE);
      }
  }
}

static void
build_trend_section (HdReport *self,
                     guint    *section)
{
  gboolean any_requests = FALSE, any_newcomers = FALSE;

  add_heading (self, section, _("The last 12 months"));
  for (guint i = 0; i < self->trend->len; i++)
    {
      const HdStatsTrendPoint *point = &g_array_index (self->trend, HdStatsTrendPoint, i);

      any_requests |= point->requests > 0;
      any_newcomers |= point->on_time_rate >= 0;
    }
  if (!any_requests && !any_newcomers)
    {
      add_no_data (self);
      return;
    }
  if (any_requests)
    add_chart (self, hd_report_create_chart (self, HD_REPORT_CHART_TREND_VOLUME), 170);
  if (any_newcomers)
    add_chart (self, hd_report_create_chart (self, HD_REPORT_CHART_TREND_ON_TIME), 170);
}

static void
build (HdReport *self)
{
  g_autofree char *title = hd_report_get_title (self);
  g_autofree char *today = format_date (&self->stats->today, C_("report date", "%d.%m.%Y"));
  g_autofree char *previous = hd_period_get_title (&self->stats->previous.period);
  g_autofree char *note = NULL;
  guint section = 0;
  Block *block;

  add_block (self, BLOCK_SCHOOL, self->school_name);
  add_block (self, BLOCK_TITLE, title);
  /* Translators: under the report's title: %s is a date, the second %s the previous period */
  note = g_strdup_printf (_("Compiled on %s. Changes are against the previous period (%s)."),
                          today, previous);
  add_block (self, BLOCK_NOTE, note);

  add_heading (self, &section, _("Key figures"));
  for (guint i = 0; i < HD_REPORT_N_KPIS; i += KPIS_PER_ROW)
    {
      block = add_block (self, BLOCK_KPI_ROW, NULL);
      block->height = KPI_HEIGHT;
      for (guint k = 0; k < KPIS_PER_ROW && i + k < HD_REPORT_N_KPIS; k++)
        block->charts[k] = hd_report_create_kpi (self, i + k);
    }

  build_requests_sections (self, &section);
  build_onboarding_section (self, &section);
  build_trend_section (self, &section);

  block = add_block (self, BLOCK_SIGNATURE, NULL);
  block->height = 60;
}

/* ---------------------------------------------------------------------------------------- */
/* Layout and drawing                                                                         */

/* Lays out @text in @width and, when @draw, paints it at (@x, @y); returns its height */
static double
text_at (cairo_t        *cr,
         const char     *text,
         double          x,
         double          y,
         double          width,
         double          size,
         PangoWeight     weight,
         PangoStyle      style,
         PangoAlignment  align,
         gboolean        draw)
{
  return hd_report_draw_text (cr, text, x, y, width, size, weight, style, align, draw);
}

static double
table_cell_x (const Table *table,
              guint        column,
              double       x,
              double       width)
{
  for (guint i = 0; i < column; i++)
    x += table->widths[i] * width;
  return x;
}

/* The height of a table row, or draws it in a box of @height */
static double
table_row (HdReport    *self,
           const Block *block,
           cairo_t     *cr,
           double       x,
           double       y,
           double       width,
           double       height,
           gboolean     draw)
{
  const Table *table = &g_array_index (self->tables, Table, block->table);
  gboolean header = block->kind == BLOCK_TABLE_HEADER;
  PangoWeight weight = header || block->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
  double tallest = 0;

  if (draw)
    {
      cairo_save (cr);
      if (header)
        {
          cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
          cairo_rectangle (cr, x, y, width, height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_set_line_width (cr, HAIRLINE);
      for (guint i = 0; i < table->n_columns; i++)
        {
          double cx = table_cell_x (table, i, x, width);

          cairo_rectangle (cr, cx, y, table->widths[i] * width, height);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cx = table_cell_x (table, i, x, width) + CELL_PAD_X;
      double cw = table->widths[i] * width - 2 * CELL_PAD_X;
      PangoAlignment align = header ? PANGO_ALIGN_CENTER
                                    : table->numeric[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      double indent = i == 0 && block->indent ? 10 : 0;

      double h = text_at (cr, block->cells[i], cx + indent, y + CELL_PAD_Y, cw - indent,
                          TABLE_SIZE, weight, PANGO_STYLE_NORMAL, align, draw);

      tallest = MAX (tallest, h);
    }
  return tallest + 2 * CELL_PAD_Y;
}

static void
kpi_row (const Block *block,
         cairo_t     *cr,
         double       x,
         double       y,
         double       width)
{
  double tile_w = (width - (KPIS_PER_ROW - 1) * KPI_GAP) / KPIS_PER_ROW;
  HdChartStyle style;

  hd_chart_style_init (&style, HD_CHART_THEME_PRINT, CHART_FONT);
  style.paint_background = FALSE;

  for (guint k = 0; k < KPIS_PER_ROW; k++)
    {
      double tx = x + k * (tile_w + KPI_GAP);

      if (block->charts[k] == NULL)
        continue;
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, HAIRLINE);
      cairo_rectangle (cr, tx, y, tile_w, block->height);
      cairo_stroke (cr);
      cairo_translate (cr, tx + 6, y + 5);
      hd_chart_draw (block->charts[k], cr, tile_w - 12, block->height - 10, &style);
      cairo_restore (cr);
    }
}

static void
signature (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           gboolean draw)
{
  text_at (cr, _("Deputy director for academic affairs ____________ / ______________ /"),
           x, y, width, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, draw);
  text_at (cr, _("Date: «____» ______________ 20____"), x, y + 30, width, BODY_SIZE,
           PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, draw);
}

/* The height of @block at @width, or draws it at (@x, @y) in @height */
static double
block_paint (HdReport    *self,
             const Block *block,
             cairo_t     *cr,
             double       x,
             double       y,
             double       width,
             double       height,
             gboolean     draw)
{
  switch (block->kind)
    {
    case BLOCK_SCHOOL:
      return text_at (cr, block->text, x, y, width, BODY_SIZE + 1, PANGO_WEIGHT_NORMAL,
                      PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, draw);
    case BLOCK_TITLE:
      return text_at (cr, block->text, x + 20, y, width - 40, TITLE_SIZE, PANGO_WEIGHT_BOLD,
                      PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, draw);
    case BLOCK_NOTE:
      if (draw)
        cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      height = text_at (cr, block->text, x, y, width, SMALL_SIZE + 1, PANGO_WEIGHT_NORMAL,
                        PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, draw);
      cairo_set_source_rgb (cr, 0, 0, 0);
      return height;
    case BLOCK_HEADING:
      return text_at (cr, block->text, x, y, width, HEADING_SIZE, PANGO_WEIGHT_BOLD,
                      PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, draw);
    case BLOCK_SUBHEADING:
      return text_at (cr, block->text, x, y, width, BODY_SIZE + 0.5, PANGO_WEIGHT_BOLD,
                      PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, draw);
    case BLOCK_PARAGRAPH:
      return text_at (cr, block->text, x, y, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                      PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, draw);
    case BLOCK_NO_DATA:
      return text_at (cr, block->text, x, y, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                      PANGO_STYLE_ITALIC, PANGO_ALIGN_LEFT, draw);
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      return table_row (self, block, cr, x, y, width, height, draw);
    case BLOCK_CHART:
      if (draw)
        {
          HdChartStyle style;

          hd_chart_style_init (&style, HD_CHART_THEME_PRINT, CHART_FONT);
          style.paint_background = FALSE;
          cairo_save (cr);
          cairo_translate (cr, x, y);
          hd_chart_draw (block->charts[0], cr, width, block->height, &style);
          cairo_restore (cr);
        }
      return block->height;
    case BLOCK_KPI_ROW:
      if (draw)
        kpi_row (block, cr, x, y, width);
      return block->height;
    case BLOCK_SIGNATURE:
    default:
      if (draw)
        signature (cr, x, y, width, draw);
      return block->height;
    }
}

static void
place (GArray *placements,
       guint   block,
       guint   page,
       double  y,
       double  height)
{
  Placement p = { block, page, y, height };

  g_array_append_val (placements, p);
}

/* Lays the blocks out on pages of @page_width × @page_height; cached for the last size */
static void
paginate (HdReport *self,
          double    page_width,
          double    page_height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = page_width - MARGIN_LEFT - MARGIN_RIGHT;
  double top = MARGIN_TOP, bottom = page_height - MARGIN_BOTTOM;
  g_autofree double *heights = NULL;
  double y = top;
  guint page = 0;

  if (self->placements != NULL && self->laid_out_width == page_width &&
      self->laid_out_height == page_height)
    return;

  g_clear_pointer (&self->placements, g_array_unref);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->laid_out_width = page_width;
  self->laid_out_height = page_height;

  /* A recording surface measures text as a vector surface does: no hinted metrics */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);

  heights = g_new (double, self->blocks->len);
  for (guint i = 0; i < self->blocks->len; i++)
    heights[i] = block_paint (self, &g_array_index (self->blocks, Block, i), cr, 0, 0, width, 0,
                              FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      double space = y > top ? block->space_before : 0;
      double need = space + heights[i];

      /* A heading stays with what follows it, a table header with its first row */
      for (guint j = i; j + 1 < self->blocks->len &&
                        g_array_index (self->blocks, Block, j).keep_with_next; j++)
        need += g_array_index (self->blocks, Block, j + 1).space_before + heights[j + 1];

      if (y + need > bottom && y > top)
        {
          page++;
          y = top;
          space = 0;
          if (block->kind == BLOCK_TABLE_ROW)
            {
              guint header = g_array_index (self->tables, Table, block->table).header;

              place (self->placements, header, page, y, heights[header]);
              y += heights[header];
            }
        }
      place (self->placements, i, page, y + space, heights[i]);
      y += space + heights[i];
    }
  self->n_pages = page + 1;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_footer (HdReport *self,
             cairo_t  *cr,
             guint     page,
             double    page_width,
             double    page_height)
{
  g_autofree char *period = hd_period_get_title (&self->period);

  hd_report_draw_footer (cr, period, page, self->n_pages, MARGIN_LEFT,
                         page_height - MARGIN_BOTTOM + FOOTER_GAP,
                         page_width - MARGIN_LEFT - MARGIN_RIGHT, SMALL_SIZE);
}

/* ---------------------------------------------------------------------------------------- */
/* GObject                                                                                    */

static void
hd_report_finalize (GObject *object)
{
  HdReport *self = HD_REPORT (object);

  g_clear_pointer (&self->stats, hd_stats_unref);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->school_name, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (hd_report_parent_class)->finalize (object);
}

static void
hd_report_class_init (HdReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_report_finalize;
}

static void
hd_report_init (HdReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->tables = g_array_new (FALSE, TRUE, sizeof (Table));
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                 */

/**
 * hd_report_new:
 * @db: the database
 * @workdays: the production calendar
 * @period: the period of the report
 * @now: the moment the report is made for, Unix seconds (statuses, "overdue now")
 * @error: return location for an error
 *
 * Computes the figures of @period, of the period before it and of the 12 months up to its
 * last month, once; the report is then drawn from them any number of times. Call it in a
 * worker thread with its own connection (hd_database_open_connection()) from the UI.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
HdReport *
hd_report_new (HdDatabase      *db,
               HdWorkdays      *workdays,
               const HdPeriod  *period,
               gint64           now,
               GError         **error)
{
  g_autoptr(HdReport) self = NULL;
  HdPeriod last_month;

  g_return_val_if_fail (HD_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HD_IS_WORKDAYS (workdays), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HD_TYPE_REPORT, NULL);
  self->period = *period;

  self->stats = hd_stats_compute (db, workdays, period, now, error);
  if (self->stats == NULL)
    return NULL;

  hd_period_init_containing (&last_month, HD_PERIOD_MONTH, &period->last);
  self->trend = hd_stats_trend (db, workdays, &last_month, 12, now, error);
  if (self->trend == NULL)
    return NULL;

  self->school_name = hd_database_get_setting (db, HD_SETTING_SCHOOL_NAME, HD_DEFAULT_SCHOOL_NAME);
  self->deadline_days = hd_database_get_setting_int (db, HD_SETTING_DEADLINE_DAYS,
                                                     HD_DEFAULT_DEADLINE_DAYS);
  build (self);
  return g_steal_pointer (&self);
}

/**
 * hd_report_get_period:
 * @self: a report
 *
 * Returns: (transfer none): the period of the report
 */
const HdPeriod *
hd_report_get_period (HdReport *self)
{
  g_return_val_if_fail (HD_IS_REPORT (self), NULL);

  return &self->period;
}

/**
 * hd_report_get_stats:
 * @self: a report
 *
 * Returns: (transfer none): the figures the report shows
 */
HdStats *
hd_report_get_stats (HdReport *self)
{
  g_return_val_if_fail (HD_IS_REPORT (self), NULL);

  return self->stats;
}

/**
 * hd_report_get_trend:
 * @self: a report
 *
 * Returns: (transfer none) (element-type HdStatsTrendPoint): the 12 months up to the
 *   period's last month, the oldest first
 */
GArray *
hd_report_get_trend (HdReport *self)
{
  g_return_val_if_fail (HD_IS_REPORT (self), NULL);

  return self->trend;
}

/**
 * hd_report_get_title:
 * @self: a report
 *
 * Returns: (transfer full): the report's title, «Отчёт об оказании помощи … за ноябрь 2026 г.»
 */
char *
hd_report_get_title (HdReport *self)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (HD_IS_REPORT (self), NULL);

  period = hd_period_get_title (&self->period);
  /* Translators: the title of the report: %s is the period, e.g. “November 2026”,
   * “Quarter IV of 2026” or “2025/2026 school year” */
  return g_strdup_printf (_("Report on the help given to the participants of the educational "
                            "process in working with the «Dnevnik.ru» information system for %s"),
                          period);
}

/**
 * hd_report_get_n_pages:
 * @self: a report
 * @page_width: page width in points (%HD_REPORT_PAGE_WIDTH for A4)
 * @page_height: page height in points
 *
 * Returns: how many pages the report takes at this page size
 */
guint
hd_report_get_n_pages (HdReport *self,
                       double    page_width,
                       double    page_height)
{
  g_return_val_if_fail (HD_IS_REPORT (self), 0);
  g_return_val_if_fail (page_width > MARGIN_LEFT + MARGIN_RIGHT + 100, 0);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 100, 0);

  paginate (self, page_width, page_height);
  return self->n_pages;
}

/**
 * hd_report_draw_page:
 * @self: a report
 * @cr: where to draw; user units are points, the origin the page's top left corner
 * @page: the page, from 0
 * @page_width: page width in points
 * @page_height: page height in points
 *
 * Draws one page, margins included: on a PDF surface, a print context (with the full page
 * in use) or an image for a preview.
 */
void
hd_report_draw_page (HdReport *self,
                     cairo_t  *cr,
                     guint     page,
                     double    page_width,
                     double    page_height)
{
  double width = page_width - MARGIN_LEFT - MARGIN_RIGHT;

  g_return_if_fail (HD_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_width > MARGIN_LEFT + MARGIN_RIGHT + 100);
  g_return_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 100);

  paginate (self, page_width, page_height);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);

      if (p->page != page)
        continue;
      cairo_save (cr);
      block_paint (self, &g_array_index (self->blocks, Block, p->block), cr,
                   MARGIN_LEFT, p->y, width, p->height, TRUE);
      cairo_restore (cr);
    }
  draw_footer (self, cr, page, page_width, page_height);
  cairo_restore (cr);
}

static void
draw_page_cb (gpointer  user_data,
              cairo_t  *cr,
              guint     page,
              double    page_width,
              double    page_height)
{
  hd_report_draw_page (user_data, cr, page, page_width, page_height);
}

/**
 * hd_report_write_pdf:
 * @self: a report
 * @path: the PDF file to write (replaced only when the new one is complete)
 * @error: return location for an error
 *
 * Writes the report as an A4 PDF with its fonts embedded. Safe in a worker thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
hd_report_write_pdf (HdReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (HD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  title = hd_report_get_title (self);
  return hd_report_write_pdf_pages (path, title,
                                    hd_report_get_n_pages (self, HD_REPORT_PAGE_WIDTH,
                                                           HD_REPORT_PAGE_HEIGHT),
                                    HD_REPORT_PAGE_WIDTH, HD_REPORT_PAGE_HEIGHT,
                                    draw_page_cb, self, error);
}
