# The widget and dashboard builds the gateway serves (npm; the scripts check for it before they start).
ZENDO_FRONTENDS=(widget dashboard)

# Installs and builds one front end when its dist/ is missing or older than its sources.
frontend_build() {
  local app=$1 dir=$ZENDO_ROOT/$1
  [[ -f "$dir/package.json" ]] || return 0
  npm_ensure "$app" "$app"
  if [[ ! -d "$dir/dist" || -n $(find "$dir" -path "$dir/node_modules" -prune -o -path "$dir/dist" -prune \
      -o -type f -newer "$dir/dist" -print -quit) ]]; then
    log "building the $app"
    (cd "$dir" && npm run --silent build >&2) || die "the $app build failed"
    touch "$dir/dist"
  fi
}
