#!/usr/bin/env bash
# Screenshots of the search page and a document page in headless Chromium, to check by eye
# what a person sees (diacritics, highlights, layout): bench/out/page-search.png and
# bench/out/page-document.png. Serves the bundled corpus on a free loopback port, then stops.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi

swift build --product vanban
vanban="$(swift build --show-bin-path)/vanban"
out=bench/out
work="$(mktemp -d)"
mkdir -p "$out"

"$vanban" index corpus --archive "$work/vanban.db" --rules indexer >/dev/null
"$vanban" serve --port 0 --archive "$work/vanban.db" --rules indexer >"$work/serve.out" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

url=""
for _ in $(seq 100); do
  url="$(grep -o 'http://[^ ]*/' "$work/serve.out" || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

shoot() {  # shoot NAME PATH
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1300 \
    --user-data-dir="$work/chromium" --screenshot="$out/$1.png" "$url$2" 2>/dev/null
  echo "$out/$1.png  ← $url$2"
}
shoot page-search '?q=dan+van+kheo'
shoot page-document 'view/60-CTr%2F%C4%90UK'
