#!/usr/bin/env bash
# PostgreSQL, Redis, Kafka and the mail catcher (GreenMail) as local processes for one profile (ZENDO_ENV=dev|test|…).
#   ensure  start what is not running, then print the connection settings as ZENDO_*=… lines
#           (with the generated PostgreSQL admin password, and the password of the roles specs create)
#   fresh   stop, throw away all state, start again
#   stop    stop what this profile started
#   status  one line per server
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/postgres.sh"
source "$ZENDO_ROOT/scripts/lib/redis.sh"
source "$ZENDO_ROOT/scripts/lib/kafka.sh"
source "$ZENDO_ROOT/scripts/lib/mail.sh"
require_tools ps java

print_env() {
  cat <<EOT
ZENDO_PG_HOST=$ZENDO_HOST
ZENDO_PG_PORT=$ZENDO_PG_PORT
ZENDO_PG_ADMIN_USER=postgres
ZENDO_PG_ADMIN_PASSWORD=$(pg_admin_password)
ZENDO_PG_ROLE_PASSWORD=$(pg_spec_role_password)
ZENDO_REDIS_URL=redis://$ZENDO_HOST:$ZENDO_REDIS_PORT
ZENDO_KAFKA_BOOTSTRAP_SERVERS=$ZENDO_HOST:$ZENDO_KAFKA_PORT
ZENDO_SMTP_HOST=$ZENDO_HOST
ZENDO_SMTP_PORT=$ZENDO_SMTP_PORT
ZENDO_IMAP_PORT=$ZENDO_IMAP_PORT
ZENDO_MAIL_API_URL=$(mail_api_url)
ZENDO_MAIL_JAR=$MAIL_JAR
EOT
}

start_all() { pg_start; redis_start; kafka_start; mail_start; }
stop_all() { mail_stop; kafka_stop; redis_stop; pg_stop; }

case "${1:-}" in
  ensure) start_all; print_env ;;
  fresh) stop_all; rm -rf "$ZENDO_RUN_DIR"; start_all; print_env ;;
  stop) stop_all ;;
  status)
    pg_running && echo "postgres  up    $ZENDO_HOST:$ZENDO_PG_PORT" || echo "postgres  down"
    redis_running && echo "redis     up    $ZENDO_HOST:$ZENDO_REDIS_PORT" || echo "redis     down"
    kafka_running && echo "kafka     up    $ZENDO_HOST:$ZENDO_KAFKA_PORT" || echo "kafka     down"
    mail_running && echo "greenmail up    smtp $ZENDO_HOST:$ZENDO_SMTP_PORT, $(mail_api_url)" || echo "greenmail down" ;;
  *) echo "usage: $0 ensure|fresh|stop|status" >&2; exit 2 ;;
esac
