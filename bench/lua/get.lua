-- A plain GET with the header real clients send.
dofile(os.getenv("BENCH_LUA") .. "/counting.lua")
wrk.headers["Content-Type"] = "application/json"

function init(args)
  non2xx = 0
end
