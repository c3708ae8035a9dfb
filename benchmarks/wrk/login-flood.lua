-- wrk script for benchmarks/soak.sh flood: POST /login with a wrong password for FLOOD_USER as fast as the
-- connections allow (issue 17, finding 3). Prints one FLOOD line: attempts, and how many were refused before the
-- password was checked (429) or after (401).
local body = string.format('{"username":"%s","password":"not the password"}', os.getenv("FLOOD_USER"))
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(_)
  counts = {}
end

request = function()
  return wrk.format("POST", "/login", { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end

response = function(status, _, _)
  counts[status] = (counts[status] or 0) + 1
end

done = function(summary, latency, _)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      all[status] = (all[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(all) do
    table.insert(parts, string.format("%s=%d", status, n))
  end
  table.sort(parts)
  io.write(string.format("FLOOD attempts=%d in %.1f s (%s) p50=%.1f ms\n", summary.requests,
    summary.duration / 1e6, table.concat(parts, " "), latency:percentile(50) / 1000))
end
