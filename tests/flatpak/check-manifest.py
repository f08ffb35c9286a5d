#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check flatpak.json offline: flatpak-builder must parse it without a word on stderr (it only
warns about unknown keys and wrong types), and the sandbox must stay what an offline desktop
app needs: no network, no host or home files.

Usage: check-manifest.py FLATPAK_BUILDER MANIFEST DESKTOP_FILE METAINFO_FILE APPLICATION_ID
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}
ALLOWED_RUNTIME_VERSIONS = {'50', '51'}
COMMAND = 'school-helpdesk'

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def main():
    flatpak_builder, manifest_path, desktop_path, metainfo_path, build_app_id = sys.argv[1:6]

    proc = subprocess.run([flatpak_builder, '--show-manifest', manifest_path],
                          capture_output=True, text=True, cwd=os.path.dirname(manifest_path))
    check(proc.returncode == 0, f'flatpak-builder --show-manifest exited with {proc.returncode}')
    check(proc.stderr.strip() == '', f'flatpak-builder wrote to stderr: {proc.stderr.strip()}')
    if proc.returncode != 0:
        return

    shown = json.loads(proc.stdout)
    with open(manifest_path, encoding='utf-8') as f:
        raw = json.load(f)

    app_id = shown.get('id') or shown.get('app-id')
    desktop_id = os.path.basename(desktop_path).removesuffix('.desktop')
    metainfo_id = ET.parse(metainfo_path).getroot().findtext('id')
    # A development build (profile=development) has its own id with a .Devel suffix
    check(app_id == build_app_id.removesuffix('.Devel'),
          f'id {app_id!r} differs from the application id {build_app_id!r}')
    check(desktop_id == build_app_id, f'the desktop file is {desktop_id!r}, not {build_app_id!r}')
    check(metainfo_id == build_app_id, f'the metainfo id is {metainfo_id!r}, not {build_app_id!r}')

    check(shown.get('command') == COMMAND, f'command is {shown.get("command")!r}, not {COMMAND!r}')
    check(shown.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
    check(shown.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
    check(str(shown.get('runtime-version')) in ALLOWED_RUNTIME_VERSIONS,
          f'runtime-version {shown.get("runtime-version")!r} is not a supported one')

    finish_args = shown.get('finish-args', [])
    check('--share=network' not in finish_args, 'the sandbox must not have the network')
    for arg in finish_args:
        check(not arg.startswith('--filesystem'), f'no filesystem access is allowed: {arg}')
        check(arg in ALLOWED_FINISH_ARGS, f'finish-arg {arg} is not in the allowed set')

    # The modules must survive parsing: an unknown key would make them vanish silently
    modules = shown.get('modules', [])
    check(len(modules) == len(raw.get('modules', [])) and len(modules) >= 1,
          'flatpak-builder lost modules while parsing the manifest')
    app_module = modules[-1] if modules else {}
    check(app_module.get('buildsystem') == 'meson', 'the application module is not built with meson')
    check('-Dtests=false' in app_module.get('config-opts', []),
          'the application module does not pass -Dtests=false')
    check({'type': 'dir', 'path': '.'} in app_module.get('sources', []),
          'the application module does not build this source tree')


if __name__ == '__main__':
    main()
    for failure in failures:
        print('FAIL:', failure, file=sys.stderr)
    if not failures:
        print('ok: flatpak.json')
    sys.exit(1 if failures else 0)
