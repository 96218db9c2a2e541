#!/usr/bin/env bash
# Loads /search of `vanban serve` with wrk, beside Datasette serving an equivalent SQLite FTS5
# table (the same passages, sqlite-utils' default FTS5 tokenizer) of the same corpus, in one
# run on this machine, and prints requests/s and p50/p99 latency for each.
#
#   bench/http.sh [COUNT] [SECONDS]      defaults: 5000 generated documents, 10 s per run
#
# Both servers listen on 127.0.0.1 only; each is loaded at 16 and 64 connections (wrk, 2
# threads) for SECONDS after a 2 s warm-up, rotating over the queries of bench/queries.txt.
# Each asks for 10 hits with their total count. Results go to bench/out/http/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-5000}"
seconds="${2:-10}"
work="bench/out/http"
mkdir -p "$work"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
command -v datasette >/dev/null && command -v sqlite-utils >/dev/null || pip install -q datasette sqlite-utils
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3; }

swift build -c release --product vanban
swift build -c release --product CVietText  # the extension: the archive's text reads through vv_stored_text()
vanban="$(swift build -c release --show-bin-path)/vanban"

corpus="$work/corpus-$count"
if [ ! -d "$corpus" ]; then
  echo "generating $count documents in $corpus"
  python3 scripts/gen_corpus.py --out "$corpus.tmp" --count "$count" >/dev/null
  mv "$corpus.tmp/ground_truth.jsonl" "$work/ground_truth-$count.jsonl"
  mv "$corpus.tmp" "$corpus"
fi
archive="$work/vanban-$count.db"
echo "indexing $corpus"
"$vanban" index "$corpus" --archive "$archive" --rules indexer | tail -1

# Datasette's table: every passage vanban searches, read from the archive's plain tables.
baseline="$work/datasette-$count.db"
if [ ! -f "$baseline" ] || [ "$archive" -nt "$baseline" ]; then
  rm -f "$baseline"
  sqlite3 -json -cmd ".load $(dirname "$vanban")/libCVietText" "$archive" "SELECT row_number() OVER (ORDER BY p.document_id, p.ordinal) AS id, d.symbol AS number, d.date, p.heading, p.body
      FROM passage_texts p JOIN documents d ON d.id = p.document_id" |
    sqlite-utils insert "$baseline" passages - --pk id
  sqlite-utils enable-fts "$baseline" passages heading body --fts5
fi
echo "$(sqlite3 "$archive" 'SELECT count(*) FROM passages') passages, $(du -sh "$corpus" | cut -f1) of text"

# The queries, URL-encoded for both servers.
python3 -c '
import sys, urllib.parse
for line in open("bench/queries.txt", encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        print(urllib.parse.quote_plus(line))' >"$work/queries.url"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
vanban_port="$(free_port)"
datasette_port="$(free_port)"

"$vanban" serve --port "$vanban_port" --archive "$archive" --rules indexer >/dev/null 2>"$work/vanban.log" &
servers=("$!")
datasette serve --immutable "$baseline" --host 127.0.0.1 --port "$datasette_port" \
  --setting default_page_size 10 --setting sql_time_limit_ms 10000 >/dev/null 2>"$work/datasette.log" &
servers+=("$!")
trap 'kill "${servers[@]}" 2>/dev/null; wait 2>/dev/null' EXIT

wait_for() { for _ in $(seq 100); do curl -sf "$1" >/dev/null && return; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
vanban_base="http://127.0.0.1:$vanban_port"
vanban_path="/search?limit=10&q="
datasette_base="http://127.0.0.1:$datasette_port"
datasette_path="/$(basename "$baseline" .db)/passages.json?_size=10&_search="
vanban_url="$vanban_base$vanban_path"
datasette_url="$datasette_base$datasette_path"
wait_for "${vanban_url}dan+van"
wait_for "${datasette_url}dan+van"
echo "sample: vanban finds $(curl -s "${vanban_url}dan+van+kheo" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') passages for 'dan van kheo'," \
     "Datasette $(curl -s "${datasette_url}dan+van+kheo" | python3 -c 'import json,sys; print(json.load(sys.stdin)["filtered_table_rows_count"])')"

results="$work/results.txt"
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, $count documents, ${seconds} s per run, wrk -t2"
  printf '%-10s %6s %10s %9s %9s %8s %8s\n' server conns "req/s" "p50 ms" "p99 ms" non-2xx "socket"
} >"$results"
for server in vanban datasette; do
  base_var="${server}_base" path_var="${server}_path"
  export PREFIX="${!path_var}" QUERIES="$work/queries.url"
  for connections in 16 64; do
    wrk -t2 -c"$connections" -d2s -s bench/http.lua "${!base_var}" >/dev/null
    line="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/http.lua "${!base_var}" | grep '^RESULT')"
    eval "${line#RESULT }"
    printf '%-10s %6d %10.0f %9.2f %9.2f %8d %8d\n' "$server" "$connections" "$rps" "$p50" "$p99" "$non2xx" "$socket" >>"$results"
  done
done
cat "$results"
