# Redis as a local process under $ZENDO_RUN_DIR/redis, without persistence (it holds only ephemeral state).
REDIS_DIR=$ZENDO_RUN_DIR/redis
REDIS_PID=$REDIS_DIR/redis.pid
REDIS_LOG=$REDIS_DIR/redis.log

# Redis runs in its own folder (--dir), which tells it apart from any other Redis whatever its port.
redis_running() { pid_alive "$REDIS_PID" "$REDIS_DIR"; }

# Ready when the server answering on our port is the one our pid file names.
redis_ours_ready() {
  redis_running || return 1
  [[ "$(redis-cli -h "$ZENDO_HOST" -p "$ZENDO_REDIS_PORT" info server 2>/dev/null | tr -d '\r' | sed -n 's/^process_id://p')" \
    == "$(head -n1 "$REDIS_PID")" ]]
}

redis_start() {
  if redis_running; then return 0; fi
  command -v redis-server >/dev/null || require_packages redis-server
  require_free_port Redis "$ZENDO_REDIS_PORT"
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_PID"
  redis-server --port "$ZENDO_REDIS_PORT" --bind "$ZENDO_HOST" --save "" --appendonly no \
    --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" </dev/null >/dev/null 2>&1
  wait_until "Redis" 20 "$REDIS_LOG" redis_ours_ready
  log "Redis ready on $ZENDO_HOST:$ZENDO_REDIS_PORT"
}

redis_stop() { stop_pid "$REDIS_PID" Redis "$REDIS_DIR"; }
