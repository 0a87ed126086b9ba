# The image of every Zendo service: the prebuilt shaded jar on a JRE layer (the jre stage below), run as a non-root
# user; it runs with a read-only root filesystem given a writable /tmp (docker-compose.yml mounts a tmpfs there: Netty's
# native transport and Kafka's compression libraries unpack into java.io.tmpdir). All five build the same jre stage, so
# they share its layer; `make images` also tags it zendo/jre:17 (--target jre) for the air-gap Kafka and mail images.
# `make images` (or `docker compose build`) builds all five; by hand, from the repository root:
#   ./mvnw -B -DskipTests package
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=identity --build-arg PORT=8081 -t zendo/identity .

# Debian bookworm's headless OpenJDK 17 (security fixes with Debian's, nothing downloaded from outside the package
# mirror) and curl for the health checks, with the user the services run as. Offline, debian:bookworm is the image
# scripts/lib/containers.sh makes with debootstrap.
FROM docker.io/library/debian:bookworm AS jre

ARG APP_UID=10001

RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless curl \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log \
 && groupadd --gid "$APP_UID" zendo \
 && useradd --uid "$APP_UID" --gid zendo --home-dir /app --no-create-home --shell /usr/sbin/nologin zendo

LABEL org.opencontainers.image.title="zendo-jre" \
      org.opencontainers.image.description="Debian bookworm with OpenJDK 17 (headless JRE) for the Zendo services"

FROM jre

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
