#!/usr/bin/env bash
# make down: stops what make up started, by the PIDs it recorded (never by process name).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
for lib in postgres redis kafka services gateway; do source "$ZENDO_ROOT/scripts/lib/$lib.sh"; done
require_tools ps

gateway_stop
for ((i = ${#ZENDO_SERVICES[@]} - 1; i >= 0; i--)); do service_stop "${ZENDO_SERVICES[i]}"; done
kafka_stop
redis_stop
pg_stop
