#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds School Helpdesk, installs it into ./_install (nothing outside this folder is touched),
# creates a demo database on first use and starts the application on it, in Russian.
#   tools/run-demo.sh [DATABASE]        (default: ./demo.db)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$PWD/_install"

if [ ! -d build ]; then
  meson setup build --prefix="$prefix" >/dev/null
else
  meson configure build --prefix="$prefix" >/dev/null
fi
ninja -C build
meson install -C build --quiet >/dev/null

export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
if locale -a 2>/dev/null | grep -qi '^ru_RU\.utf8$'; then
  export LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8
else
  export LANGUAGE=ru LC_ALL=C.UTF-8
fi

db=${1:-$PWD/demo.db}
if [ ! -f "$db" ]; then
  "$prefix/bin/school-helpdesk" --database "$db" --generate-demo 5000
fi
exec "$prefix/bin/school-helpdesk" --database "$db"
