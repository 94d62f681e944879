-- Shared by every scenario: numbers the threads and counts, over all of them, the answers that are not 200.
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("slot", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
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
