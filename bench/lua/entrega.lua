-- The measured write: PUT Entrega, each request a new valid delivery of a programmed chain, committed.
dofile(os.getenv("BENCH_LUA") .. "/sequence.lua")
local path = os.getenv("BENCH_PATH")
local today = os.getenv("BENCH_TODAY")

request = function()
  local id = take()
  if id == nil then return wrk.format("GET", "/") end
  local body = string.format('{"ID":%d,"CodSerTecEntregado":"19943544-1","CantTotEntregada":"30","EntTotal":1,'
    .. '"CausaNoEntrega":0,"FecEntrega":"%s","NoLote":"L123","TipoIDRecibe":"CC","NoIDRecibe":"1020304050"}', id, today)
  return wrk.format("PUT", path, {["Content-Type"] = "application/json"}, body)
end
