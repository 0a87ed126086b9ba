#!/usr/bin/env bash
# make logs [SERVICE=name]: follows one service's log, or every service's.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/services.sh"
source "$ZENDO_ROOT/scripts/lib/gateway.sh"

case "${1:-}" in
  "") files=(); for svc in "${ZENDO_SERVICES[@]}"; do files+=("$(service_log "$svc")"); done ;;
  gateway) files=("$GATEWAY_DIR/access.log" "$GATEWAY_DIR/error.log") ;;
  postgres) files=("$ZENDO_RUN_DIR/postgres/postgres.log") ;;
  redis) files=("$ZENDO_RUN_DIR/redis/redis.log") ;;
  kafka) files=("$ZENDO_RUN_DIR/kafka/kafka.log") ;;
  *) [[ " ${ZENDO_SERVICES[*]} " == *" $1 "* ]] || die "unknown service '$1' (one of: ${ZENDO_SERVICES[*]} gateway postgres redis kafka)"
     files=("$(service_log "$1")") ;;
esac
exec tail -n 100 -F "${files[@]}"
