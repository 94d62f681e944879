-- REST ReporteEntrega: each request reports a different delivered chain (the same transaction as the SOAP scenario).
dofile(os.getenv("BENCH_LUA") .. "/sequence.lua")
local path = os.getenv("BENCH_PATH")

request = function()
  local id = take()
  if id == nil then return wrk.format("GET", "/") end
  local body = string.format('{"ID":%d,"EstadoEntrega":1,"CausaNoEntrega":0,"ValorEntregado":"12500.50"}', id)
  return wrk.format("PUT", path, {["Content-Type"] = "application/json"}, body)
end
