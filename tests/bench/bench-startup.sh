#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-startup.sh [BUILD_DIR] [RUNS] — the window's first frame against a bare libadwaita window
#
# Runs bench-startup --bare and --app (on a demo database of 5 000 requests) RUNS times each
# (default 15), alternating, each in its own Xvfb in ru_RU.UTF-8, by default and then with the
# cairo renderer for both, and compares the medians with
# the standing target: School Helpdesk paints its first frame within 1.3 × the time of a bare
# libadwaita window. It also prints when the journal's first rows are drawn: what the user waits
# for. Build with -Dbuildtype=release first.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
runs=${2:-15}
bench="$build/tests/bench/bench-startup"
app="$build/src/school-helpdesk"

for f in "$bench" "$app"; do
  if [ ! -x "$f" ]; then
    echo "bench-startup.sh: $f not found; build with: ninja -C $build" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hd-bench-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

export LANG=ru_RU.UTF-8
export GSETTINGS_SCHEMA_DIR="$build/data"
export HD_LOCALEDIR="$build/po"
export HD_WORKDAYS_DIR="${HD_WORKDAYS_DIR:-$here/../../data/workdays}"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"

"$app" --database "$tmp/demo.db" --generate-demo 5000 > /dev/null

echo "School Helpdesk startup benchmark: $runs runs of each"
echo "machine: $(nproc) CPU, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Twice: as each starts by default (the bare window takes GTK's renderer, OpenGL on llvmpipe under
# Xvfb; the app takes cairo there, src/ui/hd-renderer.c), and both with GSK_RENDERER=cairo, which
# leaves only the app's own start-up work between them
i=0
while [ "$i" -lt "$runs" ]; do
  for r in default cairo; do
    if [ "$r" = cairo ]; then set -- env GSK_RENDERER=cairo; else set -- env; fi
    "$@" xvfb-run -a "$bench" --bare 2>/dev/null | sed -n 's/^first frame: \([0-9]*\)[.,]\([0-9]*\) ms$/\1.\2/p' >> "$tmp/bare-$r"
    "$@" xvfb-run -a "$bench" --app "$tmp/demo.db" 2>/dev/null > "$tmp/out"
    sed -n 's/^first frame: \([0-9]*\)[.,]\([0-9]*\) ms$/\1.\2/p' "$tmp/out" >> "$tmp/app-$r"
    sed -n 's/^journal rows: \([0-9]*\)[.,]\([0-9]*\) ms$/\1.\2/p' "$tmp/out" >> "$tmp/rows-$r"
  done
  i=$((i + 1))
done

median () {
  sort -n "$1" | LC_ALL=C awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
range () {
  sort -n "$1" | LC_ALL=C awk 'NR == 1 { min = $1 } { max = $1 } END { printf "%s–%s", min, max }'
}

for r in default cairo; do
  if [ "$r" = cairo ]; then echo "both with GSK_RENDERER=cairo:"; else echo "as each starts by default:"; fi
  bare=$(median "$tmp/bare-$r")
  appm=$(median "$tmp/app-$r")
  printf '  %-34s %10s ms  (%s ms)\n' "bare libadwaita window, median" "$bare" "$(range "$tmp/bare-$r")"
  printf '  %-34s %10s ms  (%s ms)\n' "School Helpdesk window, median" "$appm" "$(range "$tmp/app-$r")"
  LC_ALL=C awk -v a="$appm" -v b="$bare" 'BEGIN { r = a / b; printf "  ratio %.2f (target ≤ 1.30): %s\n", r, (r <= 1.3 ? "ok" : "SLOW") }'
  printf '  %-34s %10s ms  (%s ms; no target)\n' "journal's first rows drawn, median" "$(median "$tmp/rows-$r")" "$(range "$tmp/rows-$r")"
done
