#!/bin/sh
# Writes the gateway's nginx.conf into /tmp with each upstream taken from its <SERVICE>_UPSTREAM setting (the compose
# service name and port by default), then runs nginx in the foreground. nginx resolves upstream names only when it
# loads its config, and a restarted compose container may come back on another address: a watcher reloads nginx
# whenever an upstream name resolves differently (Kubernetes Service addresses never change, so it stays idle there).
set -eu
conf=/tmp/nginx/nginx.conf
mkdir -p /tmp/nginx
sed -e "s#server identity:8081;#server ${IDENTITY_UPSTREAM:-identity:8081};#" \
    -e "s#server websites:8082;#server ${WEBSITES_UPSTREAM:-websites:8082};#" \
    -e "s#server conversations:8083;#server ${CONVERSATIONS_UPSTREAM:-conversations:8083};#" \
    -e "s#server realtime-edge:8084;#server ${REALTIME_EDGE_UPSTREAM:-realtime-edge:8084};#" \
    -e "s#server realtime-edge:8086;#server ${REALTIME_EDGE_WS_UPSTREAM:-realtime-edge:8086};#" \
    -e "s#server notifications:8085;#server ${NOTIFICATIONS_UPSTREAM:-notifications:8085};#" \
    /etc/nginx/zendo/gateway.conf >"$conf"

hosts=$(sed -n 's/^ *upstream .*server \([^:;]*\):[0-9]*;.*/\1/p' "$conf" | sort -u)
addresses() {
  for host in $hosts; do getent hosts "$host" | awk '{ print $1 }' | sort | tr '\n' ' '; echo; done
}
(
  last=$(addresses)
  while sleep "${UPSTREAM_WATCH_INTERVAL:-5}"; do
    now=$(addresses)
    if [ "$now" != "$last" ] && nginx -c "$conf" -s reload 2>/dev/null; then
      echo "gateway: an upstream moved, nginx reloaded" >&2
      last=$now
    fi
  done
) &
exec nginx -c "$conf" -g 'daemon off;'
