-- Shared by every scenario: numbers the threads and counts, over all of them, the answers that are not 200.
-- For a numbered range (sequence.lua) it also prints how far into the range any thread got ("used: N"): wrk
-- counts only answered requests, and its threads do not advance evenly, so a count would not say where a
-- following run on the same range may safely start.
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
  local used = nil
  for _, t in ipairs(threads) do
    local i = t:get("i")
    if i ~= nil and (used == nil or i > used) then used = i end
  end
  if used ~= nil then io.write("used: " .. used .. "\n") end
end
