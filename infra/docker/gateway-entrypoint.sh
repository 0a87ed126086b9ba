#!/bin/sh
# Writes the gateway's nginx.conf into /tmp with each upstream taken from its <SERVICE>_UPSTREAM setting (the compose
# service name and port by default), then runs nginx in the foreground. nginx resolves upstream names only when it
# loads its config, and a restarted compose container comes back on another address: a watcher looks up the names
# every second (UPSTREAM_WATCH_INTERVAL) and reloads nginx when one resolves differently (Kubernetes Service addresses
# never change, so it stays idle there).
#   zendo-gateway check   the image's health check: nginx answers, and no upstream has moved since nginx loaded it, so
#                         a health wait after a restart ends only once the gateway routes to the new container
set -eu
conf=/tmp/nginx/nginx.conf
loaded=/tmp/nginx/upstreams

# One line per upstream host: its name, then its addresses (none while it does not resolve: its container is down).
addresses() {
  for host in $(sed -n 's/^ *upstream .*server \([^:;]*\):[0-9]*;.*/\1/p' "$conf" | sort -u); do
    echo "$host" $(getent hosts "$host" | awk '{ print $1 }' | sort)
  done
}

if [ "${1:-}" = check ]; then
  curl -fsS -o /dev/null http://127.0.0.1:8080/health/gateway
  moved=$(addresses | grep ' ' | grep -vxF -f "$loaded" || true)
  [ -z "$moved" ] || { echo "nginx has not yet loaded the new address of: $moved"; exit 1; }
  exit 0
fi

mkdir -p /tmp/nginx
sed -e "s#server identity:8081;#server ${IDENTITY_UPSTREAM:-identity:8081};#" \
    -e "s#server websites:8082;#server ${WEBSITES_UPSTREAM:-websites:8082};#" \
    -e "s#server conversations:8083;#server ${CONVERSATIONS_UPSTREAM:-conversations:8083};#" \
    -e "s#server realtime-edge:8084;#server ${REALTIME_EDGE_UPSTREAM:-realtime-edge:8084};#" \
    -e "s#server realtime-edge:8086;#server ${REALTIME_EDGE_WS_UPSTREAM:-realtime-edge:8086};#" \
    -e "s#server notifications:8085;#server ${NOTIFICATIONS_UPSTREAM:-notifications:8085};#" \
    /etc/nginx/zendo/gateway.conf >"$conf"

addresses >"$loaded"
# nginx cannot load a config naming a host that does not resolve: the watcher reloads once every host resolves again.
(
  while sleep "${UPSTREAM_WATCH_INTERVAL:-1}"; do
    now=$(addresses)
    if [ "$now" != "$(cat "$loaded")" ] && ! echo "$now" | grep -qv ' ' && nginx -c "$conf" -s reload 2>/dev/null; then
      echo "$now" >"$loaded"
      echo "gateway: an upstream moved, nginx reloaded" >&2
    fi
  done
) &
exec nginx -c "$conf" -g 'daemon off;'
