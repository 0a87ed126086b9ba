#!/usr/bin/env bash
# make bench: every benchmark through one entry point; writes bench/results/<date>.md and .json (machine, settings,
# every figure). make bench SCENARIO=<name> runs one (SCENARIO=e2e,reconnect a few, on one stack; a name given twice
# runs twice, the second's figures named <name>-2). Each scenario prints its headline figure last.
#   bench/run.sh [all|e2e|fanout|memory|peer|reconnect|durable|startup|outbox|replica]
# Scenarios 1-6 of issue #11 (e2e, fanout, memory, peer, reconnect, durable) and the earlier benchmarks (startup,
# outbox, replica; durable is bench/conversations, memory includes bench/realtime-memory) run their own run.sh.
# The realtime scenarios share one local stack (scripts/up.sh, two edge nodes, no front ends) on ZENDO_ENV /
# ZENDO_PORT_BASE (default bench-load / 31600); the other benchmarks get ports from the same block of 1,000.
# Settings (environment, defaults are the issue's full run): BENCH_SECONDS (60), BENCH_E2E_RATE (500/s),
# BENCH_E2E_VISITORS (50), BENCH_E2E_WARMUP_SECONDS (60), BENCH_FANOUT_CLIENTS (10000), BENCH_FANOUT_RATE (5 events/s), BENCH_WARMUP_SECONDS (10),
# BENCH_IDLE_CLIENTS (20000), BENCH_RECONNECT_CLIENTS (5000), BENCH_RECONNECT_RATE (5/s), BENCH_RECONNECT_STANDING (a tenth of the clients),
# BENCH_RECONNECT_TICKETS (own: a realtime ticket per client; shared: one for all), BENCH_RECONNECT_BACKOFF_MS (500:
# the dashboard's first reconnect wait, a random part of it; 0: every client at once), BENCH_CLIENT_THREADS (2),
# BENCH_REALTIME_MEMORY_SOCKETS (20000), BENCH_DURABLE_SECONDS (60), BENCH_STARTUP_RUNS (3), BENCH_OUTBOX_SECONDS (15),
# BENCH_REPLICA_WEBSITES (10), BENCH_JAVA_OPTS (the stack's JVMs), BENCH_SKIP_BUILD=1 (reuse built jars).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scenario=${1:-all}
scenarios=(startup outbox replica durable e2e fanout memory peer reconnect)
if [[ $scenario == all ]]; then selected=("${scenarios[@]}"); else read -r -a selected <<<"${scenario//,/ }"; fi
for one in "${selected[@]}"; do
  printf '%s\n' "${scenarios[@]}" | grep -qx -- "$one" \
    || { echo "SCENARIO is all, or one or more (comma-separated) of: ${scenarios[*]}; not '$one'" >&2; exit 2; }
done

# Ports below the kernel's ephemeral range (32768 and up), which the generator's and the services' outgoing
# connections draw from: a service restarted there can find its port held by one.
export ZENDO_ENV=${ZENDO_ENV:-bench-load} ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-31600} ZENDO_EDGE_NODES=2 ZENDO_SKIP_FRONTENDS=1
base=$ZENDO_PORT_BASE
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/services.sh"
require_tools java javac curl jq npm node jcmd

