#!/usr/bin/env bash
# Durable message writes through conversations' widget API (POST /v1/widget/messages) on this machine: the ceiling
# (closed loops, and a fixed rate at the 2,000/s goal), the latency at a fixed rate (open model, HdrHistogram, no
# coordinated omission) and the outbox lag from commit to Kafka's acknowledgement (zendo_outbox_lag_seconds, read
# from /prometheus before and after each run). Starts its own PostgreSQL (fsync and synchronous_commit on), Redis,
# Kafka, identity, websites and conversations on ports of its own, prints each figure and writes
# bench/reports/conversations.md.
#   bench/conversations/run.sh [seconds]
# seconds: the fixed-rate run (default 60); the closed loops and the run at the goal take half as long each.
# BENCH_SCENARIO=websites measures instead, as a stand-in while conversations has no widget API, website renames
# through websites' PATCH /v1/websites/{id} at a fixed BENCH_RATE (default 200/s) and websites' outbox lag.
# Settings (environment): BENCH_RATE (1000 messages/s), BENCH_VISITORS (500), BENCH_CEILING_CONCURRENCY (16,64),
# BENCH_CONNECTIONS (64), BENCH_WARMUP_SECONDS (90; websites: 20), BENCH_PORT_BASE (31200), BENCH_JAVA_OPTS (the services' JVM),
# BENCH_SERVICE_ENV (extra VAR=value settings for the services, space-separated), BENCH_SKIP_BUILD=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [seconds]" >&2; exit 2; }
scenario=${BENCH_SCENARIO:-conversations}
case "$scenario" in
  conversations) rate=${BENCH_RATE:-1000} warmup_seconds=${BENCH_WARMUP_SECONDS:-90} ;;
  websites) rate=${BENCH_RATE:-200} warmup_seconds=${BENCH_WARMUP_SECONDS:-20} ;;
  *) echo "BENCH_SCENARIO is conversations or websites, not $scenario" >&2; exit 2 ;;
esac
visitors=${BENCH_VISITORS:-500}
ceiling_concurrency=${BENCH_CEILING_CONCURRENCY:-16,64}
connections=${BENCH_CONNECTIONS:-64}
ceiling_seconds=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
# A larger connection pool; widget calls carry an Origin that is not localhost while the generator reaches the
# services on 127.0.0.1, which Micronaut refuses (403) as a drive-by attack on localhost unless told otherwise; one
# agent makes every websites call; the widget's limits per IP (sessions), per visitor (messages) and per website (new
# conversations) far above the load, which comes from one address.
service_env=${BENCH_SERVICE_ENV:-"DATABASE_POOL_SIZE=20 MICRONAUT_SERVER_CORS_LOCALHOST_PASS_THROUGH=true WEBSITES_API_LIMIT=1000000 WEBSITE_CREATION_LIMIT=100 WIDGET_SESSION_LIMIT=1000000 WIDGET_MESSAGE_LIMIT=1000000 WIDGET_CONVERSATION_LIMIT=1000000"}

export ZENDO_ENV=bench-conversations ZENDO_PORT_BASE=${BENCH_PORT_BASE:-31200}
export ZENDO_RUN_DIR=$root/.run/bench-conversations ZENDO_PG_DURABLE=1
export ZENDO_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m -Xss512k -XX:+ExitOnOutOfMemoryError}
source "$root/scripts/lib/common.sh"
for lib in postgres redis kafka services; do source "$root/scripts/lib/$lib.sh"; done
ZENDO_SERVICES=(identity websites conversations)
require_tools java javac curl psql

