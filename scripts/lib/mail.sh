# GreenMail standalone as a local process: an SMTP server that catches every mail the services send (never delivering
# any), with IMAP and an HTTP API to read them. One jar from Maven Central (infra/mail/pom.xml), state in memory.
MAIL_DIR=$ZENDO_RUN_DIR/mail
MAIL_PID=$MAIL_DIR/greenmail.pid
MAIL_LOG=$MAIL_DIR/greenmail.log
MAIL_JAR=$ZENDO_CACHE_DIR/greenmail-$ZENDO_GREENMAIL_VERSION/greenmail-standalone-$ZENDO_GREENMAIL_VERSION.jar

mail_running() { pid_alive "$MAIL_PID" "$MAIL_DIR"; }
mail_api_url() { echo "http://$ZENDO_HOST:$ZENDO_MAIL_API_PORT"; }

mail_jar() {
  [[ -f "$MAIL_JAR" ]] && return 0
  log "fetching GreenMail $ZENDO_GREENMAIL_VERSION from Maven Central"
  "$ZENDO_ROOT/mvnw" -q -B -f "$ZENDO_ROOT/infra/mail/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$(dirname "$MAIL_JAR")" >&2 || die "could not fetch GreenMail"
}

# Any address receives mail (a mailbox is made on first delivery); IMAP logs in with the address as both user name
# and password.
mail_start() {
  if mail_running; then return 0; fi
  require_free_port "GreenMail SMTP" "$ZENDO_SMTP_PORT"
  require_free_port "GreenMail IMAP" "$ZENDO_IMAP_PORT"
  require_free_port "GreenMail's API" "$ZENDO_MAIL_API_PORT"
  mail_jar
  mkdir -p "$MAIL_DIR"
  : >"$MAIL_LOG"
  # The folder is in the command line so that pid_alive recognises the process as ours.
  (cd "$MAIL_DIR" && exec nohup java -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dzendo.mail.dir="$MAIL_DIR" \
    -Dgreenmail.hostname="$ZENDO_HOST" -Dgreenmail.smtp.port="$ZENDO_SMTP_PORT" -Dgreenmail.imap.port="$ZENDO_IMAP_PORT" \
    -Dgreenmail.api.hostname="$ZENDO_HOST" -Dgreenmail.api.port="$ZENDO_MAIL_API_PORT" -Dgreenmail.auth.disabled \
    -Dgreenmail.users.login=email -jar "$MAIL_JAR" </dev/null >"$MAIL_LOG" 2>&1) &
  echo $! >"$MAIL_PID"
  wait_until "GreenMail" 30 "$MAIL_LOG" curl -fs "$(mail_api_url)/api/service/readiness"
  log "GreenMail ready: SMTP $ZENDO_HOST:$ZENDO_SMTP_PORT, mail at $(mail_api_url)"
}

mail_stop() { stop_pid "$MAIL_PID" GreenMail "$MAIL_DIR" 10; }
