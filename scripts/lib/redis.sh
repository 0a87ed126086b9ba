# Redis as a local process under $ZENDO_RUN_DIR/redis, without persistence (it holds only ephemeral state).
REDIS_DIR=$ZENDO_RUN_DIR/redis
REDIS_PID=$REDIS_DIR/redis.pid
REDIS_LOG=$REDIS_DIR/redis.log

redis_running() { pid_alive "$REDIS_PID" ":$ZENDO_REDIS_PORT"; }

redis_start() {
  if redis_running; then return 0; fi
  command -v redis-server >/dev/null || require_packages redis-server
  mkdir -p "$REDIS_DIR"
  redis-server --port "$ZENDO_REDIS_PORT" --bind "$ZENDO_HOST" --save "" --appendonly no \
    --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" </dev/null >/dev/null 2>&1
  wait_until "Redis" 20 "$REDIS_LOG" redis-cli -h "$ZENDO_HOST" -p "$ZENDO_REDIS_PORT" ping
  log "Redis ready on $ZENDO_HOST:$ZENDO_REDIS_PORT"
}

redis_stop() { stop_pid "$REDIS_PID" Redis ":$ZENDO_REDIS_PORT"; }
