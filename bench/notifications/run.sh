#!/usr/bin/env bash
# How long a mail takes from the event to the SMTP server: N invitations sent through websites' API, one after another
# at a fixed pace, on the processes of the local stack this needs (PostgreSQL, Redis, Kafka, GreenMail, identity,
# websites, notifications; its own profile and ports, stopped at the end). Two figures:
#   - API to mailbox: from websites' 201 answer to the mail being readable in GreenMail's API (polled every ~20 ms:
#     the figures include up to one poll, a curl start, of resolution);
#   - event to SMTP: notifications' zendo_notifications_mail_latency_seconds histogram (from the event's occurred_at
#     to the SMTP server's acceptance), quantiles interpolated within its buckets.
# Prints both and writes bench/reports/notifications.md.
#   bench/notifications/run.sh [invitations]     (default 50; ZENDO_SKIP_BUILD=1 reuses built jars)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-50}
export ZENDO_ENV=bench-notifications ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-31700} ZENDO_RUN_DIR=$root/.run/bench-notifications
source "$root/scripts/lib/common.sh"
for lib in postgres redis kafka mail services; do source "$root/scripts/lib/$lib.sh"; done
services=(identity websites notifications)
require_tools curl jq

trap 'bash "$root/scripts/down.sh" >/dev/null 2>&1 || true' EXIT
mkdir -p "$ZENDO_RUN_DIR"
{ pg_start; redis_start; kafka_start; mail_start; pg_bootstrap; } >/dev/null 2>&1
[[ "${ZENDO_SKIP_BUILD:-}" == 1 ]] || services_build >/dev/null 2>&1
services_keys >/dev/null 2>&1
for svc in "${services[@]}"; do service_start "$svc"; done
for svc in "${services[@]}"; do service_wait "$svc" 180; done

api() {
  local method=$1 port=$2 path=$3 token=${4:-} body=${5:-}
  local args=(-fsS -X "$method" -H 'Content-Type: application/json' "http://$ZENDO_HOST:$port$path")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-d "$body")
  curl "${args[@]}"
}
mails() { curl -fs "$(mail_api_url)/api/user/$1/messages/INBOX" | jq length 2>/dev/null || echo 0; }
# Seconds of the histogram's quantile q, interpolated within the bucket it falls in (PromQL's histogram_quantile).
quantile() {
  curl -fs "http://$ZENDO_HOST:$ZENDO_NOTIFICATIONS_PORT/prometheus" | grep '^zendo_notifications_mail_latency_seconds_bucket' \
    | sed -E 's/.*le="([^"]+)"\} ([0-9.eE+]+)/\1 \2/' | awk -v q="$1" '
      {le[NR]=($1 == "+Inf" ? 1e9 : $1); n[NR]=$2} END {
        total=n[NR]; rank=q*total; prev_le=0; prev_n=0
        for (i = 1; i <= NR; i++) { if (n[i] >= rank) { printf "%.1f", 1000 * (prev_le + (le[i]-prev_le) * (rank-prev_n) / (n[i]-prev_n)); exit }
          prev_le=le[i]; prev_n=n[i] } }'
}

token=$(api POST "$ZENDO_IDENTITY_PORT" /v1/auth/signup "" "$(jq -nc --arg email "bench-mail-$RANDOM$RANDOM@example.com" \
  '{email: $email, password: "bench-mail-password", name: "Bench Mail"}')" | jq -er .access_token)
site=$(api POST "$ZENDO_WEBSITES_PORT" /v1/websites "$token" '{"name":"Mail bench"}' | jq -er .id)

times=()
for ((i = 1; i <= count; i++)); do
  invitee="bench-invitee-$i-$RANDOM@example.com"
  api POST "$ZENDO_WEBSITES_PORT" "/v1/websites/$site/invitations" "$token" "{\"email\":\"$invitee\",\"role\":\"agent\"}" >/dev/null
  answered=$(now_ms)
  deadline=$(( answered + 30000 ))
  until [[ $(mails "$invitee") -ge 1 ]]; do
    (( $(now_ms) < deadline )) || die "invitation $i: no mail within 30 s"
  done
  times+=($(( $(now_ms) - answered )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
pick() { awk -v p="$1" '{a[NR]=$1} END {i=int(p*NR+0.999); if (i<1) i=1; print a[i]}' <<<"$sorted"; }
p50=$(pick 0.5) p99=$(pick 0.99) max=$(tail -n1 <<<"$sorted")
smtp50=$(quantile 0.5) smtp99=$(quantile 0.99)
printf 'event to SMTP server (notifications histogram): p50 %s ms, p99 %s ms over %d mails\n' "$smtp50" "$smtp99" "$count"
printf 'invitation API answer to mail in the mailbox: p50 %d ms, p99 %d ms, max %d ms over %d invitations\n' "$p50" "$p99" "$max" "$count"

cat >"$root/bench/reports/notifications.md" <<REPORT
# Notifications: from the event to the mail server

Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores with \`bench/notifications/run.sh $count\`: PostgreSQL, Redis, Kafka,
GreenMail, identity, websites and notifications as the local stack's processes (default settings: the inbox consumer,
the mail dispatcher polling every 500 ms and woken by each queued mail), $count invitations sent one after another through
websites' API (\`POST /v1/websites/{id}/invitations\`), each waited for in GreenMail before the next.

| figure | p50 | p99 | max |
| --- | --: | --: | --: |
| Event (\`occurred_at\`) to the SMTP server's acceptance, notifications' \`zendo_notifications_mail_latency_seconds\` | $smtp50 ms | $smtp99 ms | |
| Websites' 201 answer to the mail readable in GreenMail's API (polled with curl) | $p50 ms | $p99 ms | $max ms |

The path: websites' transaction (invitation row and outbox event) → its outbox relay → Kafka → notifications' inbox
consumer (one transaction: the notification and its queued mail) → the mail dispatcher → SMTP.
REPORT
