#!/usr/bin/env bash
# Time to healthy and memory of the local stack: `make up` from stopped processes (warm build), N times,
# on its own profile and ports. Prints the figures and writes bench/reports/startup.md.
#   bench/startup/run.sh [runs]        (default 3; build the jars first, e.g. make build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
export ZENDO_ENV=bench ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-47000} ZENDO_RUN_DIR=$root/.run/bench
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/services.sh"

trap 'bash "$root/scripts/down.sh" >/dev/null 2>&1 || true' EXIT
bash "$root/scripts/up.sh" >/dev/null 2>&1   # first start: formats storage, installs front ends, generates keys
times=()
for ((i = 1; i <= runs; i++)); do
  bash "$root/scripts/down.sh" >/dev/null 2>&1
  start=$(now_ms)
  ZENDO_SKIP_BUILD=1 bash "$root/scripts/up.sh" >/dev/null 2>&1
  times+=($(( $(now_ms) - start )))
  printf 'run %d: healthy in %d ms\n' "$i" "${times[-1]}"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

rss_rows=""
for svc in "${ZENDO_SERVICES[@]}"; do
  pid=$(head -n1 "$(service_pid "$svc")")
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  rss_rows+="| $svc | $rss |"$'\n'
  printf '%-15s RSS %4d MiB\n' "$svc" "$rss"
done
printf 'median time to healthy: %d ms over %d runs (goal < 60000 ms)\n' "$median" "$runs"

mkdir -p "$root/bench/reports"
cat >"$root/bench/reports/startup.md" <<EOT
# Local stack startup

Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, with \`bench/startup/run.sh $runs\`:
\`make up\` from stopped services with warm builds (servers, five services, gateway), until every
service is healthy through the gateway. Goal: < 60 s.

| runs | median ms | all runs ms |
| --- | --- | --- |
| $runs | $median | ${times[*]} |

Resident memory of each service right after start (ZENDO_JAVA_OPTS: \`$ZENDO_JAVA_OPTS\`):

| service | RSS MiB |
| --- | --- |
$rss_rows
EOT
echo "report: bench/reports/startup.md"
