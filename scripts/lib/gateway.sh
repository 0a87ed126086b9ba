# The gateway: nginx from Debian's packages with a config rendered into $ZENDO_RUN_DIR/gateway.
GATEWAY_DIR=$ZENDO_RUN_DIR/gateway
GATEWAY_PID=$GATEWAY_DIR/nginx.pid

gateway_running() { pid_alive "$GATEWAY_PID" "$GATEWAY_DIR"; }

gateway_render() {
  mkdir -p "$GATEWAY_DIR"/tmp "$GATEWAY_DIR"/static
  ln -sfn "$ZENDO_ROOT/widget/dist" "$GATEWAY_DIR/static/widget"
  ln -sfn "$ZENDO_ROOT/dashboard/dist" "$GATEWAY_DIR/static/dashboard"
  sed -e "s#@RUN_DIR@#$GATEWAY_DIR#g" -e "s#@ROOT@#$ZENDO_ROOT#g" -e "s#@GATEWAY_PORT@#$ZENDO_GATEWAY_PORT#g" \
    -e "s#@STATIC_ROOT@#$GATEWAY_DIR/static#g" \
    -e "s#@IDENTITY_PORT@#$ZENDO_IDENTITY_PORT#g" -e "s#@WEBSITES_PORT@#$ZENDO_WEBSITES_PORT#g" \
    -e "s#@CONVERSATIONS_PORT@#$ZENDO_CONVERSATIONS_PORT#g" -e "s#@REALTIME_EDGE_PORT@#$ZENDO_REALTIME_EDGE_PORT#g" \
    -e "s#@NOTIFICATIONS_PORT@#$ZENDO_NOTIFICATIONS_PORT#g" \
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
