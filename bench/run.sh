#!/usr/bin/env bash
# Starts the gateway jar on loopback with a fresh H2 database, seeds chains through the API itself, then
# measures each scenario with wrk (16 connections, 2 threads) and prints one table. See bench/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
port=${BENCH_PORT:-18080}
duration=${BENCH_DURATION:-10s}
report_duration=${BENCH_REPORT_DURATION:-5s}
# Every scenario is measured after a warm-up of the same requests, so that each face is measured compiled (as a
# service that runs for days is), not while the JIT still compiles it. The SOAP path (Woodstox, JAXB, the CXF
# SOAP chain) is several times more code than the REST one and needs ~15 s of traffic to settle.
warmup=${BENCH_WARMUP:-5s}
soap_warmup=${BENCH_SOAP_WARMUP:-15s}
connections=${BENCH_CONNECTIONS:-16}
threads=2
chains=${BENCH_CHAINS:-120000}
jar="$root/service/target/mipres-gateway.jar"
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx192m -XX:SharedArchiveFile=$root/service/target/mipres-gateway.jsa}   # as the README starts the service

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# The archive must be newer than the jar: a jar packaged again without it (-DskipClassData) makes the JVM refuse
# the archive, and the start is measured without it (seen: 4.6 s instead of about 1).
archive="$root/service/target/mipres-gateway.jsa"
[ -f "$jar" ] && [ "$archive" -nt "$jar" ] && [ -f "$root/client-stubs/target/mipres-client.jar" ] || (cd "$root" && mvn -B -q -DskipTests package)

work=$(mktemp -d)
base="http://127.0.0.1:$port"
api="/WSSUMMIPRESNOPBS/api"
export BENCH_LUA="$here/lua" BENCH_THREADS=$threads

# BENCH_DB=postgres measures on the PostgreSQL at 127.0.0.1:5432 (database test) in a schema of its own.
if [ "${BENCH_DB:-h2}" = postgres ]; then
  export MIPRES_DB_URL=jdbc:postgresql://127.0.0.1:5432/test MIPRES_DB_USER=postgres MIPRES_DB_SCHEMA="bench_$$"
fi
database=$([ "${BENCH_DB:-h2}" = postgres ] && echo "PostgreSQL" || echo "H2 (file; each answer waits for its commit to be written and forced to the disk, commits written in groups)")

# Every date of the run is a Bogotá day taken once: a run across Bogotá's midnight would date its deliveries before
# the programaciones seeded after it, which the service rightly refuses. So a run that would cross it waits.
to_midnight=$(( $(TZ=America/Bogota date -d 'tomorrow 00:00' +%s) - $(date +%s) ))
if [ "$to_midnight" -lt 1800 ]; then
  echo "waiting $to_midnight s for Bogotá's midnight: a run across it would mix two days" >&2
  sleep $((to_midnight + 5))
fi

started=$(date +%s%N)
MIPRES_PORT=$port MIPRES_HOST=127.0.0.1 MIPRES_DATA_DIR="$work/data" java $BENCH_JAVA_OPTS -jar "$jar" >"$work/gateway.log" 2>&1 &
pid=$!
cleanup() {
  local status=$?
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true   # the gateway ends on SIGTERM (143): not a failure
  [ -z "${MIPRES_DB_SCHEMA:-}" ] || psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $MIPRES_DB_SCHEMA CASCADE" >/dev/null 2>&1
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
  exit $status
}
trap cleanup EXIT
until curl -sf "$base/" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$work/gateway.log"; exit 1; }
  sleep 0.02
done
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))

token() { curl -sf "$base$api/GenerarToken/$1/$2" | tr -d '"'; }
eps=$(token 800000001 8B1B2C3D-0000-4000-8000-000000000001)
prov=$(token 900000001 9A1B2C3D-0000-4000-8000-000000000002)
today=$(TZ=America/Bogota date +%F)
fecmax=$(TZ=America/Bogota date -d '+30 days' +%F)

