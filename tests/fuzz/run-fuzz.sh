#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the CSV fuzz targets with clang, libFuzzer, ASan and UBSan, and runs them side by side
# for a bounded time, each on a copy of the seed corpus:
#   fuzz-csv         the reader and writer (round trip, line numbers, UTF-8)
#   fuzz-csv-import  the import of requests, as a dry run on a temporary database
# Prints the executions and the findings of each; exits non-zero when there is a finding (a
# crash, a leak, a time-out, an out-of-memory, a failed property).
#
# Usage: tests/fuzz/run-fuzz.sh [SECONDS] [BUILD_DIR]
#   SECONDS    how long to fuzz, default 60
#   BUILD_DIR  default build-fuzz in the source tree
# Extra libFuzzer options go in FUZZ_ARGS; FUZZ_TARGETS picks the targets. For readable leak
# reports: ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 (ten times slower).
set -eu

seconds=${1:-60}
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-"$src/build-fuzz"}
targets=${FUZZ_TARGETS:-"fuzz-csv fuzz-csv-import"}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized
fi
for target in $targets; do
  ninja -C "$build" "tests/fuzz/$target"
done

# criticals are findings too; UBSan stops at the first report so it counts as a crash
export G_DEBUG=fatal-criticals
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}

run_one () {
  target=$1
  work="$build/fuzz-run/$target"
  mkdir -p "$work/corpus" "$work/artifacts"
  # the seeds stay untouched in the source tree; the working corpus grows across runs
  cp -n "$src/tests/fuzz/corpus/csv/"* "$work/corpus/" 2>/dev/null || true
  ls "$work/artifacts" | wc -l >"$work/before"
  status=0
  "$build/tests/fuzz/$target" \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" \
    ${FUZZ_ARGS:-} \
    "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?
  echo "$status" >"$work/status"
}

for target in $targets; do
  run_one "$target" &
done
wait

failed=0
for target in $targets; do
  work="$build/fuzz-run/$target"
  log="$work/fuzz.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  units=$(ls "$work/corpus" | wc -l)
  findings=$(( $(ls "$work/artifacts" | wc -l) - $(cat "$work/before") ))
  status=$(cat "$work/status")

  echo "target:      $target"
  echo "time:        ${seconds} s"
  echo "executions:  ${execs:-unknown} (${rate:-?} per second)"
  echo "coverage:    ${cov:-?} edges, corpus of $units inputs"
  echo "findings:    $findings"
  if [ "$findings" -gt 0 ] || [ "$status" -ne 0 ]; then
    ls -l "$work/artifacts"
    grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -n 20 || true
    echo "log:         $log"
    failed=1
  fi
  echo
done
exit $failed
