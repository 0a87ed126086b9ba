# Podman for the project's images and compose stack, kept apart from the system's podman: the settings in
# infra/containers/containers.conf (runtime runc, fixed default ulimits) and a storage of our own under
# $ZENDO_CONTAINERS_DIR, both through CONTAINERS_CONF and CONTAINERS_STORAGE_CONF. The storage is shared by every
# profile of this checkout (images are built once, whichever profile builds them) and outlives `infra.sh fresh`.
ZENDO_CONTAINERS_DIR=${ZENDO_CONTAINERS_DIR:-$ZENDO_ROOT/.run/containers}
ZENDO_CONTAINER_PACKAGES=(podman runc podman-compose debootstrap golang-github-containernetworking-plugin-dnsname)
# The Debian release every image the project builds starts from, imported as the official image's tag so an
# unchanged `FROM debian:bookworm` builds offline.
ZENDO_DEBIAN_SUITE=bookworm
ZENDO_BASE_IMAGE=docker.io/library/debian:$ZENDO_DEBIAN_SUITE
ZENDO_JRE_IMAGE=${ZENDO_IMAGE_PREFIX:-zendo}/jre:17

# Writes our containers.conf (the repository's file, plus the paths that keep podman's state under our folder) and
# storage.conf (overlay where it works, else vfs), and points podman at both.
containers_env() {
  local conf=$ZENDO_CONTAINERS_DIR/containers.conf storage=$ZENDO_CONTAINERS_DIR/storage.conf
  mkdir -p "$ZENDO_CONTAINERS_DIR/networks"
  sed -e "s#^\[engine\]#[engine]\ntmp_dir = \"$ZENDO_CONTAINERS_DIR/tmp\"\nvolume_path = \"$ZENDO_CONTAINERS_DIR/storage/volumes\"#" \
    "$ZENDO_ROOT/infra/containers/containers.conf" >"$conf.new"
  printf '\n[network]\nnetwork_config_dir = "%s"\n' "$ZENDO_CONTAINERS_DIR/networks" >>"$conf.new"
  mv "$conf.new" "$conf"
  export CONTAINERS_CONF=$conf CONTAINERS_STORAGE_CONF=$storage
  [[ -f "$storage" ]] && return 0
  local driver
  for driver in overlay vfs; do
    containers_write_storage "$driver"
    if podman info --format '{{.Store.GraphDriverName}}' >/dev/null 2>"$ZENDO_CONTAINERS_DIR/storage-$driver.log"; then
      [[ "$driver" == overlay ]] || log "podman storage: overlay does not work here, using vfs (see $ZENDO_CONTAINERS_DIR/storage-overlay.log)"
      return 0
    fi
    rm -rf "$ZENDO_CONTAINERS_DIR/storage" "$ZENDO_CONTAINERS_DIR/run"
  done
  rm -f "$storage"
  die "cannot use a container storage under $ZENDO_CONTAINERS_DIR: $(tail -n1 "$ZENDO_CONTAINERS_DIR/storage-vfs.log" 2>/dev/null)"
}

containers_write_storage() {
  cat >"$CONTAINERS_STORAGE_CONF" <<EOT
# Written by scripts/lib/containers.sh: the project's own image and container storage.
[storage]
driver = "$1"
graphroot = "$ZENDO_CONTAINERS_DIR/storage"
runroot = "$ZENDO_CONTAINERS_DIR/run"
EOT
}

# Docker where its daemon answers (images build and compose runs there as users run it), else podman.
docker_usable() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

# Installs podman and its helpers (as root, from Debian) and points podman at the project's settings; nothing to do
# where Docker runs.
containers_ensure() {
  if [[ -z "${ZENDO_CONTAINER_ENGINE:-}" ]]; then
    if docker_usable; then ZENDO_CONTAINER_ENGINE=docker; else ZENDO_CONTAINER_ENGINE=podman; fi
  fi
  [[ "$ZENDO_CONTAINER_ENGINE" == docker ]] && return 0
  require_packages "${ZENDO_CONTAINER_PACKAGES[@]}"
  containers_env
}

