# Shared by every script: where things are, which ports a profile uses, and small helpers.
# Profiles: ZENDO_ENV=dev (make up), test (make test), or any name with ZENDO_PORT_BASE set.
set -euo pipefail

ZENDO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ZENDO_ENV=${ZENDO_ENV:-dev}
ZENDO_RUN_DIR=${ZENDO_RUN_DIR:-$ZENDO_ROOT/.run/$ZENDO_ENV}
ZENDO_CACHE_DIR=${ZENDO_CACHE_DIR:-$ZENDO_ROOT/.run/cache}

if [[ -n "${ZENDO_PORT_BASE:-}" ]]; then
  _base=$ZENDO_PORT_BASE
  _pg=$((_base + 32)); _redis=$((_base + 79)); _kafka=$((_base + 92)); _gw=$((_base + 80)); _svc=$((_base + 81))
  _smtp=$((_base + 25)); _imap=$((_base + 43)); _mailapi=$((_base + 44))
else
  case "$ZENDO_ENV" in
    dev)  _pg=15432; _redis=16379; _kafka=19092; _gw=8080;  _svc=8081;  _smtp=10025; _imap=10143; _mailapi=10080 ;;
    test) _pg=25432; _redis=26379; _kafka=29092; _gw=28080; _svc=28081; _smtp=20025; _imap=20143; _mailapi=20080 ;;
    *) echo "ZENDO_ENV=$ZENDO_ENV needs ZENDO_PORT_BASE" >&2; exit 2 ;;
  esac
fi
ZENDO_PG_PORT=${ZENDO_PG_PORT:-$_pg}
ZENDO_REDIS_PORT=${ZENDO_REDIS_PORT:-$_redis}
ZENDO_KAFKA_PORT=${ZENDO_KAFKA_PORT:-$_kafka}
ZENDO_KAFKA_CONTROLLER_PORT=${ZENDO_KAFKA_CONTROLLER_PORT:-$((ZENDO_KAFKA_PORT + 1))}
# The local mail catcher (GreenMail): SMTP in, IMAP and an HTTP API out.
ZENDO_SMTP_PORT=${ZENDO_SMTP_PORT:-$_smtp}
ZENDO_IMAP_PORT=${ZENDO_IMAP_PORT:-$_imap}
ZENDO_MAIL_API_PORT=${ZENDO_MAIL_API_PORT:-$_mailapi}
ZENDO_GATEWAY_PORT=${ZENDO_GATEWAY_PORT:-$_gw}
ZENDO_IDENTITY_PORT=${ZENDO_IDENTITY_PORT:-$_svc}
ZENDO_WEBSITES_PORT=${ZENDO_WEBSITES_PORT:-$((_svc + 1))}
ZENDO_CONVERSATIONS_PORT=${ZENDO_CONVERSATIONS_PORT:-$((_svc + 2))}
ZENDO_REALTIME_EDGE_PORT=${ZENDO_REALTIME_EDGE_PORT:-$((_svc + 3))}
ZENDO_NOTIFICATIONS_PORT=${ZENDO_NOTIFICATIONS_PORT:-$((_svc + 4))}
ZENDO_REALTIME_EDGE_WS_PORT=${ZENDO_REALTIME_EDGE_WS_PORT:-$((_svc + 5))}
# The second instances of a multi-node stack (ZENDO_EDGE_NODES=2, ZENDO_CONVERSATIONS_NODES=2).
ZENDO_REALTIME_EDGE_2_PORT=${ZENDO_REALTIME_EDGE_2_PORT:-$((_svc + 6))}
ZENDO_REALTIME_EDGE_2_WS_PORT=${ZENDO_REALTIME_EDGE_2_WS_PORT:-$((_svc + 7))}
ZENDO_CONVERSATIONS_2_PORT=${ZENDO_CONVERSATIONS_2_PORT:-$((_svc + 8))}
unset _base _pg _redis _kafka _gw _svc _smtp _imap _mailapi

ZENDO_HOST=127.0.0.1
ZENDO_PG_DATABASE=zendo
ZENDO_KAFKA_VERSION=4.3.1
ZENDO_GREENMAIL_VERSION=2.1.8

# The Java services, in start order, and whether each owns a database schema.
ZENDO_SERVICES=(identity websites conversations realtime-edge notifications)
service_has_database() { [[ "$1" != realtime-edge ]]; }
# Services that sign tokens with a key set of their own (identity: access tokens; websites: realtime tickets;
# conversations: visitor session tokens).
service_signs_tokens() { [[ "$1" == identity || "$1" == websites || "$1" == conversations ]]; }

# How many instances of the services that scale out run: 1 (the default) or 2.
ZENDO_EDGE_NODES=${ZENDO_EDGE_NODES:-1}
ZENDO_CONVERSATIONS_NODES=${ZENDO_CONVERSATIONS_NODES:-1}
[[ "$ZENDO_EDGE_NODES" =~ ^[12]$ ]] || { echo "ZENDO_EDGE_NODES must be 1 or 2, not '$ZENDO_EDGE_NODES'" >&2; exit 2; }
[[ "$ZENDO_CONVERSATIONS_NODES" =~ ^[12]$ ]] || { echo "ZENDO_CONVERSATIONS_NODES must be 1 or 2, not '$ZENDO_CONVERSATIONS_NODES'" >&2; exit 2; }

