-- wrk script for the web pages benchmark (benchmarks/pages.sh, docs/benchmarks.md).
-- BENCH_WRK_DATA names a file of pages, one per line: path <TAB> the signed-in browser's Cookie header.
-- Each request is a random line: a user's caseload or one of their provider's referrals, with that user's session.
-- BENCH_WRK_PAUSE_MS, when set, is the average pause before each request (half to one and a half times it), as a
-- person reads a page; wrk leaves the pause out of the latency. The summary line is parsed by PagesBenchmark.
local requests = {}
local pause = tonumber(os.getenv("BENCH_WRK_PAUSE_MS") or "0")

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  for line in io.lines(os.getenv("BENCH_WRK_DATA")) do
    local path, cookie = line:match("^([^\t]+)\t(.+)$")
    requests[#requests + 1] = wrk.format("GET", path, {
      ["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8",
      ["Cookie"] = cookie,
    })
  end
end

request = function()
  return requests[math.random(#requests)]
end

delay = function()
  if pause <= 0 then
    return 0
  end
  return math.floor(pause / 2 + math.random() * pause)
end

-- anything but a 200 page is an error (a 303 to the sign-in page too), counted per thread and summed in done
local threads = {}
setup = function(thread)
  thread:set("notOk", 0)
  threads[#threads + 1] = thread
end

notOk = 0
response = function(status, headers, body)
  if status ~= 200 then
    notOk = notOk + 1
  end
end

done = function(summary, latency, _)
  local e = summary.errors
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("notOk")
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f errors=%d p50=%.3f p95=%.3f p99=%.3f max=%.3f\n",
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.timeout + wrong,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
