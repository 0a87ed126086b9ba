# zendo/mail: GreenMail standalone (the jar make up runs, infra/mail/pom.xml, copied into .run/cache by
# scripts/lib/mail.sh) on the zendo/jre:17 layer, for air-gapped installs (docker-compose.airgap.yml). Takes the
# official greenmail/standalone image's settings: GREENMAIL_OPTS (the -Dgreenmail.* system properties) and JAVA_OPTS.
FROM zendo/jre:17

ARG GREENMAIL_VERSION=2.1.8
ARG APP_UID=10001

# wget: the health check docker-compose.yml gives the official image.
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wget \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log

ENV JAVA_OPTS="-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp" \
    GREENMAIL_OPTS="-Dgreenmail.setup.test.all -Dgreenmail.hostname=0.0.0.0 -Dgreenmail.auth.disabled"
WORKDIR /app
USER ${APP_UID}:${APP_UID}
EXPOSE 3025 3143 8080
HEALTHCHECK --interval=5s --timeout=3s --retries=20 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/api/service/readiness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $GREENMAIL_OPTS -jar /app/greenmail-standalone.jar"]
COPY .run/cache/greenmail-${GREENMAIL_VERSION}/greenmail-standalone-${GREENMAIL_VERSION}.jar /app/greenmail-standalone.jar
