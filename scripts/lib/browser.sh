# The browser tests' tools: Debian's Chromium and e2e/'s npm packages (playwright-core, which never downloads a browser).
ZENDO_CHROMIUM=${ZENDO_CHROMIUM:-/usr/bin/chromium}

browser_ensure() {
  [[ -x "$ZENDO_CHROMIUM" ]] || require_packages chromium
  [[ -x "$ZENDO_CHROMIUM" ]] || die "no Chromium at $ZENDO_CHROMIUM (apt-get install chromium, or set ZENDO_CHROMIUM)"
  local dir=$ZENDO_ROOT/e2e
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    log "installing the browser tests' npm packages"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in e2e/"
    touch "$dir/node_modules"
  fi
}
