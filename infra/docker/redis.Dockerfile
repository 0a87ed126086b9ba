# zendo/redis: Redis 7 from Debian bookworm for air-gapped installs (docker-compose.airgap.yml), run like the official
# redis:7 image: `redis-server [options]` as the command, reachable from other containers without a config file
# (protected mode off, as the official image does), redis-cli for health checks.
FROM docker.io/library/debian:bookworm

RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log

COPY infra/docker/redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
WORKDIR /var/lib/redis
USER redis
EXPOSE 6379
HEALTHCHECK --interval=5s --timeout=3s --retries=20 CMD redis-cli ping || exit 1
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["redis-server"]
