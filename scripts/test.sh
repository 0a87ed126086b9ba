#!/usr/bin/env bash
# make test: fresh test servers (own ports and state under .run/test), every suite, then stops what it started.
export ZENDO_ENV=test
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/frontends.sh"
source "$ZENDO_ROOT/scripts/lib/browser.sh"

require_tools ps curl java javac npm

cleanup() { bash "$ZENDO_ROOT/scripts/infra.sh" stop || true; }
trap cleanup EXIT

started=$(now_ms)
bash "$ZENDO_ROOT/scripts/infra.sh" fresh >/dev/null

for app in "${ZENDO_FRONTENDS[@]}"; do
  [[ -f "$ZENDO_ROOT/$app/package.json" ]] || continue
  frontend_build "$app"
  log "testing the $app"
  (cd "$ZENDO_ROOT/$app" && npm test --silent) || die "the $app tests failed"
  if grep -q '"size"' "$ZENDO_ROOT/$app/package.json"; then
    (cd "$ZENDO_ROOT/$app" && npm run --silent size) || die "the $app is over its size budget"
  fi
done

browser_ensure
log "running the Java suites (./mvnw verify; system-tests runs the browser tests under e2e/)"
(cd "$ZENDO_ROOT" && ./mvnw -B -ntp verify)
finished=$(now_ms)
log "make test passed in $(( (finished - started) / 1000 ))s"