# Prints why podman cannot run containers here (nothing when it can): the one line a skipped test shows.
containers_unusable_reason() {
  local package missing=()
  for package in "${ZENDO_CONTAINER_PACKAGES[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  if ((${#missing[@]})) && ! { is_root && command -v apt-get >/dev/null; }; then
    echo "podman cannot run here: missing packages ${missing[*]} and not root to install them"
    return 0
  fi
  local out
  if ! out=$( (ZENDO_CONTAINER_ENGINE=podman containers_ensure && podman info --format '{{.Host.OCIRuntime.Name}}') 2>&1 ); then
    echo "podman cannot run here: $(echo "$out" | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^\[zendo\] //' | grep -v '^\s*$' | tail -n1)"
  fi
}

image_exists() { "$ZENDO_CONTAINER_ENGINE" image inspect "$1" >/dev/null 2>&1; }

# The host's Debian mirror (the first URI of its apt sources naming a bookworm suite, deb822 or one-line format).
debian_mirror() {
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
    /^URIs:/ { uri = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") { print uri; exit } }')
  [[ -n "$mirror" ]] || mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '$1 == "deb" && $0 ~ / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }')
  echo "${mirror:-http://deb.debian.org/debian}"
}

# The apt settings builds mount read-only under /etc/apt: the host's Debian sources only (third-party sources need
# keys the image lacks) and its apt.conf.d in one file (a snapshot mirror, a proxy); packages may add files beside it.
build_apt_dir() {
  local dir=$ZENDO_CONTAINERS_DIR/apt
  mkdir -p "$dir/sources.list.d"
  : >"$dir/sources.list"
  cat /etc/apt/apt.conf.d/* >"$dir/host.conf" 2>/dev/null || true
  rm -f "$dir/sources.list.d/"*
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] && grep -q 'debian' "$file" && grep -q 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' "$file" \
      && cp "$file" "$dir/sources.list.d/"
  done
  [[ -f /etc/apt/sources.list ]] && grep -E '^deb .*debian' /etc/apt/sources.list >"$dir/sources.list" || true
  if [[ -z "$(ls "$dir/sources.list.d")" && ! -s "$dir/sources.list" ]]; then
    echo "deb $(debian_mirror) $ZENDO_DEBIAN_SUITE main" >"$dir/sources.list"
  fi
  echo "$dir"
}

# Debian minbase from the host's mirror, imported as debian:bookworm; skipped when the tag exists, and with Docker,
# which pulls the official image.
base_image_ensure() {
  [[ "$ZENDO_CONTAINER_ENGINE" == docker ]] && return 0
  image_exists "$ZENDO_BASE_IMAGE" && return 0
  local root=$ZENDO_CONTAINERS_DIR/debootstrap mirror
  mirror=$(debian_mirror)
  log "making the $ZENDO_BASE_IMAGE base image with debootstrap from $mirror"
  rm -rf "$root"
  debootstrap --variant=minbase "$ZENDO_DEBIAN_SUITE" "$root" "$mirror" >"$ZENDO_CONTAINERS_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$ZENDO_CONTAINERS_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $ZENDO_CONTAINERS_DIR/debootstrap.log)"; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | podman import -q --change 'CMD ["bash"]' - "$ZENDO_BASE_IMAGE" >/dev/null \
    || die "podman import of the base image failed"
  rm -rf "$root"
}

# Builds an image from the repository root; podman mounts the host's apt settings (apt in a build reaches the same
# mirror as the host); docker format, since OCI images carry no HEALTHCHECK. Extra arguments go to the build command.
image_build() {
  local tag=$1 dockerfile=$2; shift 2
  local build=(docker build -q)
  if [[ "$ZENDO_CONTAINER_ENGINE" == podman ]]; then
    local apt_dir
    apt_dir=$(build_apt_dir)
    build=(podman build -q --format docker --network host -v "$apt_dir/sources.list:/etc/apt/sources.list:ro"
      -v "$apt_dir/sources.list.d:/etc/apt/sources.list.d:ro" -v "$apt_dir/host.conf:/etc/apt/apt.conf.d/99zendo-host.conf:ro")
  fi
  mkdir -p "$ZENDO_CONTAINERS_DIR"
  log "building $tag"
  "${build[@]}" -f "$ZENDO_ROOT/$dockerfile" -t "$tag" "$@" "$ZENDO_ROOT" >"$ZENDO_CONTAINERS_DIR/build.log" 2>&1 \
    || { tail -n 30 "$ZENDO_CONTAINERS_DIR/build.log" >&2; die "building $tag failed (log: $ZENDO_CONTAINERS_DIR/build.log)"; }
}

# The JRE layer every service image starts from (service.Dockerfile's jre stage, which the service builds then find
# in the build cache), tagged for the air-gap Kafka and mail images; built once.
jre_image_ensure() {
  base_image_ensure
  image_exists "$ZENDO_JRE_IMAGE" || image_build "$ZENDO_JRE_IMAGE" infra/docker/service.Dockerfile --target jre
}

# The tag of one of the project's images (docker-compose.yml names the same).
zendo_image() { echo "${ZENDO_IMAGE_PREFIX:-zendo}/$1:${ZENDO_TAG:-dev}"; }
# The HTTP port each service listens on in its container, as docker-compose.yml sets it.
declare -A ZENDO_CONTAINER_PORTS=([identity]=8081 [websites]=8082 [conversations]=8083 [realtime-edge]=8084 [notifications]=8085)

# The five service images and the gateway's (the jars and the front ends must be built).
app_images_build() {
  jre_image_ensure
  local svc
  for svc in "${ZENDO_SERVICES[@]}"; do
    [[ -f "$ZENDO_ROOT/services/$svc/target/$svc-0.1.0-SNAPSHOT.jar" ]] || die "no jar for $svc: build it first (make build)"
    image_build "$(zendo_image "$svc")" infra/docker/service.Dockerfile \
      --build-arg SERVICE="$svc" --build-arg PORT="${ZENDO_CONTAINER_PORTS[$svc]}"
  done
  # The gateway starts from the Dockerfile's official nginx image, or, without a registry (podman here,
  # ZENDO_COMPOSE_AIRGAP=1), from the Debian base with Debian's nginx; ZENDO_NGINX_IMAGE names another.
  local nginx=${ZENDO_NGINX_IMAGE:-}
  [[ -z $nginx && ( "$ZENDO_CONTAINER_ENGINE" == podman || "${ZENDO_COMPOSE_AIRGAP:-0}" == 1 ) ]] && nginx=$ZENDO_BASE_IMAGE
  image_build "$(zendo_image gateway)" infra/docker/gateway.Dockerfile ${nginx:+--build-arg "NGINX_IMAGE=$nginx"}
}

# The infrastructure images of docker-compose.airgap.yml, on the same Debian base: PostgreSQL and Redis from Debian's
# packages, Kafka from the broker jars make up runs, GreenMail from its standalone jar.
airgap_images_build() {
  source "$ZENDO_ROOT/scripts/lib/kafka.sh"
  source "$ZENDO_ROOT/scripts/lib/mail.sh"
  jre_image_ensure
  kafka_jars
  mail_jar
  image_build "$(zendo_image postgres)" infra/docker/postgres.Dockerfile
  image_build "$(zendo_image redis)" infra/docker/redis.Dockerfile
  image_build "$(zendo_image kafka)" infra/docker/kafka.Dockerfile --build-arg KAFKA_VERSION="$ZENDO_KAFKA_VERSION"
  image_build "$(zendo_image mail)" infra/docker/mail.Dockerfile --build-arg GREENMAIL_VERSION="$ZENDO_GREENMAIL_VERSION"
}
