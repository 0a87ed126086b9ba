#!/usr/bin/env bash
# The official apache/kafka image's configuration from the environment: KAFKA_<NAME>=value becomes <name>=value in
# server.properties (KAFKA_LOG_DIRS → log.dirs; __ stands for _ and ___ for -), except the JVM settings
# (KAFKA_HEAP_OPTS, KAFKA_OPTS, ...). An empty log folder is formatted with CLUSTER_ID first.
set -euo pipefail
props=/tmp/server.properties
: >"$props"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS | KAFKA_VERSION) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=$(echo "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
  echo "$key=$value" >>"$props"
done < <(env)

java_opts=(${KAFKA_HEAP_OPTS:-} -XX:+UseSerialGC -Djava.io.tmpdir=/tmp -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties ${KAFKA_OPTS:-})
log_dirs=$(sed -n 's/^log\.dirs=//p' "$props")
if [[ ! -f "${log_dirs%%,*}/meta.properties" ]]; then
  java -cp '/opt/kafka/libs/*' "${java_opts[@]}" kafka.tools.StorageTool format -t "${CLUSTER_ID:?set CLUSTER_ID}" -c "$props"
fi
exec java -cp '/opt/kafka/libs/*' "${java_opts[@]}" kafka.Kafka "$props"
