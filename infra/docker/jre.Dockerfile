# zendo/jre:17 — the layer every service image starts from: Debian bookworm's headless OpenJDK 17 (security updates
# with Debian's, no download from outside the package mirror) and curl for the health checks, with the non-root user
# the services run as. scripts/lib/containers.sh builds it once (make images); debian:bookworm is the official image
# or, offline, the one the script makes with debootstrap.
FROM docker.io/library/debian:bookworm

ARG APP_UID=10001

RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless curl \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log \
 && groupadd --gid "$APP_UID" zendo \
 && useradd --uid "$APP_UID" --gid zendo --home-dir /app --no-create-home --shell /usr/sbin/nologin zendo

LABEL org.opencontainers.image.title="zendo-jre" \
      org.opencontainers.image.description="Debian bookworm with OpenJDK 17 (headless JRE) for the Zendo services"