# wrk over a numbered range of seeded chains: each request takes the next number; a thread whose share runs
# out stops (the run then reports fewer requests: the script warns when that happened).
sequence() { # script path first count
  BENCH_PATH=$2 BENCH_FIRST=$3 BENCH_COUNT=$4 BENCH_TODAY=$today counted -s "$here/lua/$1" "$base"
}
# One wrk run, followed by the gateway's own CPU over it (user + system clock ticks of its process, so wrk's share
# of the two cores is not counted). The machine's speed moves under the runs; what a request costs in CPU beside
# what GET / costs is what the ratios are made of, so the table shows it too.
counted() { # wrk arguments...
  local t0; t0=$(ticks)
  wrk -t$threads -c$connections -d"$duration" --latency "$@" 2>"$work/wrk.err"
  echo "gateway_ticks: $(( $(ticks) - t0 ))"
}
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
clock_ticks=$(getconf CLK_TCK)

echo "seeding $chains chains (Direccionamiento + Programacion) through the API..." >&2
read -r first_id last_id < <(java "$here/Seed.java" chains "$base" "$eps" "$prov" "$chains" "$fecmax" "$work/chains.csv")

results=()
measure() { # label output
  local rps p50 p99 bad cpu
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$2")
  p50=$(awk '$1=="50%" {print $2}' <<<"$2")
  p99=$(awk '$1=="99%" {print $2}' <<<"$2")
  bad=$(grep -o 'non200: [0-9]*' <<<"$2" | awk '{print $2}')
  cpu=$(awk -v hz="$clock_ticks" '/requests in/ {n=$1} /^gateway_ticks:/ {t=$2} END {printf "%.0f", n ? t * 1e6 / hz / n : 0}' <<<"$2")
  results+=("$1|$rps|$(to_ms "$p50")|$(to_ms "$p99")|${bad:-?}|$cpu")
}
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
# A scenario whose range of chains ran out stopped early: its requests/s (over the whole duration) understates it.
warn_if_used_up() { # label output count
  local n; n=$(awk '/requests in/ {print $1}' <<<"$2")
  [ "${n:-0}" -lt $(($3 * 98 / 100)) ] || echo "warning: $1 used up its $3 chains before the end: its rate is understated; raise BENCH_CHAINS" >&2
}
get() { # path
  counted -s "$here/lua/get.lua" "$base$1"
}

duration=$warmup get / >/dev/null
measure "ceiling: GET /" "$(get /)"
generar_token="$api/GenerarToken/900000002/9A1B2C3D-0000-4000-8000-000000000003"
duration=$warmup get "$generar_token" >/dev/null
measure "GenerarToken" "$(get "$generar_token")"

rss_max=0
( while kill -0 $pid 2>/dev/null; do ps -o rss= -p $pid; sleep 0.25; done ) >"$work/rss" &
sampler=$!
warm=$(duration=$warmup sequence entrega.lua "$api/Entrega/900000001/$prov" "$first_id" "$chains")
# The measured run starts past every chain the warm-up took, answered or still in flight when it ended (those
# are committed too); a start from wrk's count of answers let 4–13 requests hit chains already delivered.
used() { awk '/^used:/ {print $2}' <<<"$1"; }
warm_done=$(used "$warm")
out=$(sequence entrega.lua "$api/Entrega/900000001/$prov" $((first_id + warm_done)) $((chains - warm_done)))
measure "PUT Entrega (new delivery each)" "$out"
done_requests=$(( warm_done + $(used "$out") ))   # chains from first_id on that PUT Entrega may have delivered
[ "${done_requests:-0}" -lt "$chains" ] || echo "warning: PUT Entrega used up all $chains seeded chains; raise BENCH_CHAINS" >&2
kill $sampler 2>/dev/null || true
rss_max=$(sort -n "$work/rss" | tail -1)
# The ceiling once more, right after the write it is compared with: on this shared machine the same build's
# GET / moved from 22,000 to 11,000 requests/s within one hour, so a ratio to a ceiling taken minutes earlier
# may say more about the machine than about the gateway. This row shows how far it moved.
measure "ceiling again: GET / (after PUT Entrega)" "$(get /)"

