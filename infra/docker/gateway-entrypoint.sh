#!/bin/sh
# Writes the gateway's nginx.conf into /tmp with each upstream taken from its <SERVICE>_UPSTREAM setting (the compose
# service name and port by default), then runs nginx in the foreground.
set -eu
mkdir -p /tmp/nginx
sed -e "s#server identity:8081;#server ${IDENTITY_UPSTREAM:-identity:8081};#" \
    -e "s#server websites:8082;#server ${WEBSITES_UPSTREAM:-websites:8082};#" \
    -e "s#server conversations:8083;#server ${CONVERSATIONS_UPSTREAM:-conversations:8083};#" \
    -e "s#server realtime-edge:8084;#server ${REALTIME_EDGE_UPSTREAM:-realtime-edge:8084};#" \
    -e "s#server realtime-edge:8086;#server ${REALTIME_EDGE_WS_UPSTREAM:-realtime-edge:8086};#" \
    -e "s#server notifications:8085;#server ${NOTIFICATIONS_UPSTREAM:-notifications:8085};#" \
    /etc/nginx/zendo/gateway.conf >/tmp/nginx/nginx.conf
exec nginx -c /tmp/nginx/nginx.conf -g 'daemon off;'
