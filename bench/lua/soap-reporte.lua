-- SOAP ReporteEntrega: each request reports a different delivered chain, through the SOAP face.
dofile(os.getenv("BENCH_LUA") .. "/sequence.lua")
local path = os.getenv("BENCH_PATH")
local nit = os.getenv("BENCH_NIT")
local token = os.getenv("BENCH_TOKEN")

request = function()
  local id = take()
  if id == nil then return wrk.format("GET", "/") end
  local body = string.format('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
    .. 'xmlns:s="urn:mipres-gateway:suministro:v1"><soapenv:Header><s:Credenciales><s:nit>%s</s:nit>'
    .. '<s:token>%s</s:token></s:Credenciales></soapenv:Header><soapenv:Body><s:ReporteEntrega><s:ID>%d</s:ID>'
    .. '<s:EstadoEntrega>1</s:EstadoEntrega><s:CausaNoEntrega>0</s:CausaNoEntrega>'
    .. '<s:ValorEntregado>12500.50</s:ValorEntregado></s:ReporteEntrega></soapenv:Body></soapenv:Envelope>',
    nit, token, id)
  return wrk.format("POST", path, {["Content-Type"] = "text/xml; charset=utf-8",
    ["SOAPAction"] = '"urn:mipres-gateway:suministro:ReporteEntrega"'}, body)
end
