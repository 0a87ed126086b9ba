#!/usr/bin/env bash
# Time to healthy and memory of the local stack: `make up` from stopped processes (warm build), N times,
# on its own profile and ports; then identity's liveness latency during a burst of failed logins, with the
# platform's default thread selection and with the old one (everything on the event loop) forced by configuration.
# Prints the figures and writes bench/reports/startup.md.
#   bench/startup/run.sh [runs]        (default 3; build the jars first, e.g. make build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
export ZENDO_ENV=bench ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-31000} ZENDO_RUN_DIR=$root/.run/bench
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/postgres.sh"
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

clients=16 attempts=5
identity_url="http://$ZENDO_HOST:$(service_port identity)"
work=$(mktemp -d)

# One client: $attempts wrong passwords for its own email from its own address (within the login limits).
failed_logins() {
  local label=$1 client=$2 i
  for ((i = 1; i <= attempts; i++)); do
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "$identity_url/v1/auth/login" \
      -H 'Content-Type: application/json' -H "X-Forwarded-For: 198.18.$((RANDOM % 250)).$client" \
      -d "{\"email\":\"bench-$label-$client-$RANDOM@example.com\",\"password\":\"not-the-password\"}"
  done
}

# Liveness latencies (ms) polled one after the other until $1 exists.
poll_liveness() {
  until [[ -e $1 ]]; do
    curl -s -o /dev/null -w '%{time_total}\n' "$identity_url/health/liveness" | awk '{printf "%d\n", $1 * 1000}'
  done
}

# Prints "median max samples statuses" of liveness during $clients x $attempts failed logins.
login_burst() {
  local label=$1 done_flag=$work/$1.done c
  local -a logins=()
  poll_liveness "$done_flag" >"$work/$label.liveness" &
  local poller=$!
  for ((c = 1; c <= clients; c++)); do
    failed_logins "$label" "$c" >"$work/$label.$c.status" &
    logins+=($!)
  done
  wait "${logins[@]}"
  touch "$done_flag"
  wait "$poller"
  sort -n "$work/$label.liveness" | awk '{a[NR]=$1} END {printf "%d %d %d ", a[int((NR+1)/2)], a[NR], NR}'
  cat "$work/$label".*.status | sort | uniq -c | awk '{printf "%s%sx%s", (NR > 1 ? "," : ""), $2, $1} END {print ""}'
}

restart_identity() {
  service_stop identity
  (export "$@"; service_start identity)
  service_wait identity
}

read -r after_median after_max after_samples after_statuses < <(login_burst blocking-pool)
restart_identity MICRONAUT_SERVER_THREAD_SELECTION=MANUAL
read -r before_median before_max before_samples before_statuses < <(login_burst event-loop)
restart_identity MICRONAUT_SERVER_THREAD_SELECTION=AUTO
rm -rf "$work"
printf 'liveness during %dx%d failed logins, event loop (old):   median %d ms, max %d ms (%d probes; logins %s)\n' \
  "$clients" "$attempts" "$before_median" "$before_max" "$before_samples" "$before_statuses"
printf 'liveness during %dx%d failed logins, blocking pool (new): median %d ms, max %d ms (%d probes; logins %s)\n' \
  "$clients" "$attempts" "$after_median" "$after_max" "$after_samples" "$after_statuses"

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
Identity's \`GET /health/liveness\`, polled one request after another while $clients parallel clients each send
$attempts failed logins (argon2id, default cost), with the request thread selection forced back to the old
behaviour (\`MICRONAUT_SERVER_THREAD_SELECTION=MANUAL\`: every handler on the Netty event loop) and with the
platform default (blocking handlers on the bounded blocking pool, liveness on the event loop):

| thread selection | liveness median ms | liveness max ms | probes | login answers (status x count) |
| --- | --- | --- | --- | --- |
| event loop (old, MANUAL) | $before_median | $before_max | $before_samples | $before_statuses |
| blocking pool (new default) | $after_median | $after_max | $after_samples | $after_statuses |
EOT
echo "report: bench/reports/startup.md"
