# zendo/postgres: PostgreSQL 15 from Debian bookworm for air-gapped installs (docker-compose.airgap.yml), taking the
# settings docker-compose.yml gives the official postgres:15 image: POSTGRES_PASSWORD (POSTGRES_USER, POSTGRES_DB),
# PGDATA at /var/lib/postgresql/data, the scripts in /docker-entrypoint-initdb.d run on the first start of an empty
# data folder, and `postgres -c …` as the command.
FROM docker.io/library/debian:bookworm

RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/log/apt /var/log/dpkg.log \
 && rm -rf /var/lib/postgresql/15 /etc/postgresql \
 && mkdir -p /var/lib/postgresql/data /docker-entrypoint-initdb.d /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql && chmod 700 /var/lib/postgresql/data

ENV PATH=/usr/lib/postgresql/15/bin:$PATH \
    PGDATA=/var/lib/postgresql/data
COPY infra/docker/postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=3s --retries=20 CMD pg_isready -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" || exit 1
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
