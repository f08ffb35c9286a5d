#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-journal.sh [BUILD_DIR] [DATABASE] — the journal on 1 000 000 requests
#
# Times the journal's lazy model (bench-journal) and the real journal view under Xvfb
# (bench-journal --gtk-only), then the same view on an empty database for the memory baseline,
# and prints every figure with its target: the first rows in ≤ 50 ms for opening the journal,
# each keystroke of a search and each sort (both directions), and at most 60 MB of memory above
# the empty database. "first rows" is the verdict; "all" is when the whole snapshot is in (the
# count line), not a target. The CPU time of the process is printed beside the wall time: a
# loaded machine disturbs it less. DATABASE (default: a file in the temporary folder) is filled
# with demo requests on the first run and kept; build with -Dbuildtype=release first.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
db=${2:-${TMPDIR:-/tmp}/hd-bench-journal.db}
bench="$build/tests/bench/bench-journal"
export HD_WORKDAYS_DIR="${HD_WORKDAYS_DIR:-$here/../../data/workdays}"

if [ ! -x "$bench" ]; then
  echo "bench-journal.sh: $bench not found; build with: ninja -C $build" >&2
  exit 1
fi
if ! command -v xvfb-run >/dev/null; then
  echo "bench-journal.sh: xvfb-run not found (apt-get install xvfb)" >&2
  exit 1
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/hd-bench-XXXXXX")
trap 'rm -rf "$out"' EXIT INT TERM

echo "School Helpdesk journal benchmark"
echo "machine: $(nproc) CPU, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The view's figures depend on the renderer (src/ui/hd-renderer.c): on llvmpipe, as under Xvfb,
# the app draws with cairo unless GSK_RENDERER says otherwise
echo "GSK_RENDERER: ${GSK_RENDERER:-(not set: the app's choice)}"

"$bench" --database "$db" > "$out/model.txt" 2>/dev/null
xvfb-run -a "$bench" --database "$db" --gtk-only > "$out/view.txt" 2>/dev/null
xvfb-run -a "$bench" --empty --database "$out/empty.db" --gtk-only > "$out/empty.txt" 2>/dev/null

head -n 1 "$out/model.txt"
sed -n 's/^renderer: /renderer: /p' "$out/view.txt"
echo
printf '%-44s %12s %10s %12s  %s\n' "what" "first rows" "CPU" "all" "verdict (≤ 50 ms)"
for part in model view; do
  grep "^$part: " "$out/$part.txt" | while IFS= read -r line; do
    what=$(printf '%s' "$line" | sed 's/ *first rows.*//')
    first=$(printf '%s' "$line" | sed -n 's/.*first rows\( drawn\)\? *\([0-9.]*\) ms.*/\2/p')
    cpu=$(printf '%s' "$line" | sed -n 's/.*(CPU *\([0-9.]*\)).*/\1/p')
    all=$(printf '%s' "$line" | sed -n 's/.*\(all\|count line\) *\([0-9.]*\) ms.*/\2/p')
    verdict=$(awk -v f="$first" 'BEGIN { print (f <= 50 ? "ok" : "SLOW") }')
    printf '%-44s %9s ms %7s ms %9s ms  %s\n' "$what" "$first" "$cpu" "$all" "$verdict"
  done
done

echo
for when in "just opened" "open (.*after the searches"; do
  full=$(sed -n "s/^memory: resident \([0-9]*\) MB with the journal $when.*/\1/p" "$out/view.txt")
  empty=$(sed -n "s/^memory: resident \([0-9]*\) MB with the journal $when.*/\1/p" "$out/empty.txt")
  if [ -n "$full" ] && [ -n "$empty" ]; then
    extra=$((full - empty))
    verdict=ok
    [ "$extra" -le 60 ] || verdict=HIGH
    label=$(printf '%s' "$when" | sed 's/open (.*/open, after the searches/')
    echo "memory, journal $label: $full MB; empty database: $empty MB;" \
         "difference $extra MB (target ≤ 60 MB): $verdict"
  fi
done
