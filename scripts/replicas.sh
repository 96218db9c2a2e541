#!/usr/bin/env bash
# The deployment of issue 17, end to end on one machine: three `vanban serve` replicas, each on
# its own test host (a network namespace joined to this one by a veth pair, made here and
# removed at the end), behind HAProxy with deploy/haproxy.cfg as committed. While wrk loads the
# balancer (60 s, 64 connections, over the queries of bench/queries.txt):
#   - replica r2 is killed with SIGKILL and started again;
#   - a new build is published to r1, r2 and r3 in turn with `vanban publish`;
#   - r3's archive is replaced by a corrupt file (half of the new build, renamed over it): r3
#     must refuse it and keep serving the build it has.
# Prints requests, failures (non-2xx and socket errors; the target is 0), p50/p99, each
# replica's build id and document count before and after, what each replica served and how
# many requests HAProxy retried; exit status 1 when a request failed or a replica ends on the
# wrong build.
#
#   sudo scripts/replicas.sh [SECONDS] [CONNECTIONS] [COUNT]    defaults: 60 s, 64, 3000 documents
#   VANBAN_BIN=path uses that vanban instead of building a release one.
#
# Needs root (ip netns), and installs haproxy, wrk and curl from Debian when they are missing.
# Uses the addresses 10.77.{1,2,3}.0/24 and 127.0.0.1:8090 and :8404, as deploy/haproxy.cfg does.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
connections="${2:-64}"
count="${3:-3000}"
added=300  # documents in the new build and not the first
[ "$(id -u)" -eq 0 ] || { echo "replicas.sh: run as root (it makes network namespaces)" >&2; exit 2; }

missing=()
for tool in haproxy wrk curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
vanban="${VANBAN_BIN:-}"
if [ -z "$vanban" ]; then
  swift build -c release --product vanban >/dev/null
  vanban="$(swift build -c release --show-bin-path)/vanban"
fi
export VANBAN_RULES="$PWD/indexer"
work="$(mktemp -d /tmp/vanban-replicas.XXXXXX)"
pids=()

