#!/usr/bin/env bash
# Commits per second of a one-row transaction that appends one outbox event, with 1, 8 and 32 writers, as
# `Outbox.append` writes it now (advisory lock on the key, insert at commit, NOTIFY throttled to one per interval)
# and as it did before (NOTIFY in every appending transaction); then what the relay's bookkeeping costs per sent row
# (WAL bytes and time), as it is done (rows marked sent, deleted by the cleanup later) and deleting rows as they are
# sent. Runs against its own PostgreSQL with the default durability (fsync and synchronous_commit on), prints
# the figures and writes bench/reports/outbox.md.
#   bench/outbox/run.sh [seconds per run]     (default 15)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-15}
port=$(( ${ZENDO_PORT_BASE:-31000} + 433 ))
dir=$root/.run/bench-outbox
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
as_owner() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$dir" && mkdir -p "$dir"
[[ $(id -u) == 0 ]] && chown postgres "$dir"
as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
trap 'as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null' EXIT
psql() { PGOPTIONS="-c client_min_messages=warning" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

reset() {
  psql -c 'DROP TABLE IF EXISTS outbox, note' \
       -f "$root/libs/outbox/src/main/resources/db/outbox/V1__outbox.sql" \
       -f "$root/libs/outbox/src/main/resources/db/outbox/V1_1__outbox_commit_order_and_parking.sql" \
       -c 'CREATE TABLE note (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)'
}

cat >"$dir/notify-every-append.sql" <<'SQL'
BEGIN;
INSERT INTO note (text) VALUES ('state change');
INSERT INTO outbox (event_id, topic, event_key, payload)
  SELECT gen_random_uuid(), 'zendo.bench', 'c' || :client_id, decode(repeat('ab', 300), 'hex') FROM pg_notify('zendo_outbox', '');
COMMIT;
SQL
cat >"$dir/lock-and-insert-at-commit.sql" <<'SQL'
BEGIN;
INSERT INTO note (text) VALUES ('state change');
SELECT pg_advisory_xact_lock(hashtextextended('zendo.bench' || chr(1) || 'c' || :client_id, 0));
INSERT INTO outbox (event_id, topic, event_key, payload)
  VALUES (gen_random_uuid(), 'zendo.bench', 'c' || :client_id, decode(repeat('ab', 300), 'hex'));
COMMIT;
SQL

rows=""
for variant in notify-every-append lock-and-insert-at-commit; do
  for writers in 1 8 32; do
    reset
    tps=$("$bin/pgbench" -n -h 127.0.0.1 -p "$port" -U postgres -c "$writers" -j "$(( writers < 2 ? 1 : 2 ))" \
            -T "$seconds" -f "$dir/$variant.sql" postgres 2>/dev/null | awk '/^tps/ {printf "%d", $3}')
    printf '%-26s %2d writers: %6d commits/s\n' "$variant" "$writers" "$tps"
    rows+="| $variant | $writers | $tps |"$'\n'
  done
done

# The relay's bookkeeping for 20,000 sent rows, in transactions of 200 (its default batch size).
sent_rows=20000
: >"$dir/delete-when-sent.sql"
: >"$dir/mark-then-delete.sql"
for (( first = 1; first <= sent_rows; first += 200 )); do
  batch="ARRAY(SELECT generate_series($first, $(( first + 199 ))))::bigint[]"
  echo "DELETE FROM outbox WHERE id = ANY ($batch);" >>"$dir/delete-when-sent.sql"
  echo "UPDATE outbox SET sent_at = now() WHERE id = ANY ($batch);" >>"$dir/mark-then-delete.sql"
done
echo "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() + interval '1 hour';" >>"$dir/mark-then-delete.sql"
relay_rows=""
for variant in mark-then-delete delete-when-sent; do
  reset
  psql -c "INSERT INTO outbox (event_id, topic, event_key, payload)
             SELECT gen_random_uuid(), 'zendo.bench', 'c' || (i % 500), decode(repeat('ab', 300), 'hex')
             FROM generate_series(1, $sent_rows) i" -c 'VACUUM ANALYZE outbox' -c 'CHECKPOINT'
  before=$(psql -At -c 'SELECT pg_current_wal_lsn()')
  started=$(date +%s%N)
  psql -f "$dir/$variant.sql"
  micros=$(( ($(date +%s%N) - started) / 1000 / sent_rows ))
  wal=$(psql -At -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$before')::bigint / $sent_rows")
  printf 'relay %-18s %5d WAL bytes and %3d µs per sent row\n' "$variant" "$wal" "$micros"
  relay_rows+="| $variant | $wal | $micros |"$'\n'
done

mkdir -p "$root/bench/reports"
cat >"$root/bench/reports/outbox.md" <<EOT
# Outbox appends: commits per second

Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores with \`bench/outbox/run.sh $seconds\`: pgbench, ${seconds} s per
run, against a PostgreSQL $("$bin/postgres" --version | awk '{print $3}') of its own with the default durability
(fsync and synchronous_commit on). Each transaction inserts one state row and appends one outbox event
(300-byte payload) to its writer's own key.

- \`notify-every-append\`: what \`Outbox.append\` did before: \`pg_notify\` in every appending transaction.
  PostgreSQL takes one database-wide lock for NOTIFY at commit, held through the commit's WAL flush.
- \`lock-and-insert-at-commit\`: what it does now: the transaction-scoped advisory lock on the event's topic and
  key, then the insert (at commit). The NOTIFY that wakes other instances goes out in at most one transaction per
  \`zendo.outbox.notify-interval\` (100 ms), which this run leaves out.

| variant | writers | commits/s |
| --- | --- | --- |
$rows
## The relay's bookkeeping per sent row

$sent_rows rows (300-byte payloads) sent in transactions of 200, each statement committed on its own (psql's
autocommit), after a checkpoint; WAL bytes from \`pg_current_wal_lsn()\`, time from the client.

- \`mark-then-delete\`: what the relay does: \`OutboxMarks\`' \`UPDATE … SET sent_at = now()\`, which writes a new
  version of each row with its payload and two index entries, then \`SentRowCleanup\`'s \`DELETE\` of the sent rows.
- \`delete-when-sent\`: the alternative: \`DELETE … WHERE id = ANY (…)\` in the publishing transaction. The services'
  specs read the events a request wrote from the outbox table, so they need the sent rows to stay until they read
  Kafka instead.

| variant | WAL bytes per row | µs per row |
| --- | --- | --- |
$relay_rows
The machine is small and shared: compare the rows of one run, not runs of different days.
EOT
echo "report: bench/reports/outbox.md"
