#!/usr/bin/env bash
# Idle memory per authenticated, subscribed visitor socket on one realtime edge node: starts Kafka and Redis on
# their own profile, one edge node (fixed, pre-touched heap, so the RSS delta is what the sockets cost outside the
# heap), then opens N visitor WebSockets from a separate JVM (bench/realtime-memory SocketLoad), and reads the edge's
# RSS, live heap after a full GC and Netty's direct memory before and after. Writes bench/reports/realtime-memory.md.
#   bench/realtime-memory/run.sh [sockets]      (default 10000; BENCH_SKIP_BUILD=1 reuses the built edge jar)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-10000}
export ZENDO_ENV=bench-realtime ZENDO_PORT_BASE=${BENCH_PORT_BASE:-31400}
source "$root/scripts/lib/common.sh"
edge_port=$((ZENDO_PORT_BASE + 84)) ws_port=$((ZENDO_PORT_BASE + 86))
heap=${BENCH_EDGE_HEAP:-384m}
work=$root/.run/bench-realtime-memory
rm -rf "$work" && mkdir -p "$work/classes"

eval "$(bash "$root/scripts/infra.sh" ensure | grep -E '^ZENDO_(KAFKA|REDIS)' | sed 's/^/export /')"
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  (cd "$root" && ./mvnw -B -q -o -pl services/realtime-edge -am package -DskipTests)
fi
jar=$(ls "$root"/services/realtime-edge/target/realtime-edge-*.jar | grep -v original | head -n1)
javac -q -d "$work/classes" -cp "$jar" "$root"/bench/realtime-memory/src/main/java/dev/zendo/bench/realtime/SocketLoad.java 2>/dev/null \
  || javac -d "$work/classes" -cp "$jar" "$root"/bench/realtime-memory/src/main/java/dev/zendo/bench/realtime/SocketLoad.java

