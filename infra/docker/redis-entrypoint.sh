#!/bin/sh
# As the official redis image: redis-server without a config file listens on every address with protected mode off.
set -e
if [ "${1:-}" = redis-server ]; then
  shift
  case "${1:-}" in
    *.conf) exec redis-server "$@" ;;
  esac
  exec redis-server --protected-mode no "$@"
fi
exec "$@"