stop_all() {
  for ((i = ${#ZENDO_SERVICES[@]} - 1; i >= 0; i--)); do service_stop "${ZENDO_SERVICES[i]}"; done
  kafka_stop; redis_stop; pg_stop
}
stop_all 2>/dev/null
rm -rf "$ZENDO_RUN_DIR"
trap 'stop_all >/dev/null 2>&1 || true' EXIT

for setting in $service_env; do export "${setting?}"; done
pg_start; redis_start; kafka_start; pg_bootstrap
[[ "${BENCH_SKIP_BUILD:-}" == 1 ]] || services_build
generator=$root/bench/conversations
"$root/mvnw" -q -B -f "$root/bench/pom.xml" -pl conversations -am package dependency:build-classpath -Dmaven.test.skip=true \
  -Dmdep.outputFile=target/classpath.txt >&2 || die "could not build the load generator"
services_keys
for svc in "${ZENDO_SERVICES[@]}"; do service_start "$svc"; done
for svc in "${ZENDO_SERVICES[@]}"; do service_wait "$svc" 120; done

durability=$(PGPASSWORD=$(pg_role_password "$(service_role conversations)") psql -X -q -tA -h "$ZENDO_HOST" -p "$ZENDO_PG_PORT" \
  -U "$(service_role conversations)" -d "$ZENDO_PG_DATABASE" -c 'SHOW fsync' -c 'SHOW synchronous_commit' | paste -sd' ')
[[ "$durability" == "on on" ]] || die "PostgreSQL must run with fsync and synchronous_commit on (fsync, synchronous_commit: $durability)"

figures=$ZENDO_RUN_DIR/figures.md
load_avg=$(cut -d' ' -f1-3 /proc/loadavg)
log "settings: $scenario, $seconds s at $rate/s, closed loops of $ceiling_concurrency for $ceiling_seconds s, $visitors visitors, at most $connections connections; services: $ZENDO_JAVA_OPTS $service_env"
java -Xmx256m -XX:+UseSerialGC -cp "$generator/target/classes:$(cat "$generator/target/classpath.txt")" dev.zendo.bench.conversations.Main "$scenario" \
  --identity="http://$ZENDO_HOST:$(service_port identity)" --websites="http://$ZENDO_HOST:$(service_port websites)" \
  --conversations="http://$ZENDO_HOST:$(service_port conversations)" --report="$figures" \
  --visitors="$visitors" --warmup-seconds="$warmup_seconds" --ceiling-concurrency="$ceiling_concurrency" \
  --ceiling-seconds="$ceiling_seconds" --rate="$rate" --seconds="$seconds" --connections="$connections"

if [[ $scenario == conversations ]]; then
  title="Conversations: durable message writes, API latency, outbox lag"
  load="- Load: one agent and one website, $visitors visitor sessions (\`POST /v1/widget/session\`), then
  \`POST /v1/widget/messages\` (a new \`client_msg_id\` each, 201 expected) from the visitors in turn: a warm-up of
  $warmup_seconds s (a closed loop of 16 in flight, so the services' JIT compiles the path before anything is measured),
  closed loops of $ceiling_concurrency requests in flight for $ceiling_seconds s each (the ceiling), a fixed
  2,000 messages/s (the goal) for $ceiling_seconds s, then a fixed $rate messages/s for $seconds s. Each run starts once the
  outbox relay has caught up with the one before.
- Page views: between the ceiling and the fixed rates, the visitors' session starts with their tokens (\`POST
  /v1/widget/session\`, 201 expected; what the widget sends on each page a returning visitor opens, and what reads the
  resume cursor from Kafka) in a closed loop of 16 for 20 s, after 20 s of it unmeasured."
else
  title="Outbox lag and a durable write's latency, measured on websites (stand-in: conversations has no widget API yet)"
  load="- Load: one agent renames 8 websites in turn through websites' \`PATCH /v1/websites/{id}\` (one row update under
  the website's lock and one \`WebsiteUpdated\` outbox event each, 200 expected): a warm-up of $warmup_seconds s at 100/s,
  then a fixed $rate/s for $seconds s. The lag is websites' own \`zendo_outbox_lag_seconds\` (same library)."
fi
command="bench/conversations/run.sh $seconds"
for var in BENCH_SCENARIO BENCH_RATE BENCH_VISITORS BENCH_CEILING_CONCURRENCY BENCH_CONNECTIONS BENCH_WARMUP_SECONDS BENCH_JAVA_OPTS BENCH_SERVICE_ENV; do
  [[ -n "${!var:-}" ]] && command="$var='${!var}' $command"
done
mkdir -p "$root/bench/reports"
cat >"$root/bench/reports/conversations.md" <<EOT
# $title

Measured $(date -u +%Y-%m-%dT%H:%MZ) with \`$command\` on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -n1)),
$(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n1), PostgreSQL $("$(pg_bin)/postgres" --version | awk '{print $3}'),
Kafka $ZENDO_KAFKA_VERSION, load average before the run $load_avg. Everything (PostgreSQL, Redis, Kafka, identity,
websites, conversations and the load generator) shares these cores; the machine is shared with other work.

- PostgreSQL: \`fsync\` and \`synchronous_commit\` on (checked as conversations' role before the run), the other
  settings default. Kafka: one broker, \`acks=all\`, the relay's idempotent producer.
- Services: \`ZENDO_JAVA_OPTS=$ZENDO_JAVA_OPTS\`, \`$service_env\`. The generator calls the services
  directly on loopback (no gateway), over HTTP/1.1 keep-alive connections on one Netty event loop (at most $connections).
$load
- Fixed-rate runs schedule every send time up front and record each latency (HdrHistogram) from the intended send
  time to the answer, so stalls are charged to every request due during them (no coordinated omission).
- Outbox lag: \`zendo_outbox_lag_seconds\` (from the outbox row's insert, just before commit, to Kafka's ack),
  its histogram buckets read from the service's \`/prometheus\` before each run and after it (once the relay has
  caught up), quantiles interpolated within buckets as PromQL's \`histogram_quantile\` does.

$(cat "$figures")

Compare figures within one run: the machine is small and shared.
EOT
log "report: bench/reports/conversations.md"
