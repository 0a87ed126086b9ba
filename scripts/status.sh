#!/usr/bin/env bash
# make status: one line per process of this profile.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
for lib in postgres redis kafka mail services gateway; do source "$ZENDO_ROOT/scripts/lib/$lib.sh"; done
require_tools ps curl

row() { printf '%-15s %-9s %s\n' "$1" "$2" "$3"; }
up_or_down() { if "$@"; then echo up; else echo down; fi; }
row postgres "$(up_or_down pg_running)" "127.0.0.1:$ZENDO_PG_PORT"
row redis "$(up_or_down redis_running)" "127.0.0.1:$ZENDO_REDIS_PORT"
row kafka "$(up_or_down kafka_running)" "127.0.0.1:$ZENDO_KAFKA_PORT"
row greenmail "$(up_or_down mail_running)" "smtp 127.0.0.1:$ZENDO_SMTP_PORT, $(mail_api_url)"
# The configured instances, and a second node left running by an earlier make up with two nodes.
for instance in "${ZENDO_ALL_INSTANCES[@]}"; do
  [[ " ${ZENDO_INSTANCES[*]} " == *" $instance "* ]] || service_running "$instance" || continue
  state=down
  if service_running "$instance"; then state=starting; service_healthy "$instance" && state=healthy; fi
  row "$instance" "$state" "http://localhost:$(service_port "$instance")"
done
row gateway "$(up_or_down gateway_running)" "http://localhost:$ZENDO_GATEWAY_PORT"
