/* hd-demo.h — realistic demo data for screenshots, reports, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hd-database.h"

G_BEGIN_DECLS

/**
 * HdDemoProgressFunc:
 * @done: requests written so far
 * @total: requests to write
 * @user_data: the data given to hd_demo_generate()
 *
 * Called after every %HD_DEMO_BATCH_SIZE requests written (not yet committed: the whole
 * generation is one transaction), and with @done = @total at the very end, on the thread that
 * runs the generation. Building the indexes after the last batch takes two to three times as
 * long as writing the rows.
 */
typedef void (*HdDemoProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

/* Requests between progress reports and checks for cancellation */
#define HD_DEMO_BATCH_SIZE 20000

gboolean  hd_demo_generate        (HdDatabase          *db,
                                   guint                n_requests,
                                   guint32              seed,
                                   gint64               now,
                                   HdDemoProgressFunc   progress,
                                   gpointer             user_data,
                                   GCancellable        *cancellable,
                                   GError             **error);

void      hd_demo_generate_async  (HdDatabase          *db,
                                   guint                n_requests,
                                   guint32              seed,
                                   gint64               now,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  hd_demo_generate_finish (HdDatabase          *db,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
