#!/usr/bin/env bash
# Installs the Debian packages vanban needs and a fresh machine may lack: ICU, SQLite and zlib
# headers for the build, the sqlite3 shell for the loadable-extension tests; and Python's
# icalendar (PyPI), the RFC 5545 parser the calendar-feed tests check the feed with.
set -euo pipefail
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in libicu-dev libsqlite3-dev zlib1g-dev sqlite3; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  run apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c 'import icalendar' 2>/dev/null; then
  python3 -m pip install -q icalendar 2>/dev/null \
    || python3 -m pip install -q --break-system-packages icalendar 2>/dev/null \
    || { run apt-get update -qq && DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq python3-icalendar; }
fi
