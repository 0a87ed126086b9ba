#!/usr/bin/env bash
# make up: PostgreSQL, Redis, Kafka, the mail catcher (GreenMail), the five services and the gateway as local processes; prints the URLs.
# Idempotent: what already runs is reused, what died is started again. Ports and state follow ZENDO_ENV /
# ZENDO_PORT_BASE (scripts/lib/common.sh); ZENDO_EDGE_NODES=2 and ZENDO_CONVERSATIONS_NODES=2 add a second
# realtime edge node and a second conversations instance behind the gateway.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
for lib in postgres redis kafka mail services gateway frontends seed; do source "$ZENDO_ROOT/scripts/lib/$lib.sh"; done

tools=(ps curl jq psql java)
[[ "${ZENDO_SKIP_BUILD:-}" == 1 ]] || tools+=(javac)
[[ "${ZENDO_SKIP_FRONTENDS:-}" == 1 ]] || tools+=(npm)
require_tools "${tools[@]}"

started=$(now_ms)
mkdir -p "$ZENDO_RUN_DIR"
pg_start
redis_start
kafka_start
mail_start
pg_bootstrap
[[ "${ZENDO_SKIP_BUILD:-}" == 1 ]] || services_build
if [[ "${ZENDO_SKIP_FRONTENDS:-}" != 1 ]]; then
  for app in "${ZENDO_FRONTENDS[@]}"; do frontend_build "$app"; done
fi
build_done=$(now_ms)
services_keys

for instance in "${ZENDO_INSTANCES[@]}"; do service_start "$instance"; done
gateway_start
for instance in "${ZENDO_INSTANCES[@]}"; do service_wait "$instance" 120; done
gateway="http://localhost:$ZENDO_GATEWAY_PORT"
# A few seconds' grace: a gateway that was running is reloaded, and a request right after the reload once got a 502
# ("upstream prematurely closed connection") from a service that had been healthy throughout.
for svc in "${ZENDO_SERVICES[@]}"; do
  wait_until "$svc through the gateway ($gateway/health/$svc)" 10 "$ZENDO_RUN_DIR/gateway/error.log" \
    curl -fsS -o /dev/null "$gateway/health/$svc"
done
finished=$(now_ms)
demo_key=$(seed_demo)

cat <<EOT

  Zendo is up ($ZENDO_ENV): healthy in $(( (finished - started) / 1000 )).$(( (finished - started) % 1000 / 100 ))s (of which building $(( (build_done - started) / 1000 ))s)

  Dashboard        $gateway/
  Widget loader    $gateway/widget/loader.js
  Widget demo      $gateway/demo  (the demo website's widget; strict-CSP variant $gateway/demo/strict)
  API (gateway)    $gateway/v1/…
  Health           $gateway/health/<service>
  Caught mail      $(mail_api_url)/api/user/<email>/messages/INBOX  (every mail the platform sends; API explorer $(mail_api_url)/,
                   IMAP $ZENDO_HOST:$ZENDO_IMAP_PORT with the address as user name and password)

  Demo agent       $ZENDO_DEMO_EMAIL / $ZENDO_DEMO_PASSWORD
  Demo website     "$ZENDO_DEMO_WEBSITE", widget key $demo_key
EOT
for instance in "${ZENDO_INSTANCES[@]}"; do
  printf '  %-16s http://localhost:%s/swagger-ui/  (metrics /prometheus, log %s)\n' "$instance" "$(service_port "$instance")" "$(service_log "$instance")"
  if [[ $(instance_service "$instance") == realtime-edge ]]; then
    printf '  %-16s ws://localhost:%s/ws  (node edge-%s; through the gateway: ws://localhost:%s/ws)\n' "" \
      "$(edge_ws_port "$instance")" "$(instance_number "$instance")" "$ZENDO_GATEWAY_PORT"
  fi
done
cat <<EOT
  PostgreSQL       127.0.0.1:$ZENDO_PG_PORT  database $ZENDO_PG_DATABASE
  Redis            127.0.0.1:$ZENDO_REDIS_PORT
  Kafka            127.0.0.1:$ZENDO_KAFKA_PORT

  make status · make logs SERVICE=identity · make down
EOT
