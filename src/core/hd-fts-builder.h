/* hd-fts-builder.h — an FTS5 index built on a thread of its own, then copied in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index of requests_fts (hd-schema.c), for the bulk load of hd-demo.c; private to the core.
 */
#pragma once

#include "hd-database.h"

G_BEGIN_DECLS

typedef struct _HdFtsBuilder HdFtsBuilder;

HdFtsBuilder *hd_fts_builder_new    (const char    *create_sql,
                                     GError       **error);
void          hd_fts_builder_add    (HdFtsBuilder  *b,
                                     gint64         id,
                                     const char    *text,
                                     gsize          len);
gboolean      hd_fts_builder_finish (HdFtsBuilder  *b,
                                     HdDatabase    *db,
                                     GError       **error);
void          hd_fts_builder_free   (HdFtsBuilder  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdFtsBuilder, hd_fts_builder_free)

G_END_DECLS
