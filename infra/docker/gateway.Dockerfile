# zendo/gateway: nginx with the gateway config (infra/docker/gateway.conf + infra/gateway/routes.conf), the widget and
# the dashboard baked in. Non-root, read-only root filesystem friendly (nginx writes only to /tmp).
# It starts from the official nginx image; without a registry (docker-compose.airgap.yml, `make images` with podman)
# NGINX_IMAGE names the Debian base instead, and Debian's nginx is installed on it.
# The upstreams default to the compose service names; set IDENTITY_UPSTREAM, WEBSITES_UPSTREAM,
# CONVERSATIONS_UPSTREAM, REALTIME_EDGE_UPSTREAM, REALTIME_EDGE_WS_UPSTREAM, NOTIFICATIONS_UPSTREAM (host:port) to
# point it elsewhere (a Kubernetes service name, for instance). Build the front ends first (npm run build in widget/
# and dashboard/), then from the repository root: docker build -f infra/docker/gateway.Dockerfile -t zendo/gateway .
ARG NGINX_IMAGE=docker.io/library/nginx:1.28
FROM ${NGINX_IMAGE}

ARG APP_UID=10001

RUN packages=; command -v nginx >/dev/null || packages=nginx-light; command -v curl >/dev/null || packages="$packages curl"; \
    if [ -n "$packages" ]; then \
      apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages \
      && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log /etc/nginx/sites-enabled; \
    fi \
 && groupadd --gid "$APP_UID" zendo \
 && useradd --uid "$APP_UID" --gid zendo --home-dir /srv/zendo --no-create-home --shell /usr/sbin/nologin zendo \
 && ln -sf /dev/stderr /var/log/nginx/error.log

COPY infra/docker/gateway-entrypoint.sh /usr/local/bin/zendo-gateway
COPY infra/docker/gateway.conf /etc/nginx/zendo/gateway.conf
COPY infra/gateway/routes.conf /etc/nginx/zendo/routes.conf
COPY widget/demo /srv/zendo/demo
RUN echo '// No demo website seeded: open /demo?key=pk_…' >/srv/zendo/demo-key.js
COPY widget/dist /srv/zendo/widget
COPY dashboard/dist /srv/zendo/dashboard

USER ${APP_UID}:${APP_UID}
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["/usr/local/bin/zendo-gateway", "check"]
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/usr/local/bin/zendo-gateway"]
