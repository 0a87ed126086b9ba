#!/usr/bin/env bash
# make images: every image of the compose stack — the Debian base (offline, with podman), the zendo/jre:17 layer, the
# five services, the gateway, and the air-gap infrastructure images (docker-compose.airgap.yml). Builds the jars and
# the front ends first when they are missing. With docker where its daemon answers, else podman (scripts/lib/containers.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/frontends.sh"
source "$ZENDO_ROOT/scripts/lib/containers.sh"

require_tools java npm
containers_ensure

for svc in "${ZENDO_SERVICES[@]}"; do
  if [[ ! -f "$ZENDO_ROOT/services/$svc/target/$svc-0.1.0-SNAPSHOT.jar" ]]; then
    log "building the service jars"
    (cd "$ZENDO_ROOT" && ./mvnw -q -B -DskipTests package) || die "the jar build failed"
    break
  fi
done
for app in "${ZENDO_FRONTENDS[@]}"; do frontend_build "$app"; done

started=$SECONDS
app_images_build
airgap_images_build
# The earlier builds these replaced.
"$ZENDO_CONTAINER_ENGINE" image prune -f >/dev/null
log "images built in $((SECONDS - started))s:"
"$ZENDO_CONTAINER_ENGINE" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "zendo/|library/debian" | sort >&2
