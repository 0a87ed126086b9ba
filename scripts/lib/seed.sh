# Demo data for make up, through the gateway's public API: a demo agent and a website it owns.
# Idempotent: an existing agent logs in, an existing demo website is reused.
ZENDO_DEMO_EMAIL=${ZENDO_DEMO_EMAIL:-demo@example.com}
ZENDO_DEMO_PASSWORD=${ZENDO_DEMO_PASSWORD:-zendo-demo-password}
ZENDO_DEMO_WEBSITE="Demo website"

api() {
  local method=$1 path=$2 token=${3:-} body=${4:-}
  local args=(-fsS -X "$method" -H 'Content-Type: application/json' "http://127.0.0.1:$ZENDO_GATEWAY_PORT$path")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-d "$body")
  curl "${args[@]}"
}

# Prints the demo website's public key once the agent and the website exist, and writes it where the demo page
# (/demo, widget/demo/index.html) reads it: the gateway's static folder, as /demo/key.js.
seed_demo() {
  command -v jq >/dev/null || require_packages jq
  local credentials token website
  credentials=$(jq -nc --arg email "$ZENDO_DEMO_EMAIL" --arg password "$ZENDO_DEMO_PASSWORD" '{email: $email, password: $password}')
  if ! token=$(api POST /v1/auth/login "" "$credentials" 2>/dev/null | jq -er .access_token); then
    token=$(api POST /v1/auth/signup "" "$(jq -c '. + {name: "Demo Agent"}' <<<"$credentials")" | jq -er .access_token) \
      || die "could not sign up the demo agent"
  fi
  website=$(api GET /v1/websites "$token" | jq -c --arg name "$ZENDO_DEMO_WEBSITE" '[.[] | select(.name == $name)][0] // empty') \
    || die "could not list the demo agent's websites"
  if [[ -z "$website" ]]; then
    website=$(api POST /v1/websites "$token" "$(jq -nc --arg name "$ZENDO_DEMO_WEBSITE" --arg origin "http://localhost:$ZENDO_GATEWAY_PORT" \
      '{name: $name, domains: ["localhost"], allowed_origins: [$origin]}')") || die "could not create the demo website"
  fi
  local key; key=$(jq -r .public_key <<<"$website")
  printf 'window.ZENDO_DEMO_KEY = "%s";\n' "$key" >"$GATEWAY_DIR/static/demo-key.js"
  echo "$key"
}
