-- A plain GET with the header real clients send; counts answers that are not 200.
wrk.headers["Content-Type"] = "application/json"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end
function response(status, headers, body)
  if status ~= 200 then
    non2xx = non2xx + 1
    if non2xx <= 3 then io.stderr:write("status " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("non2xx") or 0) end
  io.write("non200: " .. total .. "\n")
end
