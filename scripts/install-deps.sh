#!/usr/bin/env bash
# Installs the Debian packages vanban needs and a fresh machine may lack: ICU, SQLite and zlib
# headers for the build, the sqlite3 shell for the loadable-extension tests.
set -euo pipefail
missing=()
for package in libicu-dev libsqlite3-dev zlib1g-dev sqlite3; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
run apt-get update -qq
DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq "${missing[@]}"
