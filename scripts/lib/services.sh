# The Java services as local processes: built with the Maven wrapper, run from their shaded jars.
SERVICES_DIR=$ZENDO_RUN_DIR/services
ZENDO_VERSION=0.1.0-SNAPSHOT
ZENDO_JAVA_OPTS=${ZENDO_JAVA_OPTS:--Xmx192m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError}

# A jar and keys belong to a service; a pid file and a log to each instance (conversations-2: the second node).
service_jar() { echo "$ZENDO_ROOT/services/$1/target/$1-$ZENDO_VERSION.jar"; }
service_keys() { echo "$ZENDO_RUN_DIR/keys/$1.jwks.json"; }
service_pid() { echo "$SERVICES_DIR/$1.pid"; }
service_log() { echo "$SERVICES_DIR/$1.log"; }
service_running() { pid_alive "$(service_pid "$1")" "$ZENDO_RUN_DIR"; }

# Rebuilds the jars when one is missing or any source, resource or pom of the services, libs or events is newer than it.
services_build() {
  local svc stale=0 oldest=""
  for svc in "${ZENDO_SERVICES[@]}"; do
    local jar; jar=$(service_jar "$svc")
    [[ -f "$jar" ]] || { stale=1; break; }
    [[ -z "$oldest" || "$jar" -ot "$oldest" ]] && oldest=$jar
  done
  if ((stale == 0)) && [[ -n $(find "$ZENDO_ROOT/pom.xml" "$ZENDO_ROOT/proto-events" "$ZENDO_ROOT/libs" "$ZENDO_ROOT/services" \
      -path '*/target' -prune -o -path '*/src/test' -prune -o -path '*/test-support' -prune -o -path '*/system-tests' -prune -o -type f -newer "$oldest" -print -quit) ]]; then
    stale=1
  fi
  ((stale == 1)) || return 0
  log "building the services (./mvnw package -DskipTests)"
  local modules; modules=$(printf 'services/%s,' "${ZENDO_SERVICES[@]}")
  (cd "$ZENDO_ROOT" && ./mvnw -q -B -DskipTests package -pl "${modules%,}" -am >&2) || die "the build failed"
}

# Generates each signing service's key set, the keyset pair invitation tokens (and identity's account-mail secrets)
# are sealed with for notifications, and the keysets conversations encrypts identity-verification secrets and
# notifications webhook signing secrets with, once; later runs keep them, so tokens and secrets survive restarts.
services_keys() {
  local svc
  for svc in "${ZENDO_SERVICES[@]}"; do
    service_signs_tokens "$svc" || continue
    java -cp "$(service_jar "$svc")" dev.zendo.auth.keys.KeyTool init "$(service_keys "$svc")" \
      || die "could not generate the signing keys of $svc"
  done
  java -cp "$(service_jar websites)" dev.zendo.auth.keys.KeyTool seal-init "$ZENDO_RUN_DIR/keys/notifications.seal.json" \
    "$ZENDO_RUN_DIR/keys/invitation-seal.public.json" || die "could not generate the invitation sealing keys"
  java -cp "$(service_jar conversations)" dev.zendo.auth.keys.KeyTool aead-init "$(identity_secrets_keyset)" \
    || die "could not generate the identity-verification secrets keyset"
  java -cp "$(service_jar notifications)" dev.zendo.auth.keys.KeyTool aead-init "$(webhook_secrets_keyset)" \
    || die "could not generate the webhook secrets keyset"
}

identity_secrets_keyset() { echo "$ZENDO_RUN_DIR/keys/conversations.identity-secrets.json"; }
webhook_secrets_keyset() { echo "$ZENDO_RUN_DIR/keys/notifications.webhook-secrets.json"; }

