#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-core.sh [BUILD_DIR] [N] — the core's speed on a large database
#
# Generates N demo requests (default 1 000 000) into a temporary database, then times the
# journal's full-text search and a month's statistics, and prints a table with the targets:
# generation ≤ 15 s, search ≤ 20 ms, statistics ≤ 200 ms. The queries are judged by their CPU
# time (user + system), which a loaded machine disturbs less than the wall time; the generation
# by its wall time, as it builds the search index on a second core (CPU > wall by design), so
# run it on an idle machine. Both are printed. Build with -Dbuildtype=release first:
# ninja -C BUILD_DIR.
#
# The generation is one transaction in a rollback journal (hd_demo_generate()): the indexes of
# requests and request_events and the FTS insert trigger are set aside, the rows written while
# a second thread builds the search index from their texts, the index copied in, then the
# indexes built in one statement each (SQLite sorting on a worker thread). Its steps are listed
# before the table ("step: wall since the start, CPU since the start"), from the generator's
# debug log; the size of the database is printed last.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
n=${2:-1000000}
bench="$build/tests/bench/bench-core"

if [ ! -x "$bench" ]; then
  echo "bench-core.sh: $bench not found; build with: ninja -C $build" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hd-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "School Helpdesk core benchmark: $n requests"
echo "machine: $(nproc) CPU, load average $(cut -d' ' -f1-3 /proc/loadavg), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?')"

HD_WORKDAYS_DIR="${HD_WORKDAYS_DIR:-$here/../../data/workdays}" G_MESSAGES_DEBUG=hd-demo \
  /usr/bin/env time -f "generation and queries: %e s wall, %U s user, %S s system, %M KB peak" \
  "$bench" "$tmp/bench.db" "$n" 2>&1 | tr '\r' '\n' | grep -v -e '^ *[0-9]* / [0-9]*$' -e '^$' |
  sed 's/^.*hd-demo-DEBUG: [0-9:.]*: /  step /' || true

echo "database: $(du -h "$tmp/bench.db" | cut -f1)"
