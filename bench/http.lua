-- wrk script for bench/http.sh: GET PREFIX..query (PREFIX a path such as /search?q=), rotating over the URL-encoded queries in
-- the file QUERIES (one a line); prints one RESULT line with the figures at the end.
local prefix = os.getenv("PREFIX")
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end

local counter = 0
function init(args)
  -- Threads start at different queries, so they do not all ask the same thing at once.
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  return wrk.format("GET", prefix .. queries[counter % #queries + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.2f p99=%.2f non2xx=%d socket=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
