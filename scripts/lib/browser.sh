# The browser tests' tools: Debian's Chromium and e2e/'s npm packages (playwright-core, which never downloads a browser).
ZENDO_CHROMIUM=${ZENDO_CHROMIUM:-/usr/bin/chromium}

browser_ensure() {
  [[ -x "$ZENDO_CHROMIUM" ]] || require_packages chromium
  [[ -x "$ZENDO_CHROMIUM" ]] || die "no Chromium at $ZENDO_CHROMIUM (apt-get install chromium, or set ZENDO_CHROMIUM)"
  npm_ensure e2e "browser tests"
}
