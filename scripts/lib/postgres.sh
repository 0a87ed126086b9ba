# PostgreSQL as a local process under $ZENDO_RUN_DIR/postgres, owned by user postgres when we are root.
PG_DIR=$ZENDO_RUN_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgres.log

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [[ -z "$dir" ]]; then
    require_packages postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  echo "$dir"
}

# Runs a PostgreSQL binary as the data directory's owner (PostgreSQL refuses to run as root).
pg_as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [[ -f "$PG_DATA/postmaster.pid" ]] && pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; }

pg_start() {
  if pg_running; then return 0; fi
  local bin; bin=$(pg_bin)
  mkdir -p "$PG_DIR"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$PG_DIR"
  fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    pg_as_owner "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  fi
  local opts="-p $ZENDO_PG_PORT -k $PG_DIR -c listen_addresses=$ZENDO_HOST -c max_connections=300"
  # Test servers trade durability for speed; their state is thrown away after every run.
  [[ "$ZENDO_ENV" == dev ]] || opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$opts" -w -t 60 start >/dev/null \
    || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start on port $ZENDO_PG_PORT (log: $PG_LOG)"; }
  log "PostgreSQL ready on $ZENDO_HOST:$ZENDO_PG_PORT"
}

pg_stop() {
  pg_running || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && log "stopped PostgreSQL"
}

psql_admin() {
  local db=$1; shift
  psql -X -q -v ON_ERROR_STOP=1 -h "$ZENDO_HOST" -p "$ZENDO_PG_PORT" -U postgres -d "$db" "$@"
}

# The application database with every service's role and schema (infra/postgres/service-schema.sql).
pg_bootstrap() {
  command -v psql >/dev/null || require_packages postgresql-client
  if [[ -z $(psql_admin postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$ZENDO_PG_DATABASE'") ]]; then
    psql_admin postgres -c "CREATE DATABASE $ZENDO_PG_DATABASE"
  fi
  local svc role
  for svc in "${ZENDO_SERVICES[@]}"; do
    service_has_database "$svc" || continue
    role=$(service_role "$svc")
    sed -e "s/{{role}}/$role/g" -e "s/{{password}}/$role/g" -e "s/{{schema}}/$(service_schema "$svc")/g" \
      "$ZENDO_ROOT/infra/postgres/service-schema.sql" | psql_admin "$ZENDO_PG_DATABASE" >/dev/null
  done
}