# 100 reported deliveries on today's date for the query scenario.
java "$here/Seed.java" reports "$base" "$prov" "$first_id" 100
measure "ReporteEntregaXFecha (100 records)" "$(get "$api/ReporteEntregaXFecha/900000001/$prov/$today")"

# ReporteEntrega, the same transaction over REST and over SOAP, on deliveries made for them: the programmed
# chains that PUT Entrega did not reach and that the submitter does not use, delivered now through the API.
submit_rows=${BENCH_SUBMIT_ROWS:-10000}
report_first=$((first_id + ${done_requests:-0} + 200))
report_count=$((chains - submit_rows - ${done_requests:-0} - 200))
[ "$report_count" -le 48000 ] || report_count=48000
if [ "$report_count" -gt 6000 ] && [ "${done_requests:-0}" -gt 6000 ]; then
  java "$here/Seed.java" deliver "$base" "$prov" "$report_first" "$report_count" "$today"
  export BENCH_NIT=900000001 BENCH_TOKEN=$prov
  # Warm both paths first, on deliveries PUT Entrega made (past the 100 the query scenario reported); the few
  # chains at the edges of its two runs that no thread reached answer 422 here, which a warm-up does not count.
  soap_warm_count=$(( (done_requests - 1000) * 2 / 3 ))
  duration=$soap_warmup sequence soap-reporte.lua "/WSSUMMIPRESNOPBS/soap/suministro" $((first_id + 1000)) $soap_warm_count >/dev/null
  duration=$warmup sequence reporte.lua "$api/ReporteEntrega/900000001/$prov" $((first_id + 1000 + soap_warm_count)) \
    $((done_requests - 1000 - soap_warm_count)) >/dev/null
  rest_share=$((report_count / 2))
  # 5 s each (BENCH_REPORT_DURATION): enough requests for a rate, few enough chains for the seeding to provide.
  out=$(duration=$report_duration sequence reporte.lua "$api/ReporteEntrega/900000001/$prov" "$report_first" "$rest_share")
  measure "REST ReporteEntrega (new report each)" "$out"
  warn_if_used_up "REST ReporteEntrega" "$out" "$rest_share"
  out=$(duration=$report_duration sequence soap-reporte.lua "/WSSUMMIPRESNOPBS/soap/suministro" $((report_first + rest_share)) $((report_count - rest_share)))
  measure "SOAP ReporteEntrega (new report each)" "$out"
  warn_if_used_up "SOAP ReporteEntrega" "$out" $((report_count - rest_share))
else
  echo "warning: too few chains for the ReporteEntrega scenarios; raise BENCH_CHAINS" >&2
fi

# The batch submitter (client-stubs/target/mipres-client.jar) over the last chains, which no scenario above
# touched: first their entregas, then their reportes, each timed from the java command to its exit.
submit_concurrency=${BENCH_SUBMIT_CONCURRENCY:-16}
client_jar="$root/client-stubs/target/mipres-client.jar"
submit_lines=()
if [ "${done_requests:-0}" -lt $((chains - submit_rows)) ]; then
  tail -n "$submit_rows" "$work/chains.csv" >"$work/tail.csv"
  { echo "ID,NoPrescripcion,CodSerTecEntregado,CantTotEntregada,EntTotal,CausaNoEntrega,FecEntrega,NoLote,TipoIDRecibe,NoIDRecibe"
    awk -F, -v d="$today" '{print $1","$2",19943544-1,30,1,0,"d",L1,CC,1020304050"}' "$work/tail.csv"; } >"$work/entregas.csv"
  { echo "ID,NoPrescripcion,EstadoEntrega,CausaNoEntrega,ValorEntregado"
    awk -F, '{print $1","$2",1,0,12500.50"}' "$work/tail.csv"; } >"$work/reportes.csv"
  for kind in entregas reportes; do
    t0=$(date +%s%N)
    java -jar "$client_jar" submit $kind "$work/$kind.csv" --url "$base" --nit 900000001 \
      --token 9A1B2C3D-0000-4000-8000-000000000002 --concurrency "$submit_concurrency" 2>"$work/submit-$kind.log" \
      || { echo "the submitter failed on $kind:" >&2; tail -5 "$work/submit-$kind.log" >&2; }
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    ok=$(grep -c ',OK,' "$work/$kind.results.csv" || true)
    submit_lines+=("$kind|$ok|$ms")
  done
