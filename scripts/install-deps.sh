#!/usr/bin/env bash
# Installs the Debian packages vanban needs and a fresh machine may lack: ICU, SQLite, libdeflate
# (stored text) and zlib (ZIPFoundation's, for DOCX) headers for the build, the sqlite3 shell for
# the loadable-extension tests, and the tools the source readers run: Poppler's pdftotext and pdftoppm (PDF), antiword and catdoc (Word 97–2003),
# tesseract with its Vietnamese data (OCR of scans, `vanban index --ocr`), and libxml2, which
# Foundation's XML parser (DOCX) loads; Graphviz (`dot`) for the document page's relation
# diagram, Chromium and its driver with a font that has every Vietnamese letter for
# scripts/browser_check.py; and from PyPI Python's icalendar (the RFC 5545 parser the
# calendar-feed tests check the feed with) and Selenium (which drives Chromium).
set -euo pipefail
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in libicu-dev libsqlite3-dev libdeflate-dev zlib1g-dev sqlite3 libxml2 poppler-utils antiword catdoc tesseract-ocr tesseract-ocr-vie \
    graphviz chromium chromium-driver fonts-dejavu-core; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  run apt-get update -qq
  DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq "${missing[@]}"
fi
pip_install() {  # pip_install MODULE PACKAGE DEBIAN-PACKAGE
  python3 -c "import $1" 2>/dev/null && return
  python3 -m pip install -q "$2" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "$2" 2>/dev/null \
    || { run apt-get update -qq && DEBIAN_FRONTEND=noninteractive run apt-get install -y -qq "$3"; }
}
pip_install icalendar icalendar python3-icalendar
pip_install selenium selenium python3-selenium
