#!/usr/bin/env bash
# A large file (issue 7): one document of MEGABYTES of the bundled corpus text repeated, each
# copy headed "Đoạn lặp số N.", indexed with a release build beside the corpus. Checks that
# it is indexed whole (the first and the last copy are found), that `vanban verify` passes,
# and prints the time and peak memory of the run. The test suite does the same at 5 MB
# (ReliabilityTests.testLargeFileIsIndexedWhole).
#
#   scripts/bigfile.sh [MEGABYTES]      default 50; VANBAN_BIN=path uses that vanban instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-50}"
work="$(mktemp -d /tmp/vanban-bigfile.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [ -z "${VANBAN_BIN:-}" ]; then
  swift build -c release --product vanban >/dev/null
  VANBAN_BIN="$(swift build -c release --show-bin-path)/vanban"
fi
export VANBAN_ARCHIVE="$work/vanban.db" VANBAN_RULES="$PWD/indexer"

cp -r corpus "$work/corpus"
copies="$(python3 - "$work/corpus/large.txt" "$megabytes" <<'PY'
import sys
path, megabytes = sys.argv[1], float(sys.argv[2])
body = open("corpus/60-CTr-DUK_2014-05-29.txt", encoding="utf-8").read().split("\n---\n")[-1]
with open(path, "w", encoding="utf-8") as out:
    header = "Số: 99-NQ/ĐU\nBiên Hòa, ngày 1 tháng 2 năm 2020\n\n"
    out.write(header)
    size, copies = len(header.encode()), 0
    while size < megabytes * 2**20:
        chunk = f"Đoạn lặp số {copies}.\n" + body
        out.write(chunk)
        size += len(chunk.encode())
        copies += 1
print(copies)
PY
)"
echo "large.txt: $(($(stat -c %s "$work/corpus/large.txt") / 1048576)) MB, $copies copies"

/usr/bin/time -f "index: %e s, peak RSS %M KB" "$VANBAN_BIN" index "$work/corpus" 2>&1 | tail -2
for copy in 0 $((copies - 1)); do
  file="$("$VANBAN_BIN" search "\"Đoạn lặp số $copy\"" --json | python3 -c 'import json, sys; hits = json.load(sys.stdin)["hits"]; print(hits[0]["file"] if hits else "")')"
  [ "$file" = large.txt ] || { echo "copy $copy not found" >&2; exit 1; }
done
echo "first and last copy found"
"$VANBAN_BIN" verify "$work/corpus"
