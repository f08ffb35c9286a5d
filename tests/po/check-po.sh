#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Russian catalogue is complete and well-formed:
#   1. every file with translatable strings is listed in po/POTFILES;
#   2. every message that xgettext finds through POTFILES (with the keywords of meson's glib
#      preset, as the school-helpdesk-pot target uses) is in ru.po and translated;
#   3. msgfmt --check accepts ru.po, and no entry is untranslated or fuzzy.
#
# Usage: check-po.sh SOURCE_ROOT
set -u
root=${1:?usage: check-po.sh SOURCE_ROOT}
po="$root/po/ru.po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

fail () {
  echo "FAIL: $*" >&2
  status=1
}

# 1. Files that mark strings but are missing from POTFILES
(cd "$root" && {
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|g_dpgettext2) \(' --include='*.c' src
  grep -rl 'translatable="yes"' --include='*.ui' resources src 2>/dev/null
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml.in 2>/dev/null
} | LC_ALL=C sort -u) > "$tmp/marked"
grep -v '^[[:space:]]*\(#\|$\)' "$root/po/POTFILES" | LC_ALL=C sort -u > "$tmp/listed"
LC_ALL=C comm -23 "$tmp/marked" "$tmp/listed" > "$tmp/unlisted"
if [ -s "$tmp/unlisted" ]; then
  fail "these files have translatable strings but are not in po/POTFILES:"
  sed 's/^/  /' "$tmp/unlisted" >&2
fi
LC_ALL=C comm -13 "$tmp/marked" "$tmp/listed" | while read -r f; do
  [ -e "$root/$f" ] || echo "FAIL: po/POTFILES lists $f, which does not exist" >&2
done > "$tmp/gone" 2>&1
if [ -s "$tmp/gone" ]; then
  cat "$tmp/gone" >&2
  status=1
fi
if ! LC_ALL=C sort -c "$root/po/POTFILES" 2>/dev/null; then
  fail "po/POTFILES is not sorted"
fi

# 2. The template, made the way meson's pot target makes it
if ! xgettext --package-name=school-helpdesk -f "$root/po/POTFILES" -D "$root" -k_ \
       -o "$tmp/school-helpdesk.pot" \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       2> "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log" >&2
  fail "xgettext failed"
elif [ -s "$tmp/school-helpdesk.pot" ]; then
  # msgcmp fails on a message that is missing or untranslated
  if ! msgcmp "$po" "$tmp/school-helpdesk.pot" 2> "$tmp/msgcmp.log"; then
    cat "$tmp/msgcmp.log" >&2
    fail "ru.po lacks translations of messages found in the sources"
  fi
fi

# 3. Well-formed, and nothing untranslated or fuzzy
if ! msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/msgfmt.log"; then
  cat "$tmp/msgfmt.log" >&2
  fail "msgfmt --check rejects ru.po"
else
  cat "$tmp/msgfmt.log"
  if grep -qE 'untranslated|fuzzy' "$tmp/msgfmt.log"; then
    msgattrib --untranslated --no-obsolete "$po" >&2
    msgattrib --only-fuzzy --no-obsolete "$po" >&2
    fail "ru.po has untranslated or fuzzy messages"
  fi
fi

if [ "$status" -eq 0 ]; then
  echo "ok: ru.po is complete"
fi
exit "$status"