else
  echo "warning: PUT Entrega used the chains the submitter scenario needs; raise BENCH_CHAINS" >&2
fi

# label prefix, column; empty for a scenario that did not run (too few chains), which must not end the script under -e
field_of() { { grep "^$1" <<<"$(printf '%s\n' "${results[@]}")" || true; } | cut -d'|' -f"$2"; }
rate_of() { field_of "$1" 2; }
cpu_of() { field_of "$1" 6; }
ceiling=$(rate_of 'ceiling: GET')
rest_put=$(rate_of 'PUT Entrega')
printf '\n| scenario | requests/s | p50 ms | p99 ms | non-200 | gateway CPU µs/request | ratio to ceiling |\n|---|---:|---:|---:|---:|---:|---:|\n'
for row in "${results[@]}"; do
  IFS='|' read -r label rps p50 p99 bad cpu <<<"$row"
  printf '| %s | %.0f | %s | %s | %s | %s | %.2f |\n' "$label" "$rps" "$p50" "$p99" "$bad" "$cpu" "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN{print a/b}')"
done
ceiling_again=$(rate_of 'ceiling again')
printf '\nPUT Entrega / the ceiling measured right after it: %.2f\n' "$(awk -v a="$rest_put" -v b="$ceiling_again" 'BEGIN{print a/b}')"
# Both scenarios keep the two cores busy, so a rate ratio of 0.40 asks a delivery for at most ~2.5x the CPU of GET /.
printf 'PUT Entrega costs %.1fx the gateway CPU of GET / (the mean of the two ceiling rows)\n' \
  "$(awk -v p="$(cpu_of 'PUT Entrega')" -v a="$(cpu_of 'ceiling: GET')" -v b="$(cpu_of 'ceiling again')" 'BEGIN{print 2*p/(a+b)}')"
soap_rps=$(rate_of 'SOAP ReporteEntrega')
rest_reporte=$(rate_of 'REST ReporteEntrega')
[ -z "$soap_rps" ] || printf '\nSOAP ReporteEntrega / REST ReporteEntrega (the same transaction): %.2f; SOAP ReporteEntrega / REST PUT Entrega: %.2f\n' \
  "$(awk -v a="$soap_rps" -v b="$rest_reporte" 'BEGIN{print a/b}')" "$(awk -v a="$soap_rps" -v b="$rest_put" 'BEGIN{print a/b}')"
if [ ${#submit_lines[@]} -gt 0 ]; then
  printf '\n| batch submitter (%d rows, concurrency %d, REST) | rows OK | total s | rows/s | ratio to REST PUT Entrega |\n|---|---:|---:|---:|---:|\n' "$submit_rows" "$submit_concurrency"
  for line in "${submit_lines[@]}"; do
    IFS='|' read -r kind ok ms <<<"$line"
    printf '| submit %s | %d | %.1f | %.0f | %.2f |\n' "$kind" "$ok" "$(awk -v m="$ms" 'BEGIN{print m/1000}')" \
      "$(awk -v n="$ok" -v m="$ms" 'BEGIN{print n*1000/m}')" "$(awk -v n="$ok" -v m="$ms" -v r="$rest_put" 'BEGIN{print n*1000/m/r}')"
  done
fi
printf '\nstart to first answer: %d ms; peak resident memory during PUT Entrega: %d MB\n%s; %s; JVM options: %s; %d connections, %s per scenario, %d cores\n' \
  "$startup_ms" "$((rss_max / 1024))" "$database" "$(java -version 2>&1 | head -1)" "${BENCH_JAVA_OPTS:-none}" "$connections" "$duration (ReporteEntrega scenarios: $report_duration) after a warm-up of $warmup (SOAP: $soap_warmup)" "$(nproc)"
