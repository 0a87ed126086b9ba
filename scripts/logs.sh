#!/usr/bin/env bash
# make logs [SERVICE=name]: follows one service's log (every instance of it: realtime-edge shows both nodes when two
# run; realtime-edge-2 only the second), or every service's.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/services.sh"
source "$ZENDO_ROOT/scripts/lib/gateway.sh"

case "${1:-}" in
  "") files=(); for instance in "${ZENDO_INSTANCES[@]}"; do files+=("$(service_log "$instance")"); done ;;
  gateway) files=("$GATEWAY_DIR/access.log" "$GATEWAY_DIR/error.log") ;;
  postgres) files=("$ZENDO_RUN_DIR/postgres/postgres.log") ;;
  redis) files=("$ZENDO_RUN_DIR/redis/redis.log") ;;
  kafka) files=("$ZENDO_RUN_DIR/kafka/kafka.log") ;;
  *) if [[ " ${ZENDO_SERVICES[*]} " == *" $1 "* ]]; then
       files=(); for instance in "${ZENDO_ALL_INSTANCES[@]}"; do
         if [[ $(instance_service "$instance") == "$1" && -f $(service_log "$instance") ]]; then files+=("$(service_log "$instance")"); fi
       done
       ((${#files[@]} > 0)) || files=("$(service_log "$1")")
     elif [[ " ${ZENDO_ALL_INSTANCES[*]} " == *" $1 "* ]]; then
       files=("$(service_log "$1")")
     else
       die "unknown service '$1' (one of: ${ZENDO_ALL_INSTANCES[*]} gateway postgres redis kafka)"
     fi ;;
esac
exec tail -n 100 -F "${files[@]}"
