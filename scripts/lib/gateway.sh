# The gateway: nginx from Debian's packages with a config rendered into $ZENDO_RUN_DIR/gateway.
GATEWAY_DIR=$ZENDO_RUN_DIR/gateway
GATEWAY_PID=$GATEWAY_DIR/nginx.pid

gateway_running() { pid_alive "$GATEWAY_PID" "$GATEWAY_DIR"; }

# The server lines of an upstream block: one per instance of a service, on the port a function names.
gateway_servers() {
  local svc=$1 port_of=${2:-service_port} instance servers=""
  while read -r instance; do
    servers+="server $ZENDO_HOST:$("$port_of" "$instance"); "
  done < <(service_instances "$svc")
  echo "${servers% }"
}

gateway_render() {
  mkdir -p "$GATEWAY_DIR"/tmp "$GATEWAY_DIR"/static
  ln -sfn "$ZENDO_ROOT/widget/dist" "$GATEWAY_DIR/static/widget"
  ln -sfn "$ZENDO_ROOT/dashboard/dist" "$GATEWAY_DIR/static/dashboard"
  ln -sfn "$ZENDO_ROOT/widget/demo" "$GATEWAY_DIR/static/demo"
  [[ -f "$GATEWAY_DIR/static/demo-key.js" ]] || echo '// No demo website seeded: open /demo?key=pk_…' >"$GATEWAY_DIR/static/demo-key.js"
  sed -e "s#@RUN_DIR@#$GATEWAY_DIR#g" -e "s#@ROOT@#$ZENDO_ROOT#g" -e "s#@GATEWAY_PORT@#$ZENDO_GATEWAY_PORT#g" \
    -e "s#@STATIC_ROOT@#$GATEWAY_DIR/static#g" \
    -e "s#@IDENTITY_SERVERS@#$(gateway_servers identity)#g" -e "s#@WEBSITES_SERVERS@#$(gateway_servers websites)#g" \
    -e "s#@CONVERSATIONS_SERVERS@#$(gateway_servers conversations)#g" \
    -e "s#@REALTIME_EDGE_SERVERS@#$(gateway_servers realtime-edge)#g" \
    -e "s#@REALTIME_EDGE_WS_SERVERS@#$(gateway_servers realtime-edge edge_ws_port)#g" \
    -e "s#@NOTIFICATIONS_SERVERS@#$(gateway_servers notifications)#g" \
    "$ZENDO_ROOT/infra/gateway/nginx.conf.template" >"$GATEWAY_DIR/nginx.conf"
}

gateway_start() {
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || require_packages nginx-light
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  gateway_render
  "$nginx" -t -q -c "$GATEWAY_DIR/nginx.conf" -p "$GATEWAY_DIR" 2>"$GATEWAY_DIR/test.log" \
    || { cat "$GATEWAY_DIR/test.log" >&2; die "the gateway config is invalid"; }
  if gateway_running; then
    "$nginx" -c "$GATEWAY_DIR/nginx.conf" -p "$GATEWAY_DIR" -s reload
  else
    require_free_port gateway "$ZENDO_GATEWAY_PORT"
    "$nginx" -c "$GATEWAY_DIR/nginx.conf" -p "$GATEWAY_DIR" </dev/null >/dev/null 2>&1 \
      || { tail -n 20 "$GATEWAY_DIR/error.log" >&2; die "the gateway did not start on port $ZENDO_GATEWAY_PORT"; }
  fi
  wait_until "gateway" 10 "$GATEWAY_DIR/error.log" port_open "$ZENDO_HOST" "$ZENDO_GATEWAY_PORT"
}

gateway_stop() { stop_pid "$GATEWAY_PID" gateway "$GATEWAY_DIR" 10; }
