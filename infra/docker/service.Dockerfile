# The image of every Zendo service: the prebuilt shaded jar on the zendo/jre:17 layer (infra/docker/jre.Dockerfile),
# run as a non-root user; it runs with a read-only root filesystem given a writable /tmp (docker-compose.yml mounts a
# tmpfs there: Netty's native transport and Kafka's compression libraries unpack into java.io.tmpdir).
# `make images` builds the JRE layer and all five; by hand, from the repository root:
#   ./mvnw -B -DskipTests package
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=identity --build-arg PORT=8081 -t zendo/identity .
# BASE_IMAGE may name another JRE 17 image that has curl (the health check), e.g. eclipse-temurin:17-jre.
ARG BASE_IMAGE=zendo/jre:17
FROM ${BASE_IMAGE}

ARG SERVICE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT
ARG APP_UID=10001

RUN test -n "$SERVICE" && test -n "$PORT" || { echo "build with --build-arg SERVICE=<name> --build-arg PORT=<port>" >&2; exit 1; }

LABEL org.opencontainers.image.title="zendo-${SERVICE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.description="Zendo ${SERVICE} service"

# The JVM sizes its heap from the container's memory limit; override JAVA_TOOL_OPTIONS to tune.
ENV ZENDO_SERVICE="${SERVICE}" \
    ZENDO_HTTP_PORT="${PORT}" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"

WORKDIR /app
USER ${APP_UID}:${APP_UID}
EXPOSE ${PORT}

HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${ZENDO_HTTP_PORT}/health/readiness" || exit 1

ENTRYPOINT ["java", "-jar", "/app/service.jar"]

# Last, so a rebuild after a code change makes one new layer.
COPY services/${SERVICE}/target/${SERVICE}-${VERSION}.jar /app/service.jar
