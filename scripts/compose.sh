#!/usr/bin/env bash
# make compose-up / compose-down: the stack of docker-compose.yml from the images `make images` built, with docker
# compose where Docker's daemon answers, else podman-compose (scripts/lib/containers.sh). podman-compose always adds the
# override docker-compose.airgap.yml (no registry to pull the official images from); docker compose adds it with
# ZENDO_COMPOSE_AIRGAP=1. The gateway listens on the profile's gateway port (ZENDO_PORT_BASE moves it), GreenMail's
# API on its mail API port. ZENDO_COMPOSE_EXTRA names one more override file.
#   up      start the stack and wait until every container is healthy (the keys job: done)
#   down    stop it and remove its containers, network and volumes; fails naming whatever is left
#   wait    wait until every container is healthy again (after a restart)
#   ps      its containers
#   check   exit 0 where podman can run containers, else 3 with the reason (ContainerStackSpec skips on it)
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/containers.sh"

if [[ "${1:-}" == check ]]; then
  reason=$(containers_unusable_reason)
  [[ -z "$reason" ]] || { echo "$reason"; exit 3; }
  exit 0
fi
containers_ensure
ZENDO_COMPOSE_PROJECT=${ZENDO_COMPOSE_PROJECT:-zendo}
ZENDO_COMPOSE_TIMEOUT=${ZENDO_COMPOSE_TIMEOUT:-600}
if [[ "$ZENDO_CONTAINER_ENGINE" == podman ]]; then ZENDO_COMPOSE_AIRGAP=1; fi
export ZENDO_GATEWAY_PORT ZENDO_MAIL_API_PORT
export ZENDO_REALTIME_URL=${ZENDO_REALTIME_URL:-ws://localhost:$ZENDO_GATEWAY_PORT/ws}
export ZENDO_PUBLIC_URL=${ZENDO_PUBLIC_URL:-http://localhost:$ZENDO_GATEWAY_PORT}

files=(-f "$ZENDO_ROOT/docker-compose.yml")
[[ "${ZENDO_COMPOSE_AIRGAP:-0}" == 1 ]] && files+=(-f "$ZENDO_ROOT/docker-compose.airgap.yml")
# One more override of your own (JVM options for a small machine, say), last.
[[ -n "${ZENDO_COMPOSE_EXTRA:-}" ]] && files+=(-f "$ZENDO_COMPOSE_EXTRA")

compose() {
  if [[ "$ZENDO_CONTAINER_ENGINE" == docker ]]; then
    docker compose -p "$ZENDO_COMPOSE_PROJECT" "${files[@]}" "$@"
  else
    podman-compose -p "$ZENDO_COMPOSE_PROJECT" "${files[@]}" "$@"
  fi
}

# The project's containers, networks and volumes (by the label compose puts on them), one name a line.
project_objects() {
  local label=com.docker.compose.project=$ZENDO_COMPOSE_PROJECT
  [[ "$ZENDO_CONTAINER_ENGINE" == podman ]] && label=io.podman.compose.project=$ZENDO_COMPOSE_PROJECT
  case "$1" in
    containers) "$ZENDO_CONTAINER_ENGINE" ps -a --filter "label=$label" --format '{{.Names}}' ;;
    networks) "$ZENDO_CONTAINER_ENGINE" network ls --format '{{.Name}}' | grep -E "^${ZENDO_COMPOSE_PROJECT}_" || true ;;
    volumes) "$ZENDO_CONTAINER_ENGINE" volume ls --format '{{.Name}}' | grep -E "^${ZENDO_COMPOSE_PROJECT}_" || true ;;
  esac
}

