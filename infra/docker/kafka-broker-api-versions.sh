#!/bin/sh
# kafka-broker-api-versions.sh of the Kafka distribution, for health checks written against the official image.
exec java ${KAFKA_HEAP_OPTS:-} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '/opt/kafka/libs/*' \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
