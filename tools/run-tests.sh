#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the suite of a build folder under one Xvfb (the GUI tests need a display):
#   tools/run-tests.sh BUILDDIR [meson test options…]
set -euo pipefail
builddir=${1:?usage: tools/run-tests.sh BUILDDIR [meson test options]}
shift
exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
