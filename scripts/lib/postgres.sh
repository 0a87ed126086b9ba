# PostgreSQL as a local process under $ZENDO_RUN_DIR/postgres, owned by user postgres when we are root.
# TCP connections need a password (SCRAM); the passwords are generated once per profile and kept in
# $ZENDO_RUN_DIR/secrets. The socket admits only the OS user that owns the data (peer).
PG_DIR=$ZENDO_RUN_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgres.log
ZENDO_SECRETS_DIR=$ZENDO_RUN_DIR/secrets

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

# A generated secret (48 hex characters), made on first use and kept (readable only by us) in the profile's secrets
# folder: PostgreSQL's passwords, and the secret the realtime edge's nodes share.
generated_secret() {
  local file=$ZENDO_SECRETS_DIR/$1.password
  if [[ ! -s "$file" ]]; then
    (umask 077 && mkdir -p "$ZENDO_SECRETS_DIR" && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

pg_admin_password() { generated_secret postgres-admin; }
# The password of a service's role (make up), and of the roles specs create (TestInfra).
pg_role_password() { generated_secret "$1"; }
pg_spec_role_password() { generated_secret spec-roles; }

pg_running() { [[ -f "$PG_DATA/postmaster.pid" ]] && pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; }

pg_write_hba() {
  pg_as_owner tee "$PG_DATA/pg_hba.conf" >/dev/null <<'HBA'
# Written by scripts/lib/postgres.sh: the socket admits only the OS user of the same name (peer),
# TCP needs the role's password (SCRAM).
local all all                peer
host  all all 127.0.0.1/32   scram-sha-256
host  all all ::1/128        scram-sha-256
HBA
}

# Data folders made before passwords were required let every local user in (trust), or have lost their
# admin password file. A dev folder that trusts is moved to passwords in place, keeping its data; any
# other profile's folder, and a dev folder whose admin password is lost, is made anew (says so).
pg_check_data() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 0
  if grep -Eq '^[^#]*[[:space:]]trust([[:space:]]|$)' "$PG_DATA/pg_hba.conf"; then
    if [[ "$ZENDO_ENV" == dev ]]; then
      PG_MIGRATE_TRUST=1
      return 0
    fi
    log "re-initialising $PG_DATA: it let every local user in without a password (its data is thrown away)"
  elif [[ ! -s "$ZENDO_SECRETS_DIR/postgres-admin.password" ]]; then
    if [[ "$ZENDO_ENV" == dev ]]; then
      die "the PostgreSQL admin password of $PG_DATA is lost ($ZENDO_SECRETS_DIR/postgres-admin.password): make down, then remove $PG_DIR to start over"
    fi
    log "re-initialising $PG_DATA: its admin password file is gone"
  else
    return 0
  fi
  pg_stop
  rm -rf "$PG_DATA"
}

pg_init() {
  local bin=$1 pwfile=$PG_DIR/initdb.password
  (umask 077 && pg_admin_password >"$pwfile")
  is_root && chown postgres "$pwfile"
  pg_as_owner "$bin/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" --auth-local=peer --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { rm -f "$pwfile"; cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  pg_write_hba
}

# Moves a dev data folder from trust to passwords: the admin gets its generated password, then pg_hba.conf
# requires it. Service roles get theirs in pg_bootstrap.
pg_migrate_trust() {
  log "PostgreSQL in $PG_DATA let every local user in without a password: setting the admin password and requiring passwords"
  require_tools psql
  psql_admin postgres <<<"ALTER ROLE postgres PASSWORD '$(pg_admin_password)'" >/dev/null
  pg_write_hba
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" reload >/dev/null
  PG_MIGRATE_TRUST=0
}

pg_start() {
  PG_MIGRATE_TRUST=0
  pg_check_data
  if pg_running; then
    ((PG_MIGRATE_TRUST == 0)) || pg_migrate_trust
    return 0
  fi
  require_free_port PostgreSQL "$ZENDO_PG_PORT"
  local bin; bin=$(pg_bin)
  mkdir -p "$PG_DIR"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$PG_DIR"
  fi
  [[ -f "$PG_DATA/PG_VERSION" ]] || pg_init "$bin"
  local opts="-p $ZENDO_PG_PORT -k $PG_DIR -c listen_addresses=$ZENDO_HOST -c max_connections=300"
  # Test servers trade durability for speed; their state is thrown away after every run. Benchmarks keep it
  # (ZENDO_PG_DURABLE=1).
  [[ "$ZENDO_ENV" == dev || "${ZENDO_PG_DURABLE:-}" == 1 ]] || opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  pg_as_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$opts" -w -t 60 start >/dev/null \
    || { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start on port $ZENDO_PG_PORT (log: $PG_LOG)"; }
  ((PG_MIGRATE_TRUST == 0)) || pg_migrate_trust
  log "PostgreSQL ready on $ZENDO_HOST:$ZENDO_PG_PORT"
}

pg_stop() {
  pg_running || return 0
  pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && log "stopped PostgreSQL"
}

psql_admin() {
  local db=$1; shift
  PGPASSWORD=$(pg_admin_password) PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$ZENDO_HOST" -p "$ZENDO_PG_PORT" -U postgres -d "$db" "$@"
}

# The application database with every service's role and schema (infra/postgres/service-schema.sql);
# a role whose password is not (or no longer) its generated one gets it.
pg_bootstrap() {
  require_tools psql
  if [[ -z $(psql_admin postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$ZENDO_PG_DATABASE'") ]]; then
    psql_admin postgres -c "CREATE DATABASE $ZENDO_PG_DATABASE"
  fi
  local svc role password sql template
  template=$(<"$ZENDO_ROOT/infra/postgres/service-schema.sql")
  for svc in "${ZENDO_SERVICES[@]}"; do
    service_has_database "$svc" || continue
    role=$(service_role "$svc")
    password=$(pg_role_password "$role")
    sql=${template//'{{role}}'/$role}
    sql=${sql//'{{password}}'/$password}
    psql_admin "$ZENDO_PG_DATABASE" <<<"${sql//'{{schema}}'/$(service_schema "$svc")}" >/dev/null
    if ! PGPASSWORD=$password psql -X -q -h "$ZENDO_HOST" -p "$ZENDO_PG_PORT" -U "$role" -d "$ZENDO_PG_DATABASE" -tAc 'SELECT 1' >/dev/null 2>&1; then
      log "setting the generated password of role $role"
      psql_admin postgres <<<"ALTER ROLE \"$role\" PASSWORD '$password'" >/dev/null
    fi
  done
}
