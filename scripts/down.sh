#!/usr/bin/env bash
# make down: stops what make up started, by the PIDs it recorded (never by process name).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
for lib in postgres redis kafka mail services gateway; do source "$ZENDO_ROOT/scripts/lib/$lib.sh"; done
require_tools ps

gateway_stop
# Every instance that may run, so a second node stops even when ZENDO_EDGE_NODES / ZENDO_CONVERSATIONS_NODES are unset.
for ((i = ${#ZENDO_ALL_INSTANCES[@]} - 1; i >= 0; i--)); do service_stop "${ZENDO_ALL_INSTANCES[i]}"; done
mail_stop
kafka_stop
redis_stop
pg_stop
