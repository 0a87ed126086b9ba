# zendo/kafka: a single-node KRaft Kafka broker from the broker jars make up uses (infra/kafka/pom.xml, copied into
# .run/cache by scripts/lib/kafka.sh) on the zendo/jre:17 layer, for air-gapped installs (docker-compose.airgap.yml).
# It takes the settings docker-compose.yml gives the official apache/kafka image: every KAFKA_<NAME> variable becomes
# the broker property <name> (lower case, _ → .), CLUSTER_ID formats an empty log folder, KAFKA_HEAP_OPTS sizes the
# heap, and /opt/kafka/bin/kafka-broker-api-versions.sh exists for health checks.
FROM zendo/jre:17

ARG KAFKA_VERSION=4.3.1
ARG APP_UID=10001

COPY infra/kafka/log4j2.properties /opt/kafka/config/log4j2.properties
COPY infra/docker/kafka-entrypoint.sh /opt/kafka/bin/zendo-kafka
COPY infra/docker/kafka-broker-api-versions.sh /opt/kafka/bin/kafka-broker-api-versions.sh
RUN mkdir -p /var/lib/kafka/data && chown "$APP_UID:$APP_UID" /var/lib/kafka/data
COPY .run/cache/kafka-${KAFKA_VERSION}/lib /opt/kafka/libs

ENV KAFKA_HEAP_OPTS="-Xms256m -Xmx512m"
USER ${APP_UID}:${APP_UID}
EXPOSE 9092 9093
ENTRYPOINT ["/opt/kafka/bin/zendo-kafka"]
