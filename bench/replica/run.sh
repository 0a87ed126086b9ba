#!/usr/bin/env bash
# How soon a new website's widget key works in conversations: the time from websites' answer to the creation
# (POST /v1/websites) until conversations' replica admits its public key, by the predicate
# SiteDirectory.byPublicKey uses (a live website, a key neither revoked nor expired). N websites created one after
# another on the processes of the local stack this needs (PostgreSQL, Redis, Kafka, identity, websites, conversations;
# its own profile and ports, stopped at the end); prints the median and the maximum and writes
# bench/reports/replica.md. The replica is polled with psql every few milliseconds: the figures include up to one
# poll (a psql start, ~10-20 ms) of resolution.
#   bench/replica/run.sh [websites]     (default 10; build the jars first, e.g. make build, then ZENDO_SKIP_BUILD=1)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
websites=${1:-10}
export ZENDO_ENV=bench-replica ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-31100} ZENDO_RUN_DIR=$root/.run/bench-replica
source "$root/scripts/lib/common.sh"
for lib in postgres redis kafka services; do source "$root/scripts/lib/$lib.sh"; done
services=(identity websites conversations)

trap 'bash "$root/scripts/down.sh" >/dev/null 2>&1 || true' EXIT
mkdir -p "$ZENDO_RUN_DIR"
{ pg_start; redis_start; kafka_start; pg_bootstrap; } >/dev/null 2>&1
[[ "${ZENDO_SKIP_BUILD:-}" == 1 ]] || services_build >/dev/null 2>&1
services_keys >/dev/null 2>&1
for svc in "${services[@]}"; do service_start "$svc"; done
for svc in "${services[@]}"; do service_wait "$svc" 180; done

# The service's API, called directly (no gateway).
api() {
  local method=$1 port=$2 path=$3 token=${4:-} body=${5:-}
  local args=(-fsS -X "$method" -H 'Content-Type: application/json' "http://$ZENDO_HOST:$port$path")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-d "$body")
  curl "${args[@]}"
}

admitted() {
  [[ $(psql_admin "$ZENDO_PG_DATABASE" -tAc "SELECT 1 FROM conversations.replica_keys k
      JOIN conversations.replica_websites w ON w.website_id = k.website_id
      WHERE k.public_key = '$1' AND k.kind = 'PUBLIC' AND NOT k.revoked
        AND (k.expires_at IS NULL OR k.expires_at > now()) AND NOT w.deleted") == 1 ]]
}
# A fresh agent for every five websites (website creation is limited per agent and hour).
agent_token() {
  api POST "$ZENDO_IDENTITY_PORT" /v1/auth/signup "" "$(jq -nc --arg email "bench-replica-$RANDOM$RANDOM@example.com" \
    '{email: $email, password: "bench-replica-password", name: "Bench Replica"}')" | jq -er .access_token
}

times=()
for ((i = 1; i <= websites; i++)); do
  (( (i - 1) % 5 == 0 )) && token=$(agent_token)
  key=$(api POST "$ZENDO_WEBSITES_PORT" /v1/websites "$token" "{\"name\":\"Replica bench $i\"}" | jq -er .public_key)
  answered=$(now_ms)
  deadline=$(( answered + 30000 ))
  until admitted "$key"; do
    (( $(now_ms) < deadline )) || die "website $i: key not admitted by conversations within 30 s"
  done
  times+=($(( $(now_ms) - answered )))
  printf 'website %2d: key usable %4d ms after the creation answer\n' "$i" "${times[-1]}"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' <<<"$sorted")
max=$(tail -n1 <<<"$sorted")
printf 'new website key usable in conversations: median %d ms, max %d ms over %d websites\n' "$median" "$max" "$websites"

cat >"$root/bench/reports/replica.md" <<REPORT
# Replica lag: a new website's key usable in conversations

Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores with \`bench/replica/run.sh $websites\`: PostgreSQL, Redis, Kafka,
identity, websites and conversations as the local stack's processes (outbox relay and inbox consumer with their
default settings), $websites websites created one after another through websites' API; for each, the time from the creation answer until conversations' replica admits its public key
(the predicate of \`SiteDirectory.byPublicKey\`), polled with psql (resolution: one psql start, ~10-20 ms).

| websites | median | max |
| --: | --: | --: |
| $websites | $median ms | $max ms |

Per website (ms): $(tr '\n' ' ' <<<"$sorted")
REPORT