seconds=${BENCH_SECONDS:-60}
warmup=${BENCH_WARMUP_SECONDS:-10}
client_threads=${BENCH_CLIENT_THREADS:-2}
ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# One process holds every socket of a scenario (the server, and the generator): more than the open-files limit cannot
# be opened here, so the socket counts are capped below it, and the results show the counts used.
cap_sockets() {
  local var=$1 fallback=$2 most=$(( $(ulimit -n) - 1000 ))
  local wanted=${!var:-$fallback}
  if ((wanted > most)); then
    log "$var=$wanted is above what ulimit -n ($(ulimit -n); raise the hard limit to go further) allows: using $most"
    wanted=$most
  fi
  export "$var=$wanted"
}
cap_sockets BENCH_FANOUT_CLIENTS 10000
cap_sockets BENCH_IDLE_CLIENTS 20000
cap_sockets BENCH_RECONNECT_CLIENTS 5000
cap_sockets BENCH_REALTIME_MEMORY_SOCKETS 20000
stamp=$(date -u +%Y-%m-%dT%H%MZ)
name=$stamp${1:+-${scenario//,/-}}
work=$ZENDO_RUN_DIR/bench-$stamp
mkdir -p "$work" "$root/bench/results"
generator=$root/bench/load
peer_dir=$root/bench/peer-socketio
peer_pid=""
failed=()
repeat=""

# The stack's services: large enough limits for the load (it comes from one address and one agent), tickets and
# tokens that outlive a run (clients do not renew), the JIT's full tiers, and PostgreSQL with fsync and
# synchronous_commit on, as in production (a test stack turns them off).
export ZENDO_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx512m -Xss512k -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
stack_env="ZENDO_AUTH_SIGNING_TTL=3h SIGNUP_ADDRESS_LIMIT=100000 WEBSITE_CREATION_LIMIT=100000 WEBSITES_API_LIMIT=1000000
  WIDGET_SESSION_LIMIT=1000000 WIDGET_MESSAGE_LIMIT=1000000 WIDGET_CONVERSATION_LIMIT=1000000
  MICRONAUT_SERVER_CORS_LOCALHOST_PASS_THROUGH=true DATABASE_POOL_SIZE=20 ZENDO_PG_DURABLE=1"
for setting in $stack_env; do export "${setting?}"; done

# A stack starts from empty stores: rows, topics and schemas an earlier run (or an older build) left would be part of
# what is measured.
stack_up() {
  stack_down
  rm -rf "$ZENDO_RUN_DIR/postgres" "$ZENDO_RUN_DIR/redis" "$ZENDO_RUN_DIR/kafka"
  log "starting the stack ($ZENDO_ENV, ports from $base, two edge nodes, empty stores; log $work/up.log)"
  bash "$root/scripts/up.sh" >"$work/up.log" 2>&1 || { tail -n 20 "$work/up.log" >&2; die "the stack did not start"; }
  export BENCH_SKIP_BUILD=1 ZENDO_SKIP_BUILD=1
}
stack_running() { service_running realtime-edge && service_running realtime-edge-2; }
stack_down() { bash "$root/scripts/down.sh" >/dev/null 2>&1 || true; }
peer_down() { [[ -z $peer_pid ]] || { kill "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; peer_pid=""; }; }
trap 'peer_down; stack_down' EXIT

build_generator() {
  [[ -s $generator/target/classpath.txt ]] && [[ ${BENCH_SKIP_BUILD:-} == 1 ]] && return 0
  "$root/mvnw" -q -B -f "$root/bench/pom.xml" -pl load -am package dependency:build-classpath -Dmaven.test.skip=true \
    -Dmdep.outputFile=target/classpath.txt >&2 || die "could not build the load generator"
}

# Runs the generator: generate <mode> <name> [--option=value...]; prints its figures into <name>.txt, writes <name>.json.
# A scenario named again in SCENARIO (reconnect,reconnect: the second on a warm stack) adds "-2" and so on to its names.
generate() {
  local mode=$1 name=$2$repeat status=0; shift 2
  java -Xmx1g -cp "$generator/target/classes:$(cat "$generator/target/classpath.txt")" dev.zendo.bench.load.Main "$mode" \
    --json="$work/$name.json" --clock-ticks="$(getconf CLK_TCK)" --client-threads="$client_threads" "$@" 2>&1 \
    | tee "$(output "$name")" || status=$?
  [[ -z $repeat || ! -f $work/$name.json ]] || { jq --arg repeat "$repeat" '.scenario += $repeat' "$work/$name.json" >"$work/$name.json.tmp" \
    && mv "$work/$name.json.tmp" "$work/$name.json"; }
  return "$status"
}

# The file of a scenario's printed figures; the results list them in the order they were made.
output() { echo "$1" >>"$work/order"; echo "$work/$1.txt"; }

edge_options() {
  local node=${1:-realtime-edge}
  echo "--target=zendo --gateway=http://$ZENDO_HOST:$ZENDO_GATEWAY_PORT --kafka=$ZENDO_HOST:$ZENDO_KAFKA_PORT" \
    "--edge-ws=ws://$ZENDO_HOST:$(edge_ws_port "$node")/ws --edge-http=http://$ZENDO_HOST:$(service_port "$node")" \
    "--server-pid=$(head -n1 "$(service_pid "$node")")"
}

peer_up() {
  local port=$((base + 90))
  [[ -d $peer_dir/node_modules ]] || (cd "$peer_dir" && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1) || die "npm ci failed in $peer_dir"
  PORT=$port REDIS_URL="redis://$ZENDO_HOST:$ZENDO_REDIS_PORT" node --expose-gc "$peer_dir/server.js" >"$work/peer.log" 2>&1 &
  peer_pid=$!
  wait_until "the socket.io peer" 20 "$work/peer.log" curl -fs "http://$ZENDO_HOST:$port/stats"
  peer_options="--target=socketio --peer=http://$ZENDO_HOST:$port --redis=redis://$ZENDO_HOST:$ZENDO_REDIS_PORT --server-pid=$peer_pid"
}

# A benchmark with its own run.sh: its output, its headline (last line) and the figures of its report into JSON.
folded() {
  local name=$1$repeat report=$2; shift 2
  "$@" 2>&1 | tee "$(output "$name")"
  local table=""
  [[ -f $root/bench/reports/$report ]] && table=$(grep -E '^\| ' "$root/bench/reports/$report" || true)
  jq -n --arg scenario "$name" --arg command "$*" --rawfile output "$work/$name.txt" --arg table "$table" --arg report "bench/reports/$report" \
    '{scenario: $scenario, settings: {command: $command}, figures: {output: ($output | split("\n") | map(select(length > 0))),
      report: $report, report_table: ($table | split("\n") | map(select(length > 0)))}}' >"$work/$name.json"
}

# make up's own JVM settings (C1 only) and one edge node: the startup benchmark times make up, not the load stack.
run_startup() {
  folded startup startup.md env -u ZENDO_JAVA_OPTS -u ZENDO_EDGE_NODES ZENDO_PORT_BASE=$((base + 100)) \
    bash "$root/bench/startup/run.sh" "${BENCH_STARTUP_RUNS:-3}"
}
run_outbox() { folded outbox outbox.md env ZENDO_PORT_BASE=$((base + 300)) bash "$root/bench/outbox/run.sh" "${BENCH_OUTBOX_SECONDS:-15}"; }
run_replica() { folded replica replica.md env ZENDO_PORT_BASE=$((base + 200)) bash "$root/bench/replica/run.sh" "${BENCH_REPLICA_WEBSITES:-10}"; }
run_durable() {
  folded durable conversations.md env BENCH_PORT_BASE=$((base + 400)) bash "$root/bench/conversations/run.sh" "${BENCH_DURABLE_SECONDS:-60}"
}

# The stack's processes by name (each service instance, PostgreSQL, Kafka, Redis, the gateway) as name:pid,...
stack_pids() {
  local pids="" svc instance named
  local files=("postgres:$ZENDO_RUN_DIR/postgres/data/postmaster.pid" "kafka:$ZENDO_RUN_DIR/kafka/kafka.pid"
    "redis:$ZENDO_RUN_DIR/redis/redis.pid" "gateway:$ZENDO_RUN_DIR/gateway/nginx.pid")
  for svc in "${ZENDO_SERVICES[@]}"; do
    while read -r instance; do files+=("$instance:$(service_pid "$instance")"); done < <(service_instances "$svc")
  done
  for named in "${files[@]}"; do
    [[ -s ${named#*:} ]] && pids+="${named%%:*}:$(head -n1 "${named#*:}"),"
  done
  echo "${pids%,}"
}

run_e2e() {
  generate e2e e2e --gateway="http://$ZENDO_HOST:$ZENDO_GATEWAY_PORT" --rate="${BENCH_E2E_RATE:-500}" --seconds="$seconds" \
    --warmup-seconds="${BENCH_E2E_WARMUP_SECONDS:-60}" --visitors="${BENCH_E2E_VISITORS:-50}" --stack-pids="$(stack_pids)"
}

fanout() {
  local target=$1; shift
  generate fanout "fanout-$target" "$@" --clients="${BENCH_FANOUT_CLIENTS:-10000}" --rate="${BENCH_FANOUT_RATE:-5}" \
    --seconds="$seconds" --warmup-seconds="$warmup"
}
idle() { local target=$1; shift; generate idle "idle-$target" "$@" --clients="${BENCH_IDLE_CLIENTS:-20000}"; }

run_fanout() {
  # shellcheck disable=SC2046
  fanout zendo $(edge_options)
}

run_memory() {
  local memory_base=$((base + 500))
  folded realtime-memory realtime-memory.md env BENCH_PORT_BASE=$memory_base BENCH_SKIP_BUILD="${BENCH_SKIP_BUILD:-}" \
    bash "$root/bench/realtime-memory/run.sh" "${BENCH_REALTIME_MEMORY_SOCKETS:-20000}"
  ZENDO_ENV=bench-realtime ZENDO_PORT_BASE=$memory_base bash "$root/scripts/infra.sh" stop >/dev/null 2>&1 || true
  # shellcheck disable=SC2046
  idle zendo $(edge_options)
}

run_peer() {
  trap peer_down EXIT
  peer_up
  # shellcheck disable=SC2046
  [[ -f $work/fanout-zendo$repeat.json ]] || fanout zendo $(edge_options)
  # shellcheck disable=SC2046
  [[ -f $work/idle-zendo$repeat.json ]] || idle zendo $(edge_options)
  # shellcheck disable=SC2086
  fanout socketio $peer_options
  # shellcheck disable=SC2086
  idle socketio $peer_options
  peer_down
  jq -n --slurpfile zf "$work/fanout-zendo$repeat.json" --slurpfile sf "$work/fanout-socketio$repeat.json" \
    --slurpfile zi "$work/idle-zendo$repeat.json" --slurpfile si "$work/idle-socketio$repeat.json" --arg scenario "peer$repeat" '
    def ratio(a; b): if b == 0 then null else ((a / b) * 100 | round) / 100 end;
    {scenario: $scenario, settings: {}, figures: {
      deliveries_per_cpu_second_ratio: ratio($zf[0].figures.deliveries_per_cpu_second; $sf[0].figures.deliveries_per_cpu_second),
      rss_per_socket_ratio: ratio($zi[0].figures.rss_bytes_per_socket; $si[0].figures.rss_bytes_per_socket),
      live_per_socket_ratio: ratio($zi[0].figures.live_bytes_per_socket; $si[0].figures.live_bytes_per_socket)}}' >"$work/peer$repeat.json"
  jq -r '.figures | "Zendo / socket.io, memory per socket: RSS delta \(.rss_per_socket_ratio), live heap + off-heap \(.live_per_socket_ratio) (goal <= 0.33)",
    "Zendo / socket.io, deliveries per server CPU-second: \(.deliveries_per_cpu_second_ratio) (goal >= 3)"' "$work/peer$repeat.json" | tee "$(output "peer$repeat")"
}

run_reconnect() {
  # shellcheck disable=SC2046
  generate reconnect reconnect $(edge_options) --edge-ws-2="ws://$ZENDO_HOST:$(edge_ws_port realtime-edge-2)/ws" \
    --clients="${BENCH_RECONNECT_CLIENTS:-5000}" --rate="${BENCH_RECONNECT_RATE:-5}" --seconds="$seconds" \
    --standing-clients="${BENCH_RECONNECT_STANDING:-$(( ${BENCH_RECONNECT_CLIENTS:-5000} / 10 ))}" \
    --tickets="${BENCH_RECONNECT_TICKETS:-own}" --reconnect-backoff-ms="${BENCH_RECONNECT_BACKOFF_MS:-500}"
  log "restarting the killed edge node"
  bash "$root/scripts/up.sh" >>"$work/up.log" 2>&1 || die "the stack did not come back after the kill"
}

needs_stack() { [[ $1 == e2e || $1 == fanout || $1 == memory || $1 == peer || $1 == reconnect ]]; }

build_generator
declare -A runs=()
for current in "${selected[@]}"; do
  runs[$current]=$(( ${runs[$current]:-0} + 1 ))
  repeat=""
  (( ${runs[$current]} == 1 )) || repeat="-${runs[$current]}"
  if needs_stack "$current"; then
    stack_running || stack_up
  else
    stack_down
  fi
  log "scenario $current"
  set +e
  ( set -e; "run_$current" )
  status=$?
  set -e
  ((status == 0)) || { log "scenario $current failed (exit $status)"; failed+=("$current"); }
done
stack_down

# The results: machine, settings and every scenario's figures.
machine=$(jq -n --arg cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -n1)" --arg cores "$(nproc)" \
  --arg memory "$(free -g | awk '/Mem:/ {print $2}') GiB" --arg kernel "$(uname -r)" --arg java "$(java -version 2>&1 | head -n1)" \
  --arg node "$(node -v)" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  '{cpu: $cpu, cores: $cores, memory: $memory, kernel: $kernel, java: $java, node: $node, load_average_after: $load}')
settings=$(env | grep -E '^BENCH_' | sort | jq -R 'split("=") | {(.[0]): (.[1:] | join("="))}' | jq -s --arg java "$ZENDO_JAVA_OPTS" \
  --arg services "$(echo $stack_env)" 'add + {ZENDO_JAVA_OPTS: $java, stack_env: $services}')
shopt -s nullglob
jq -s --arg date "$stamp" --argjson machine "$machine" --argjson settings "$settings" --arg failed "${failed[*]}" \
  '{date: $date, machine: $machine, settings: $settings, failed: ($failed | split(" ") | map(select(length > 0))),
    scenarios: (map({(.scenario + (if .settings.target then "-" + .settings.target else "" end)): .}) | add // {})}' \
  "$work"/*.json </dev/null >"$root/bench/results/$name.json"
{
  echo "# Benchmarks, $stamp"
  echo
  echo "\`bench/run.sh $scenario\` on $(jq -r '"\(.cpu), \(.cores) cores, \(.memory), \(.java), Node \(.node)"' <<<"$machine");"
  echo "load average after the run $(jq -r .load_average_after <<<"$machine"). Settings: \`$(jq -c . <<<"$settings")\`."
  echo "Every figure is also in [$name.json]($name.json). Compare figures within one run: the machine is small and shared."
  ((${#failed[@]} == 0)) || echo "**Failed:** ${failed[*]} (their output is below)."
  [[ ! -f $work/order ]] || while read -r output; do
    echo
    echo "## $output"
    echo
    echo '```'
    grep -vE '^SLF4J|^\s+at ' "$work/$output.txt" || true
    echo '```'
  done <"$work/order"
} >"$root/bench/results/$name.md"
log "results: bench/results/$name.md and $name.json"
((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
