-- Shared by the scenarios that need a new record per request: thread k of n takes the k-th, (k+n)-th, ...
-- number of a range, and stops when the range is used up, so every request is a distinct, valid transaction.
local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("slot", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  first = tonumber(os.getenv("BENCH_FIRST"))
  count = tonumber(os.getenv("BENCH_COUNT"))
  nthreads = tonumber(os.getenv("BENCH_THREADS"))
  i = slot
  non2xx = 0
end

function take()
  if i >= count then
    wrk.thread:stop()
    return nil
  end
  local n = first + i
  i = i + nthreads
  return n
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
