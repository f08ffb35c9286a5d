#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the results of meson's testlog.json files and prints 'N passed, N failed'.

Each test program is one result; a TAP program that fails any case counts as failed.
Skipped programs are listed apart."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError:
        print(f"{path}: missing (that build did not run its tests)", file=sys.stderr)
        failed += 1
        continue
    for t in lines:
        result = t.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            print(f"FAILED: {t.get('name')} ({result}) in {path}", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
