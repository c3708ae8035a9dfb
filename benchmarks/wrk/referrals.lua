-- wrk script for the referral-creation benchmark (benchmarks/casework.sh, docs/benchmarks.md).
-- BENCH_WRK_DATA names a file of requests, one per line: path <TAB> bearer token <TAB> JSON body.
-- Each wrk thread sends them in a random order; the summary line is parsed by CaseworkBenchmark.
local requests = {}

local function load()
  for line in io.lines(os.getenv("BENCH_WRK_DATA")) do
    local path, token, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
    requests[#requests + 1] = wrk.format("POST", path, {
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
    }, body)
  end
end

init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  load()
end

request = function()
  return requests[math.random(#requests)]
end

done = function(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f errors=%d p50=%.3f p95=%.3f p99=%.3f max=%.3f\n",
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