cleanup() {
  for pid in "${pids[@]}" $(cat "$work"/r*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for i in 1 2 3; do ip netns del "vb17-r$i" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Two builds: A of COUNT documents, then B with ADDED more (an incremental index of A's copy).
python3 scripts/gen_corpus.py --out "$work/corpus" --count $((count + added)) >/dev/null
rm -f "$work/corpus/ground_truth.jsonl"
mkdir -p "$work/later"
find "$work/corpus" -name '*.txt' | sort | tail -n "$added" | xargs mv -t "$work/later"
"$vanban" index "$work/corpus" --archive "$work/a.db" | tail -1
mv "$work/later"/*.txt "$work/corpus/"
cp "$work/a.db" "$work/b.db"
"$vanban" index "$work/corpus" --archive "$work/b.db" | tail -1

# Three test hosts: namespace vb17-rI holds 10.77.I.2, this one 10.77.I.1 on the other end.
for i in 1 2 3; do
  ip netns del "vb17-r$i" 2>/dev/null || true
  ip netns add "vb17-r$i"
  ip link add "vb17-h$i" type veth peer name "vb17-n$i"
  ip link set "vb17-n$i" netns "vb17-r$i"
  ip addr add "10.77.$i.1/24" dev "vb17-h$i"
  ip link set "vb17-h$i" up
  ip netns exec "vb17-r$i" ip addr add "10.77.$i.2/24" dev "vb17-n$i"
  ip netns exec "vb17-r$i" ip link set "vb17-n$i" up
  ip netns exec "vb17-r$i" ip link set lo up
  mkdir -p "$work/r$i"
  "$vanban" publish "$work/a.db" "$work/r$i/vanban.db" >/dev/null
done

log() { printf '%6.1f s  %s\n' "$(echo "$(date +%s.%N) - ${started:-$(date +%s.%N)}" | bc)" "$*" >>"$work/events"; }
health() { curl -sf --max-time 2 "http://10.77.$1.2:8080/health" || echo '{}'; }
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get(sys.argv[2], "-"))' "$1" "$2"; }
# ip netns exec execs the command, so $! is the replica's own process id.
start_replica() {
  ip netns exec "vb17-r$1" "$vanban" serve --host "10.77.$1.2" --port 8080 --archive "$work/r$1/vanban.db" \
    >/dev/null 2>>"$work/r$1.log" &
  echo $! >"$work/r$1.pid"
  disown  # its SIGKILL is part of the plan: no "Killed" notice from the shell
  for _ in $(seq 200); do curl -sf --max-time 1 "http://10.77.$1.2:8080/health" >/dev/null && return; sleep 0.05; done
  echo "replica r$1 did not start: $(tail -3 "$work/r$1.log")" >&2
  exit 1
}
for i in 1 2 3; do start_replica "$i"; done

haproxy -db -f deploy/haproxy.cfg >"$work/haproxy.log" 2>&1 &
pids+=("$!")
for _ in $(seq 100); do curl -sf --max-time 1 http://127.0.0.1:8090/health >/dev/null && break; sleep 0.1; done
curl -sf --max-time 1 http://127.0.0.1:8090/health >/dev/null || { echo "HAProxy did not start:" >&2; cat "$work/haproxy.log" >&2; exit 1; }
sleep 1.5  # every replica passes its first checks (rise 2, every 500 ms)
before=()
for i in 1 2 3; do before+=("$(health "$i")"); done

# The queries, with their filters as parameters, URL-encoded for bench/http.lua.
python3 -c '
import urllib.parse
for line in open("bench/queries.txt", encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    query, *options = line.split(" --")
    params = [("q", query)] + [tuple(o.split(" ", 1)) for o in options if " " in o]
    print(urllib.parse.urlencode(params))' >"$work/queries.url"

started="$(date +%s.%N)"
at() { sleep "$(echo "$started + $1 - $(date +%s.%N)" | bc | sed 's/^-.*/0/')"; }
(
  at 8;  pid="$(cat "$work/r2.pid")"; kill -KILL "$pid"; log "r2 (pid $pid) killed with SIGKILL"
  at 10; start_replica 2; log "r2 started again (pid $(cat "$work/r2.pid")), answering /health"
  for i in 1 2 3; do
    at $((16 + 7 * i))
    log "publish to r$i: $("$vanban" publish "$work/b.db" "$work/r$i/vanban.db" 2>&1)"
  done
  at 46
  head -c "$(($(stat -c %s "$work/b.db") / 2))" "$work/b.db" >"$work/r3/vanban.db.corrupt"
  mv "$work/r3/vanban.db.corrupt" "$work/r3/vanban.db"
  log "r3's archive replaced by a corrupt file (the first half of build B, renamed over it)"
  at 48; log "r3 /health: $(health 3)"
) &
events=$!
pids+=("$events")

export PREFIX="/search?limit=10&" QUERIES="$work/queries.url"
result="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/http.lua http://127.0.0.1:8090 | grep '^RESULT')"
wait "$events"
eval "${result#RESULT }"
after=()
for i in 1 2 3; do after+=("$(health "$i")"); done
stats="$(curl -sf 'http://127.0.0.1:8404/;csv')"

build_a="$(sqlite3 "$work/a.db" "SELECT value FROM meta WHERE key = 'build_id'")"
build_b="$(sqlite3 "$work/b.db" "SELECT value FROM meta WHERE key = 'build_id'")"
echo "# $(date -u +%FT%TZ), $(nproc) cores, $count + $added documents, $seconds s, $connections connections (wrk -t2) through HAProxy $(haproxy -v | head -1 | awk '{ print $3 }')"
echo "builds:          A $build_a ($count documents), B $build_b ($((count + added)))"
echo "requests:        $requests ($rps/s)"
echo "failures:        $((non2xx + socket)) (non-2xx $non2xx, socket errors $socket)"
echo "latency:         p50 $p50 ms, p99 $p99 ms"
echo "events:"
sed 's/^/  /' "$work/events"
echo "replicas:        build id (documents) before -> after; requests HAProxy sent it, retries, redispatches, times marked down, down time"
for i in 1 2 3; do
  row="$(echo "$stats" | awk -F, -v s="r$i" '$1 == "vanban" && $2 == s')"
  printf '  r%d  %s (%s) -> %s (%s);  %s requests, %s retries, %s redispatched, down %s times, %s s\n' "$i" \
    "$(field "${before[$((i - 1))]}" buildId)" "$(field "${before[$((i - 1))]}" documents)" \
    "$(field "${after[$((i - 1))]}" buildId)" "$(field "${after[$((i - 1))]}" documents)" \
    "$(echo "$row" | cut -d, -f8)" "$(echo "$row" | cut -d, -f16)" "$(echo "$row" | cut -d, -f17)" \
    "$(echo "$row" | cut -d, -f23)" "$(echo "$row" | cut -d, -f25)"
done
echo "  r3 refused:    $(field "${after[2]}" refused)"
echo "HAProxy log:     $(grep -c ' vanban/' "$work/haproxy.log" || true) requests logged as failed or retried (dontlog-normal)"

ok=1
[ "$((non2xx + socket))" -eq 0 ] || ok=0
for i in 1 2 3; do [ "$(field "${after[$((i - 1))]}" buildId)" = "$build_b" ] || ok=0; done
[ "$(field "${after[2]}" refused)" != "-" ] || ok=0
[ "$ok" -eq 1 ] && echo "result:          pass" || { echo "result:          FAIL"; exit 1; }
