#!/usr/bin/env bash
# Webhook deliveries per second that one notifications instance sustains on this machine, end to end (events produced
# to a website's topic, consumed, queued, signed and POSTed) and from a backlog (the dispatcher alone), to a receiver on
# loopback answering 204. Runs WebhookThroughputBench (test sources of services/notifications; not a spec, so never
# part of make test) on the specs' local PostgreSQL and Kafka (scripts/infra.sh, profile bench-webhooks unless
# ZENDO_ENV is set), prints the figures (end to end last) and writes bench/reports/webhooks.md.
#   bench/webhooks/run.sh [events]     (default 5000; BENCH_WEBHOOK_CONVERSATIONS, default 200)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
events=${1:-5000}
conversations=${BENCH_WEBHOOK_CONVERSATIONS:-200}
[[ "$events" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [events]" >&2; exit 2; }
export ZENDO_ENV=${ZENDO_ENV:-bench-webhooks} ZENDO_PORT_BASE=${ZENDO_PORT_BASE:-31900}

cd "$root"
rm -f services/notifications/target/webhook-bench.txt
./mvnw -B -q -o -pl services/notifications -am verify -Dtest=WebhookThroughputBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.webhooks.events="$events" -Dbench.webhooks.conversations="$conversations" -DtrimStackTrace=true >&2
cat services/notifications/target/webhook-bench.txt
