-- For the scenarios that need a new record per request: thread k of n takes the k-th, (k+n)-th, ... number
-- of a range, and stops when its share is used up, so that every request is a distinct, valid transaction.
dofile(os.getenv("BENCH_LUA") .. "/counting.lua")

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
