# The image of every Zendo service: the prebuilt shaded jar on a JRE, run as a non-root user.
# Build the jars first, then the image from the repository root (docker-compose.yml does this for all five):
#   ./mvnw -B -DskipTests package
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=identity --build-arg PORT=8081 -t zendo/identity .
FROM eclipse-temurin:17-jre

ARG SERVICE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT
ARG APP_UID=10001

RUN test -n "$SERVICE" && test -n "$PORT" || { echo "build with --build-arg SERVICE=<name> --build-arg PORT=<port>" >&2; exit 1; } \
 && groupadd --gid "$APP_UID" zendo \
 && useradd --uid "$APP_UID" --gid zendo --home-dir /app --no-create-home --shell /usr/sbin/nologin zendo

LABEL org.opencontainers.image.title="zendo-${SERVICE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.description="Zendo ${SERVICE} service"

WORKDIR /app
COPY services/${SERVICE}/target/${SERVICE}-${VERSION}.jar /app/service.jar

# The JVM sizes its heap from the container's memory limit; override JAVA_TOOL_OPTIONS to tune.
ENV ZENDO_SERVICE="${SERVICE}" \
    ZENDO_HTTP_PORT="${PORT}" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -Xss512k -XX:+ExitOnOutOfMemoryError"

USER ${APP_UID}:${APP_UID}
EXPOSE ${PORT}

HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${ZENDO_HTTP_PORT}/health/readiness" || exit 1

ENTRYPOINT ["java", "-jar", "/app/service.jar"]