# Whether a container is ready: its health check passes now (run here: podman without systemd schedules none; one
# failed check leaves a healthy container "healthy" until its retries run out, so the status alone can be stale, as
# the gateway's is while it has not yet loaded a restarted service's new address), or, for a one-shot job, exited 0.
container_ready() {
  local name=$1 state
  state=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}} {{if .Config.Healthcheck}}check{{end}}' "$name" </dev/null) || return 1
  case "$state" in
    "exited 0"*) return 0 ;;
    running*check)
      podman healthcheck run "$name" </dev/null >/dev/null 2>&1 \
        && [[ "$(podman inspect --format '{{.State.Health.Status}}' "$name" </dev/null)" == healthy ]] ;;
    running*) return 0 ;;
    *) return 1 ;;
  esac
}

# podman-compose 1.0.3 starts every container at once, without waiting for its dependencies' health: a service that
# finds its database not yet there exits and its restart policy starts it again, until all are healthy.
wait_ready() {
  local deadline=$((SECONDS + ZENDO_COMPOSE_TIMEOUT)) name pending
  local -A ready=()
  while true; do
    pending=()
    while IFS= read -r name; do
      [[ -n "${ready[$name]:-}" ]] && continue
      if container_ready "$name"; then ready[$name]=1; else pending+=("$name"); fi
    done < <(project_objects containers)
    ((${#pending[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      for name in "${pending[@]}"; do
        echo "== $name: $(podman inspect --format '{{.State.Status}} (exit {{.State.ExitCode}}, {{.RestartCount}} restarts)' "$name")" >&2
        podman logs --tail 15 "$name" 2>&1 | cut -c1-300 >&2
      done
      die "not ready within ${ZENDO_COMPOSE_TIMEOUT}s: ${pending[*]}"
    fi
    sleep 3
  done
}

up() {
  local started=$SECONDS
  log "starting the compose stack $ZENDO_COMPOSE_PROJECT (${files[*]//-f /})"
  if [[ "$ZENDO_CONTAINER_ENGINE" == docker ]]; then
    compose up -d --wait --wait-timeout "$ZENDO_COMPOSE_TIMEOUT" >&2 || die "docker compose up failed"
  else
    compose up -d >"$ZENDO_CONTAINERS_DIR/compose-up.log" 2>&1 \
      || { tail -n 30 "$ZENDO_CONTAINERS_DIR/compose-up.log" >&2; die "podman-compose up failed (log: $ZENDO_CONTAINERS_DIR/compose-up.log)"; }
    wait_ready
  fi
  log "the compose stack is up in $((SECONDS - started))s: $ZENDO_PUBLIC_URL (mail API http://localhost:$ZENDO_MAIL_API_PORT)"
}

down() {
  log "stopping the compose stack $ZENDO_COMPOSE_PROJECT"
  compose down -v >"$ZENDO_CONTAINERS_DIR/compose-down.log" 2>&1 || true
  local kind left=()
  # What an interrupted run or podman-compose's down left behind.
  for kind in containers networks volumes; do
    while IFS= read -r name; do
      [[ -n "$name" ]] || continue
      case "$kind" in
        containers) "$ZENDO_CONTAINER_ENGINE" rm -f -v "$name" >/dev/null 2>&1 || true ;;
        networks) "$ZENDO_CONTAINER_ENGINE" network rm -f "$name" >/dev/null 2>&1 || true ;;
        volumes) "$ZENDO_CONTAINER_ENGINE" volume rm -f "$name" >/dev/null 2>&1 || true ;;
      esac
    done < <(project_objects "$kind")
    while IFS= read -r name; do [[ -n "$name" ]] && left+=("$kind $name"); done < <(project_objects "$kind")
  done
  ((${#left[@]} == 0)) || die "left behind: ${left[*]}"
  log "the compose stack $ZENDO_COMPOSE_PROJECT is down: no container, network or volume left"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  wait) if [[ "$ZENDO_CONTAINER_ENGINE" == docker ]]; then compose up -d --wait >&2; else wait_ready; fi ;;
  ps) compose ps ;;
  *) echo "usage: $0 up|down|wait|ps|check" >&2; exit 2 ;;
esac
