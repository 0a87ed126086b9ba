#!/usr/bin/env bash
# make test: fresh test servers (own ports and state under .run/test), every suite, then stops what it started.
export ZENDO_ENV=test
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ZENDO_ROOT/scripts/lib/frontends.sh"
source "$ZENDO_ROOT/scripts/lib/browser.sh"

require_tools ps curl java javac npm

# Prints each failed feature with the start of its reason, last, where a CI log tail shows it.
failed_tests_summary() {
  local report
  log "failed features:"
  while IFS= read -r report; do
    grep -q -E '<<< (FAILURE|ERROR)!' "$report" || continue
    echo "== ${report#"$ZENDO_ROOT"/}" >&2
    grep -A 12 -E '<<< (FAILURE|ERROR)!' "$report" | cut -c1-300 | head -60 >&2
  done < <(find "$ZENDO_ROOT" -path '*/target/*-reports/*.txt' -newermt "@$((started / 1000))" 2>/dev/null)
}

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
npm_ensure helm/validate "chart validator"
log "running the Java suites (./mvnw verify; system-tests runs the browser tests under e2e/)"
if ! (cd "$ZENDO_ROOT" && ./mvnw -B -ntp verify); then
  failed_tests_summary
  die "the Java suites failed (summary above; whole reports under */target/surefire-reports)"
fi
finished=$(now_ms)
log "make test passed in $(( (finished - started) / 1000 ))s"