edge_pid="" load_pid=""
cleanup() {
  touch "$work/done"
  [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null || true
  [[ -n $edge_pid ]] && kill "$edge_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

java -Xmx256m -cp "$work/classes:$jar" dev.zendo.bench.realtime.SocketLoad \
  "$ZENDO_KAFKA_BOOTSTRAP_SERVERS" "$ws_port" "$count" "$work" >"$work/load.log" 2>&1 &
load_pid=$!
until [[ -s $work/jwks.port ]]; do sleep 0.2; done

REALTIME_EDGE_PORT=$edge_port REALTIME_EDGE_WS_PORT=$ws_port KAFKA_BOOTSTRAP_SERVERS=$ZENDO_KAFKA_BOOTSTRAP_SERVERS \
  REDIS_URL=$ZENDO_REDIS_URL ZENDO_NODE_ID=bench-edge REALTIME_IDLE_TIMEOUT=1h \
  REALTIME_VISITOR_JWKS_URL="http://127.0.0.1:$(cat "$work/jwks.port")/jwks.json" REALTIME_VISITOR_ISSUER=bench-conversations \
  java -Xms$heap -Xmx$heap -XX:+AlwaysPreTouch -XX:+UseSerialGC -Xss512k -jar "$jar" >"$work/edge.log" 2>&1 &
edge_pid=$!
until curl -sf "http://127.0.0.1:$edge_port/health/readiness" >/dev/null; do
  kill -0 "$edge_pid" 2>/dev/null || { echo "the edge did not start:"; tail -20 "$work/edge.log"; exit 1; }
  sleep 0.5
done

# Prints "rss_kib heap_bytes direct_bytes" of the edge after a full GC.
measure() {
  jcmd "$edge_pid" GC.run >/dev/null
  sleep 2
  local metrics rss heap direct
  metrics=$(curl -sf "http://127.0.0.1:$edge_port/prometheus")
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$edge_pid/status")
  heap=$(jcmd "$edge_pid" GC.heap_info | grep -E 'generation' | grep -oE 'used [0-9]+K' | awk '{s += $2} END {printf "%d", s * 1024}')
  direct=$(grep '^zendo_realtime_netty_direct_memory_bytes' <<<"$metrics" | awk '{printf "%d", $2}')
  echo "$rss $heap $direct"
}

sleep 3
read -r rss0 heap0 direct0 < <(measure)
touch "$work/go"
until [[ -s $work/half ]]; do
  kill -0 "$load_pid" 2>/dev/null || { echo "the load generator died:"; tail -20 "$work/load.log"; exit 1; }
  sleep 0.5
done
read -r halfway _ <"$work/half"
sleep 5
read -r rssh heaph directh < <(measure)
touch "$work/go2"
until [[ -s $work/opened ]]; do
  kill -0 "$load_pid" 2>/dev/null || { echo "the load generator died:"; tail -20 "$work/load.log"; exit 1; }
  sleep 0.5
done
read -r opened failed open_ms <"$work/opened" || [[ -n $opened ]]
sleep 5
read -r rss1 heap1 direct1 < <(measure)
connections=$(curl -sf "http://127.0.0.1:$edge_port/prometheus" | awk '/^zendo_realtime_connections / {printf "%d", $2}')
# A verified token is remembered for a minute (TokenVerifier.REUSE) so that a client's next requests skip its signature;
# read again once every socket's token is forgotten, which is what the idle sockets themselves hold.
sleep 65
read -r rss2 heap2 direct2 < <(measure)

per() { awk -v d="$1" -v n="$opened" 'BEGIN {printf "%.0f", d / n}'; }
rss_per=$(per $(( (rss1 - rss0) * 1024 ))) heap_per=$(per $((heap1 - heap0))) direct_per=$(per $((direct1 - direct0)))
total_per=$((heap_per + rss_per))
marginal() { awk -v d="$1" -v n="$((opened - halfway))" 'BEGIN {printf "%.0f", d / n}'; }
rss_marg=$(marginal $(( (rss1 - rssh) * 1024 ))) heap_marg=$(marginal $((heap1 - heaph))) direct_marg=$(marginal $((direct1 - directh)))
total_marg=$((heap_marg + rss_marg))
rss_idle=$(per $(( (rss2 - rss0) * 1024 ))) heap_idle=$(per $((heap2 - heap0))) direct_idle=$(per $((direct2 - direct0)))
total_idle=$((heap_idle + rss_idle))
printf 'sockets: %d subscribed (%d failed) in %d ms, %d connections on the edge\n' "$opened" "$failed" "$open_ms" "$connections"
printf 'per socket: heap %d B, Netty direct %d B, RSS outside the pre-touched heap %d B, heap + RSS delta %d B (goal <= 4096)\n' \
  "$heap_per" "$direct_per" "$rss_per" "$total_per"
printf 'a minute later, the tokens forgotten: heap %d B, Netty direct %d B, RSS %d B, heap + RSS delta %d B (goal <= 4096)\n' \
  "$heap_idle" "$direct_idle" "$rss_idle" "$total_idle"
printf 'marginal, second half only (one-time costs such as JIT and class loading excluded): heap %d B, Netty direct %d B, RSS %d B, heap + RSS %d B\n' \
  "$heap_marg" "$direct_marg" "$rss_marg" "$total_marg"

cat >"$root/bench/reports/realtime-memory.md" <<EOT
# Realtime edge: idle memory per socket

\`bench/realtime-memory/run.sh $count\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(java -version 2>&1 | head -n1)).

One edge node (\`-Xms$heap -Xmx$heap -XX:+AlwaysPreTouch -XX:+UseSerialGC\`: the heap is committed and touched
before the run, so the RSS delta is what the sockets cost outside the heap). A separate JVM opened $opened visitor
WebSockets ($failed failed), each authenticated with a visitor token and subscribed to one website, in $open_ms ms.
Figures are read after a full GC (\`jcmd GC.run\`) before and after the sockets were opened and idle.

| | before | after | per socket |
| --- | --- | --- | --- |
| live heap | $heap0 B | $heap1 B | $heap_per B |
| Netty direct memory (allocator metric) | $direct0 B | $direct1 B | $direct_per B |
| RSS (heap pre-touched) | $rss0 KiB | $rss1 KiB | $rss_per B |
| **heap + RSS delta** | | | **$total_per B** (goal ≤ 4096 B; socket.io measured 10.6–14.2 KB) |

The marginal cost, from the sockets of the second half only (measured after $halfway sockets, then after all; the
one-time costs of the first connections — JIT-compiled code, loaded classes, pool chunks — are not in it):

| | after $halfway | after $opened | per socket |
| --- | --- | --- | --- |
| live heap | $heaph B | $heap1 B | $heap_marg B |
| Netty direct memory | $directh B | $direct1 B | $direct_marg B |
| RSS (heap pre-touched) | $rssh KiB | $rss1 KiB | $rss_marg B |
| **heap + RSS delta** | | | **$total_marg B** |

The figures above include the tokens the edge verified and remembers for a minute (\`TokenVerifier.REUSE\`: a
client's next requests skip the signature), one per visitor here. Read again 65 s later, once every token is
forgotten, the idle sockets alone:

| | before | a minute later | per socket |
| --- | --- | --- | --- |
| live heap | $heap0 B | $heap2 B | $heap_idle B |
| Netty direct memory | $direct0 B | $direct2 B | $direct_idle B |
| RSS (heap pre-touched) | $rss0 KiB | $rss2 KiB | $rss_idle B |
| **heap + RSS delta** | | | **$total_idle B** (goal ≤ 4096 B) |

Kernel socket buffers are not part of the process's RSS and not counted.
EOT
echo "wrote bench/reports/realtime-memory.md"
