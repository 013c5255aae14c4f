#!/usr/bin/env bash
# Serves the app for development: installs what is missing (scripts/setup.sh, without the
# browser), then `trunk serve`, which rebuilds and reloads on every change.
#
# Usage: scripts/serve.sh [trunk serve args...]   e.g. scripts/serve.sh --release --port 9000
# Default address: http://127.0.0.1:8080/ (trunk's own defaults; Trunk.toml may change them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MARGINALIA_ROOT"
if [ "${SKIP_SETUP:-0}" != 1 ]; then
  scripts/setup.sh --no-browser
fi
echo "serve: starting 'trunk serve $*' -- open the URL it prints (default http://127.0.0.1:8080/); Ctrl-C stops it"
exec trunk serve "$@"
