# A single-node KRaft Kafka broker as a local process: jars from Maven Central (infra/kafka/pom.xml),
# state under $ZENDO_RUN_DIR/kafka.
KAFKA_DIR=$ZENDO_RUN_DIR/kafka
KAFKA_PID=$KAFKA_DIR/kafka.pid
KAFKA_LOG=$KAFKA_DIR/kafka.log
KAFKA_LIB=$ZENDO_CACHE_DIR/kafka-$ZENDO_KAFKA_VERSION/lib

kafka_running() { pid_alive "$KAFKA_PID" "$KAFKA_DIR"; }

kafka_jars() {
  [[ -f "$KAFKA_LIB/.complete" ]] && return 0
  log "fetching the Kafka $ZENDO_KAFKA_VERSION broker jars from Maven Central"
  rm -rf "$KAFKA_LIB"
  "$ZENDO_ROOT/mvnw" -q -B -f "$ZENDO_ROOT/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIB" >&2 || die "could not fetch the Kafka broker jars"
  touch "$KAFKA_LIB/.complete"
}

kafka_start() {
  if kafka_running; then return 0; fi
  require_free_port Kafka "$ZENDO_KAFKA_PORT"
  require_free_port "Kafka's controller" "$ZENDO_KAFKA_CONTROLLER_PORT"
  kafka_jars
  mkdir -p "$KAFKA_DIR"
  local props=$KAFKA_DIR/server.properties partitions=50
  # Test brokers make consumer groups by the hundred; fewer offsets partitions start them faster.
  [[ "$ZENDO_ENV" == dev ]] || partitions=5
  sed -e "s#@PORT@#$ZENDO_KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$ZENDO_KAFKA_CONTROLLER_PORT#g" \
    -e "s#@DATA_DIR@#$KAFKA_DIR/data#g" -e "s#@OFFSETS_PARTITIONS@#$partitions#g" \
    "$ZENDO_ROOT/infra/kafka/server.properties.template" >"$props"
  local java_opts=(-Xms128m -Xmx512m -XX:+UseSerialGC -Dlog4j2.configurationFile="$ZENDO_ROOT/infra/kafka/log4j2.properties")
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    local cluster_id
    cluster_id=$(java -cp "$KAFKA_LIB/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    java -cp "$KAFKA_LIB/*" "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" \
      >"$KAFKA_DIR/format.log" 2>&1 || { cat "$KAFKA_DIR/format.log" >&2; die "could not format Kafka storage"; }
  fi
  : >"$KAFKA_LOG"
  nohup java -cp "$KAFKA_LIB/*" "${java_opts[@]}" kafka.Kafka "$props" </dev/null >"$KAFKA_LOG" 2>&1 &
  echo $! >"$KAFKA_PID"
  wait_until "Kafka" 90 "$KAFKA_LOG" grep -q "Kafka Server started" "$KAFKA_LOG"
  log "Kafka ready on $ZENDO_HOST:$ZENDO_KAFKA_PORT"
}

kafka_stop() { stop_pid "$KAFKA_PID" Kafka "$KAFKA_DIR" 30; }