# Environment an instance reads; names match docker-compose.yml and the Helm chart.
service_env() {
  local instance=$1 svc var
  svc=$(instance_service "$instance")
  var="$(echo "$svc" | tr 'a-z-' 'A-Z_')_PORT"
  echo "$var=$(service_port "$instance")"
  echo "KAFKA_BOOTSTRAP_SERVERS=$ZENDO_HOST:$ZENDO_KAFKA_PORT"
  echo "REDIS_URL=redis://$ZENDO_HOST:$ZENDO_REDIS_PORT"
  echo "IDENTITY_JWKS_URL=http://$ZENDO_HOST:$ZENDO_IDENTITY_PORT/.well-known/jwks.json"
  if service_signs_tokens "$svc"; then
    echo "SIGNING_JWKS_FILE=$(service_keys "$svc")"
  fi
  if [[ $svc == websites ]]; then
    echo "INVITATION_SEAL_PUBLIC_KEYSET_FILE=$ZENDO_RUN_DIR/keys/invitation-seal.public.json"
  elif [[ $svc == identity ]]; then
    echo "NOTIFICATIONS_SEAL_PUBLIC_KEYSET_FILE=$ZENDO_RUN_DIR/keys/invitation-seal.public.json"
  fi
  if [[ $svc == notifications ]]; then
    echo "NOTIFICATIONS_SEAL_KEYSET_FILE=$ZENDO_RUN_DIR/keys/notifications.seal.json"
    echo "SMTP_HOST=$ZENDO_HOST"
    echo "SMTP_PORT=$ZENDO_SMTP_PORT"
    echo "PUBLIC_URL=http://localhost:$ZENDO_GATEWAY_PORT"
    echo "WEBHOOK_SECRETS_KEYSET_FILE=$(webhook_secrets_keyset)"
    # Local development: webhooks may go to receivers on this machine (never allowed by default).
    echo "WEBHOOK_ALLOWED_HOSTS=localhost,127.0.0.1"
  fi
  if [[ $svc == conversations ]]; then
    echo "IDENTITY_SECRETS_KEYSET_FILE=$(identity_secrets_keyset)"
    echo "REALTIME_URL=ws://localhost:$ZENDO_GATEWAY_PORT/ws"
  fi
  if [[ $svc == realtime-edge ]]; then
    echo "REALTIME_EDGE_WS_PORT=$(edge_ws_port "$instance")"
    echo "ZENDO_NODE_ID=edge-$(instance_number "$instance")"
    # Agents' realtime tickets are signed by websites, visitors' session tokens by conversations.
    echo "REALTIME_TICKETS_JWKS_URL=http://$ZENDO_HOST:$ZENDO_WEBSITES_PORT/v1/realtime/jwks.json"
    echo "REALTIME_TICKETS_ISSUER=zendo-websites"
    echo "REALTIME_VISITOR_JWKS_URL=http://$ZENDO_HOST:$ZENDO_CONVERSATIONS_PORT/v1/widget/jwks.json"
    echo "REALTIME_VISITOR_ISSUER=zendo-conversations"
    # The nodes share the signatures they checked in Redis, keyed with this secret (docs/protocol.md).
    echo "REALTIME_CHECKED_SIGNATURES_SECRET=$(generated_secret realtime-checked-signatures)"
  fi
  if service_has_database "$svc"; then
    echo "DATABASE_URL=jdbc:postgresql://$ZENDO_HOST:$ZENDO_PG_PORT/$ZENDO_PG_DATABASE"
    echo "DATABASE_USER=$(service_role "$svc")"
    echo "DATABASE_PASSWORD=$(pg_role_password "$(service_role "$svc")")"
  fi
}

service_start() {
  local instance=$1 svc
  svc=$(instance_service "$instance")
  service_running "$instance" && return 0
  mkdir -p "$SERVICES_DIR"
  require_free_port "$instance" "$(service_port "$instance")"
  [[ $svc != realtime-edge ]] || require_free_port "$instance" "$(edge_ws_port "$instance")"
  local -a env_args
  mapfile -t env_args < <(service_env "$instance")
  # Exported rather than passed to env(1), so the database password never shows in a command line.
  # shellcheck disable=SC2086
  (export "${env_args[@]}"; exec nohup java $ZENDO_JAVA_OPTS -Dzendo.run.dir="$ZENDO_RUN_DIR" -jar "$(service_jar "$svc")" \
    </dev/null >"$(service_log "$instance")" 2>&1) &
  echo $! >"$(service_pid "$instance")"
}

service_healthy() { curl -fs -o /dev/null "http://$ZENDO_HOST:$(service_port "$1")/health"; }

service_wait() {
  local instance=$1 deadline=$((SECONDS + ${2:-90}))
  until service_healthy "$instance"; do
    if ! service_running "$instance"; then
      tail -n 5 "$(service_log "$instance")" >&2
      die "$instance exited during start (log: $(service_log "$instance"))"
    fi
    ((SECONDS < deadline)) || die "$instance did not become healthy (log: $(service_log "$instance"))"
    sleep 0.2
  done
}

service_stop() { stop_pid "$(service_pid "$1")" "$1" "$ZENDO_RUN_DIR" 20; }
