#!/usr/bin/env bash
# The official postgres image's start-up, for Debian's PostgreSQL: an empty PGDATA is initialised with
# POSTGRES_USER/POSTGRES_PASSWORD (password logins over TCP), POSTGRES_DB is created, and the *.sh and *.sql files in
# /docker-entrypoint-initdb.d run in name order against a server listening on its socket only; then the command runs
# (`postgres …` starts the server on every address).
set -eo pipefail
export POSTGRES_USER=${POSTGRES_USER:-postgres}
export POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD, the password of the $POSTGRES_USER superuser}"
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 >/dev/null
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  if [[ "$POSTGRES_DB" != postgres ]]; then
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE \"$POSTGRES_DB\"" >/dev/null
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh) echo "running $file"; bash "$file" ;;
      *.sql) echo "running $file"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -f "$file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "PostgreSQL initialised"
fi

if [[ "${1:-}" == postgres ]]; then
  shift
  exec postgres -D "$PGDATA" "$@"
fi
exec "$@"
