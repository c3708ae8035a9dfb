-- wrk script for benchmarks/soak.sh flood: a signed-in person's GET /api/v1/me (ME_TOKEN), as the yardstick of
-- whether a sign-in flood slows everyone else. Prints one RESULT line (milliseconds).
local token = os.getenv("ME_TOKEN")

request = function()
  return wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

done = function(summary, latency, _)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
