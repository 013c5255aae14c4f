#!/usr/bin/env bash
# The one test command: installs what is missing (scripts/setup.sh), then runs every check in
# order, stopping at the first failure:
#
#   fmt          cargo fmt --all -- --check
#   clippy       cargo clippy --workspace --all-targets -- -D warnings
#   clippy-wasm  cargo clippy -p marginalia-core --target wasm32-unknown-unknown -- -D warnings
#   test         cargo test --workspace                     (native: engine + CLI)
#   wasm-test    cargo test -p marginalia-web --target wasm32-unknown-unknown
#                (in headless Chromium through chromedriver; runner set in .cargo/config.toml)
#   build        trunk build --release --public-url /marginalia/   (once, into dist/)
#   size         node scripts/check-size.mjs  (wasm + JS + CSS of dist/, raw and gzipped; fails over
#                the gzipped budget in bench/budget.json)
#   offline      node scripts/single-file.mjs  (dist/marginalia.html: the app in one file, for
#                use from disk with no server and no network)
#   e2e          npx playwright test                        (tests/e2e/*.spec.ts against dist/)
#
# Usage: scripts/test.sh [STEP...]   (no STEP = all of them, in the order above)
# On success the last line is "N passed, 0 failed" (N = tests run by cargo, wasm and Playwright).
#
# Environment overrides:
#   CHROMIUM_PATH   browser for Playwright and the wasm tests   (default /usr/bin/chromium)
#   CHROMEDRIVER    driver for the wasm tests                   (default /usr/bin/chromedriver)
#   MARGINALIA_BIN  CLI binary for the e2e tests                (default: built here, debug)
#   PUBLIC_URL      trunk's --public-url                        (default /marginalia/)
#   SKIP_SETUP=1    do not run scripts/setup.sh
#   CARGO_TARGET_DIR as usual (one target dir is shared by all steps)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MARGINALIA_ROOT"

ALL_STEPS=(fmt clippy clippy-wasm test wasm-test build size offline e2e)
if [ $# -gt 0 ]; then
  for s in "$@"; do
    [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
  done
  STEPS=("$@")
else
  STEPS=("${ALL_STEPS[@]}")
fi

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
PUBLIC_URL="${PUBLIC_URL:-/marginalia/}"
TARGET_DIR="${CARGO_TARGET_DIR:-$MARGINALIA_ROOT/target}"
LOG_DIR="$TARGET_DIR/test-logs"
mkdir -p "$LOG_DIR"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

T0=$(date +%s)
TIMES=()
TOTAL_PASSED=0

timing_table() {
  echo
  echo "==== timings ===="
  local t
  for t in "${TIMES[@]}"; do echo "  $t"; done
  echo "  total: $(( $(date +%s) - T0 ))s"
}

# run_step NAME COMMAND... : header, command (output shown and logged), timing; stops on failure.
run_step() {
  local name="$1"; shift
  local log="$LOG_DIR/$name.log" start rc
  echo
  echo "================================================================================"
  echo "==> [$name] $*"
  echo "================================================================================"
  start=$(date +%s)
  set +e
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  TIMES+=("$(printf '%-12s %5ss  %s' "$name" "$(( $(date +%s) - start ))" "$([ "$rc" = 0 ] && echo ok || echo "FAILED (exit $rc)")")")
  if [ "$rc" != 0 ]; then
    timing_table
    echo
    echo "FAILED at step [$name]: $* (exit $rc; log: $log)"
    exit "$rc"
  fi
}

# Sums "test result: ok. N passed" (cargo, wasm-bindgen-test-runner) in a step's log.
count_cargo() {
  sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/$1.log" \
    | awk '/^test result: / { for (i = 1; i < NF; i++) if ($(i+1) ~ /^passed/) n += $i } END { print n + 0 }'
}
# "  N passed (12.3s)" from Playwright's list reporter.
count_playwright() {
  sed 's/\x1b\[[0-9;]*m//g' "$LOG_DIR/$1.log" \
    | awk '/^ *[0-9]+ passed/ { n += $1 } END { print n + 0 }'
}

want() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then
  echo "==> [setup] scripts/setup.sh"
  start=$(date +%s)
  if want wasm-test || want e2e; then scripts/setup.sh; else scripts/setup.sh --no-browser; fi
  TIMES+=("$(printf '%-12s %5ss  ok' setup "$(( $(date +%s) - start ))")")
fi

if want fmt; then
  run_step fmt cargo fmt --all -- --check
fi
if want clippy; then
  run_step clippy cargo clippy --workspace --all-targets -- -D warnings
fi
if want clippy-wasm; then
  run_step clippy-wasm cargo clippy -p marginalia-core --target wasm32-unknown-unknown -- -D warnings
fi
if want test; then
  run_step test cargo test --workspace
  TOTAL_PASSED=$(( TOTAL_PASSED + $(count_cargo test) ))
fi
if want wasm-test; then
  # Capabilities for the wasm-bindgen-test-runner's browser session (it adds headless and
  # no-sandbox itself; the binary is chosen here so that CHROMIUM_PATH is honoured).
  cat >"$TARGET_DIR/webdriver.json" <<JSON
{ "goog:chromeOptions": { "binary": "$CHROMIUM_PATH",
  "args": ["disable-gpu", "disable-background-networking", "disable-component-update",
           "disable-sync", "no-first-run"] } }
JSON
  export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$TARGET_DIR/webdriver.json"
  run_step wasm-test cargo test -p marginalia-web --target wasm32-unknown-unknown
  TOTAL_PASSED=$(( TOTAL_PASSED + $(count_cargo wasm-test) ))
fi
if want build; then
  run_step build trunk build --release --public-url "$PUBLIC_URL"
  if [ -d dist ]; then
    echo "dist/: $(du -sh dist | cut -f1) total; wasm (inlined, gzip+base64): $(find dist -name 'marginalia-wasm.js' -printf '%f %s bytes\n' | tr '\n' ' ')"
  fi
fi
if want size; then
  run_step size node scripts/check-size.mjs dist
fi
if want offline; then
  run_step offline node scripts/single-file.mjs dist
fi
if want e2e; then
  if [ -z "${MARGINALIA_BIN:-}" ]; then
    # Same targets and features as `cargo test --workspace` (dev-dependency features included),
    # so this reuses the test step's build instead of recompiling (`-p marginalia-cli` would
    # resolve features differently and rebuild serde & co.).
    run_step cli-build cargo build --workspace --bins --tests
    export MARGINALIA_BIN="$TARGET_DIR/debug/marginalia"
  fi
  if [ ! -f dist/index.html ]; then
    echo "FAILED: dist/index.html is missing: run the build step first (scripts/test.sh build e2e)"
    exit 1
  fi
  run_step e2e npx --no-install playwright test
  TOTAL_PASSED=$(( TOTAL_PASSED + $(count_playwright e2e) ))
fi

timing_table
echo
echo "All steps passed: ${STEPS[*]}"
echo "$TOTAL_PASSED passed, 0 failed"
