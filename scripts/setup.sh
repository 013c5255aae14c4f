#!/usr/bin/env bash
# Installs what building and testing Marginalia needs, from package registries only
# (crates.io, npm, Debian apt). Idempotent: each tool already present at the right version is
# skipped, so a second run takes a few seconds. One line per tool: "ok" or "installing".
#
#   scripts/setup.sh               everything (what scripts/test.sh needs)
#   scripts/setup.sh --no-browser  skip Chromium + chromedriver (what scripts/serve.sh needs)
#
# Overrides: CHROMIUM_PATH and CHROMEDRIVER (both existing files => no apt install),
# CARGO_HOME, TRUNK_VERSION (default 0.21.14).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MARGINALIA_ROOT"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

TRUNK_VERSION="${TRUNK_VERSION:-0.21.14}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf 'setup: %-24s %s\n' "$1" "$2"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not on PATH" >&2; exit 1; }; }
need rustup
need cargo
need npm

# --- Rust: wasm target and components ---------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "wasm32 target" ok
else
  say "wasm32 target" installing
  rustup target add wasm32-unknown-unknown
fi

installed_components="$(rustup component list --installed)"
missing=()
for c in clippy rustfmt; do
  grep -q "^$c" <<<"$installed_components" || missing+=("$c")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "clippy, rustfmt" ok
else
  say "${missing[*]}" installing
  rustup component add "${missing[@]}"
fi

# --- trunk -------------------------------------------------------------------------------------
trunk_ok() { command -v trunk >/dev/null 2>&1 && trunk --version 2>/dev/null | grep -qw "$TRUNK_VERSION"; }
if ! trunk_ok; then
  # Another `cargo install trunk` (e.g. a setup in another terminal) may be running: wait for it
  # rather than building trunk twice at the same time.
  if pgrep -f 'cargo install trunk' >/dev/null 2>&1; then
    say trunk "waiting for the running 'cargo install trunk'"
    while pgrep -f 'cargo install trunk' >/dev/null 2>&1; do sleep 5; done
  fi
fi
if trunk_ok; then
  say "trunk $TRUNK_VERSION" ok
else
  say "trunk $TRUNK_VERSION" "installing (cargo install, ~7 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli: exactly the wasm-bindgen version in Cargo.lock --------------------------
WBG_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
' Cargo.lock)"
if [ -z "$WBG_VERSION" ]; then
  echo "setup: could not find the wasm-bindgen version in Cargo.lock" >&2
  exit 1
fi
if command -v wasm-bindgen >/dev/null 2>&1 \
  && command -v wasm-bindgen-test-runner >/dev/null 2>&1 \
  && [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WBG_VERSION" ]; then
  say "wasm-bindgen-cli $WBG_VERSION" ok
else
  say "wasm-bindgen-cli $WBG_VERSION" "installing (cargo install, ~3 min)"
  # No --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- npm packages (Playwright, ajv, binaryen's wasm-opt) ---------------------------------------
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
  && [ ! package.json -nt node_modules/.package-lock.json ]; then
  say "node_modules" ok
else
  say "node_modules" "installing (npm ci)"
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
  touch node_modules/.package-lock.json
fi
if wasm_opt_version="$(wasm-opt --version 2>/dev/null)" && [[ "$wasm_opt_version" == *"version 132"* ]]; then
  say "wasm-opt (npm binaryen)" ok
else
  echo "setup: expected node_modules/.bin/wasm-opt version 132, got: ${wasm_opt_version:-none}" >&2
  exit 1
fi

# --- Chromium + chromedriver (Debian) ----------------------------------------------------------
if [ "$want_browser" = 1 ]; then
  if [ -x "$CHROMIUM_PATH" ] && [ -x "$CHROMEDRIVER" ]; then
    say "chromium, chromedriver" ok
  else
    say "chromium, chromedriver" "installing (apt-get)"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
    if [ ! -x "$CHROMIUM_PATH" ] || [ ! -x "$CHROMEDRIVER" ]; then
      echo "setup: after apt-get, $CHROMIUM_PATH or $CHROMEDRIVER is still missing" \
        "(set CHROMIUM_PATH / CHROMEDRIVER to your browser and driver)" >&2
      exit 1
    fi
  fi
fi
