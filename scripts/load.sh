#!/usr/bin/env bash
# Load under re-indexing (issue 7): 60 s of wrk at 64 connections against `vanban serve` on
# 127.0.0.1 while `vanban index` rebuilds the same archive underneath, again and again, with
# files changed before each run. The server must answer every request (no non-2xx, no socket
# error) and its memory must stay bounded.
#
#   scripts/load.sh [SECONDS] [CONNECTIONS] [COUNT]     defaults: 60 s, 64 connections, 3000 documents
#   VANBAN_BIN=path uses that vanban instead of building a release one.
#
# Prints total requests, non-2xx and socket errors, requests/s, p50/p99 latency, re-index runs,
# and the server's VmRSS at start, at most and at the end (sampled every 5 s). Exit status 1
# when a request failed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-64}"
count="${3:-3000}"
work="$(mktemp -d /tmp/vanban-load.XXXXXX)"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
vanban="${VANBAN_BIN:-}"
if [ -z "$vanban" ]; then
  swift build -c release --product vanban >/dev/null
  vanban="$(swift build -c release --show-bin-path)/vanban"
fi
export VANBAN_ARCHIVE="$work/vanban.db" VANBAN_RULES="$PWD/indexer"

python3 scripts/gen_corpus.py --out "$work/corpus" --count "$count" >/dev/null
rm -f "$work/corpus/ground_truth.jsonl"
"$vanban" index "$work/corpus" | tail -1

# The queries of bench/queries.txt, URL-encoded, for bench/http.lua.
python3 -c '
import sys, urllib.parse
for line in open("bench/queries.txt", encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        print(urllib.parse.quote_plus(line))' >"$work/queries.url"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$vanban" serve --port "$port" >/dev/null 2>"$work/serve.log" &
server=$!
pids=("$server")
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }

# Memory, every 5 s while the load runs.
(while sleep 5; do rss >>"$work/rss"; done) &
pids+=("$!")

# Re-index underneath: each run has 50 changed files to re-read and a new archive to rename in.
(
  round=0
  while true; do
    round=$((round + 1))
    find "$work/corpus" -name '*.txt' | shuf -n 50 |
      while read -r file; do printf '\nĐoạn bổ sung lần %d về công tác dân vận.\n' "$round" >>"$file"; done
    "$vanban" index "$work/corpus" >/dev/null 2>>"$work/index.log" || echo "exit status $?" >>"$work/index.log"
    echo "$round" >"$work/index-runs"
  done
) &
pids+=("$!")

start_rss="$(rss)"
export PREFIX="/search?limit=10&q=" QUERIES="$work/queries.url"
result="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/http.lua "http://127.0.0.1:$port" | grep '^RESULT')"
end_rss="$(rss)"
eval "${result#RESULT }"
max_rss="$(sort -n "$work/rss" | tail -1)"
statuses="$(grep -oE ' [0-9]{3} [0-9.]+ ms$' "$work/serve.log" | awk '{ print $1 }' | sort | uniq -c | tr -s ' \n' ' ')"

echo "# $(date -u +%FT%TZ), $(nproc) cores, $count documents, $seconds s, $connections connections (wrk -t2)"
echo "requests:        $requests ($rps/s)"
echo "latency:         p50 $p50 ms, p99 $p99 ms"
echo "non-2xx:         $non2xx"
echo "socket errors:   $socket"
echo "re-index runs:   $(cat "$work/index-runs" 2>/dev/null || echo 0) (errors: $(wc -l <"$work/index.log"))"
echo "server VmRSS:    start $((start_rss / 1024)) MB, max $((max_rss / 1024)) MB, end $((end_rss / 1024)) MB ($(wc -l <"$work/rss") samples)"
echo "server log:      statuses (count code): $statuses"
[ "$non2xx" -eq 0 ] && [ "$socket" -eq 0 ]