# The processes of the services: one instance each, named after it, and a second one, named <service>-2, of the
# services with two nodes. Every instance that may exist is in ZENDO_ALL_INSTANCES, so stopping finds a second
# node even when the variables that started it are no longer set.
ZENDO_ALL_INSTANCES=(identity websites conversations conversations-2 realtime-edge realtime-edge-2 notifications)
ZENDO_INSTANCES=()
for _instance in "${ZENDO_ALL_INSTANCES[@]}"; do
  case "$_instance" in
    conversations-2) ((ZENDO_CONVERSATIONS_NODES == 2)) || continue ;;
    realtime-edge-2) ((ZENDO_EDGE_NODES == 2)) || continue ;;
  esac
  ZENDO_INSTANCES+=("$_instance")
done
unset _instance
instance_service() { echo "${1%-2}"; }
instance_number() { if [[ "$1" == *-2 ]]; then echo 2; else echo 1; fi; }
# The instances of one service, in start order.
service_instances() {
  local instance
  for instance in "${ZENDO_INSTANCES[@]}"; do
    if [[ "$(instance_service "$instance")" == "$1" ]]; then echo "$instance"; fi
  done
}

# The HTTP port of a service's instance (identity, conversations-2, ...), and the WebSocket port of an edge node.
service_port() {
  local var="ZENDO_$(echo "$1" | tr 'a-z-' 'A-Z_')_PORT"
  echo "${!var}"
}
edge_ws_port() {
  local var="ZENDO_$(echo "$1" | tr 'a-z-' 'A-Z_')_WS_PORT"
  echo "${!var}"
}
service_schema() { echo "${1//-/_}"; }
service_role() { echo "zendo_$(service_schema "$1")"; }

log() { printf '\033[1m[zendo]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[zendo] %s\033[0m\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# Installs Debian packages when we are root, else names exactly what is missing.
require_packages() {
  local missing=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if is_root && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${missing[*]}"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; then
      apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "could not install: ${missing[*]}"
    fi
  else
    die "missing packages: ${missing[*]} (install them with: sudo apt-get install -y ${missing[*]})"
  fi
}

# Tools the scripts call that a Debian package brings (the JDK and Node.js are left to the user), and
# how to name the others.
declare -A ZENDO_TOOL_PACKAGES=([curl]=curl [ps]=procps [jq]=jq [psql]=postgresql-client)
declare -A ZENDO_TOOL_HINTS=(
  [java]="a JDK 17+ (java)" [javac]="a JDK 17+ (javac)" [npm]="Node.js 20 with npm"
)

# Checks for the tools a script calls before it starts anything: as root, installs the missing ones that
# Debian packages bring, then dies with one line naming whatever is still missing.
require_tools() {
  local tool missing=() packages=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null && continue
    if [[ -n "${ZENDO_TOOL_PACKAGES[$tool]:-}" ]] && is_root && command -v apt-get >/dev/null; then
      packages+=("${ZENDO_TOOL_PACKAGES[$tool]}")
    else
      missing+=("$tool")
    fi
  done
  ((${#packages[@]} == 0)) || require_packages "${packages[@]}"
  ((${#missing[@]} == 0)) && return 0
  local names=() hint
  for tool in "${missing[@]}"; do
    hint=${ZENDO_TOOL_HINTS[$tool]:-$tool}
    [[ -n "${ZENDO_TOOL_PACKAGES[$tool]:-}" ]] && hint+=" (apt-get install ${ZENDO_TOOL_PACKAGES[$tool]})"
    names+=("$hint")
  done
  die "missing tools: $(printf '%s, ' "${names[@]}" | sed 's/, $//')"
}

# Installs a folder's npm packages (npm ci) when they are missing or older than its lock file; $2 names it in the log.
npm_ensure() {
  local dir=$ZENDO_ROOT/$1
  [[ -d "$dir/node_modules" && ! "$dir/package-lock.json" -nt "$dir/node_modules" ]] && return 0
  log "installing the $2's npm packages"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $1/"
  touch "$dir/node_modules"
}

# A pid file's process, if it is still alive and still ours: its command line names the marker (our run
# dir by default), or it runs in the marker folder (daemons whose command line names only their port),
# so a recycled pid is never taken for ours, whatever ports the profile uses now.
pid_alive() {
  local file=$1 marker=${2:-$ZENDO_RUN_DIR} pid
  [[ -f "$file" ]] || return 1
  pid=$(head -n1 "$file" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(ps -o stat= -p "$pid" 2>/dev/null)" != Z* ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" && return 0
  [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$marker" ]]
}

# Stops the process in a pid file: TERM, then KILL after a grace period.
stop_pid() {
  local file=$1 name=$2 marker=${3:-$ZENDO_RUN_DIR} grace=${4:-20} pid i
  pid_alive "$file" "$marker" || { rm -f "$file"; return 0; }
  pid=$(head -n1 "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    pid_alive "$file" "$marker" || { rm -f "$file"; log "stopped $name"; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$file"
  log "killed $name (did not stop within ${grace}s)"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Dies with one line when something else already listens on a port a server of this profile needs,
# rather than letting the server fail to bind or, worse, carrying on with the other process.
require_free_port() {
  local what=$1 port=$2 holder=""
  port_open "$ZENDO_HOST" "$port" || return 0
  if command -v ss >/dev/null; then
    holder=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -n1 \
      | sed -E 's/users:\(\("([^"]*)",pid=([0-9]*)/ by \1 (pid \2)/')
  fi
  die "$what cannot start: port $port on $ZENDO_HOST is already taken${holder} (stop it, or move this profile's ports with ZENDO_PORT_BASE)"
}

# Waits until a command succeeds, or dies naming what did not come up and where its log is.
wait_until() {
  local what=$1 timeout=$2 logfile=$3; shift 3
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      [[ -f "$logfile" ]] && tail -n 20 "$logfile" >&2
      die "$what did not become ready within ${timeout}s (log: $logfile)"
    fi
    sleep 0.2
  done
}

now_ms() { date +%s%3N; }
