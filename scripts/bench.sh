#!/usr/bin/env bash
# Benchmarks (docs/performance.md): one command each, all on the same generated corpus
# (bench/corpus.mjs → target/bench-corpus/, deterministic, regenerated every run).
#
#   scripts/bench.sh native   engine per layer + analyze + markup + export, natively (median of N)
#   scripts/bench.sh wasm     the engine compiled to wasm (release profile + wasm-opt -Oz, as the
#                             app ships), in Node with compromise side by side, and in headless
#                             Chromium
#   scripts/bench.sh page     the release build in headless Chromium: paste → painted highlights
#                             (1k/10k/100k words), longest task, label toggle, first paint, TTI
#   scripts/bench.sh size     wasm/JS/CSS of dist/, raw and gzipped, against bench/budget.json
#   scripts/bench.sh all      all of the above
#
# Results are printed and written as JSON to target/bench-results/. `page` and `size` use dist/
# as it is; BENCH_BUILD=1 (or a missing dist/) rebuilds it with trunk first.
# Environment: CARGO_TARGET_DIR, CHROMIUM_PATH, BENCH_RUNS (see each script),
#   BENCH_WASM_O3=1 also builds and times a speed-optimised wasm (opt-level 3, wasm-opt -O3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MARGINALIA_ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$MARGINALIA_ROOT/target}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

[ $# -gt 0 ] || { sed -n '2,19p' "$0"; exit 2; }
STEPS=("$@")
[ "${STEPS[*]}" = all ] && STEPS=(native wasm page size)

echo "== machine: $(nproc) cores; load: $(uptime | sed 's/.*load average: //'); $(date -u +%FT%TZ)"
node bench/corpus.mjs target/bench-corpus

# wasm_build OUT_DIR [opt-level wasm-opt-level]: the bench crate for wasm32, bindings for Node
# and for the web, optimised with npm's wasm-opt as trunk does for the app.
wasm_build() {
  local out="$1" opt="${2:-}" wopt="${3:-z}" tdir="$TARGET_DIR"
  if [ -n "$opt" ]; then
    tdir="$TARGET_DIR/bench-o$opt"
    CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" CARGO_TARGET_DIR="$tdir" \
      cargo build -p marginalia-bench-wasm --release --target wasm32-unknown-unknown
  else
    cargo build -p marginalia-bench-wasm --release --target wasm32-unknown-unknown
  fi
  local wasm="$tdir/wasm32-unknown-unknown/release/marginalia_bench_wasm.wasm" t
  for t in nodejs web; do
    local dir="$out/$([ $t = nodejs ] && echo node || echo web)"
    rm -rf "$dir"
    wasm-bindgen --target "$t" --out-dir "$dir" "$wasm"
    wasm-opt "-O$wopt" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$dir/marginalia_bench_wasm_bg.wasm" "$dir/marginalia_bench_wasm_bg.wasm"
  done
  echo "wasm: $(wc -c <"$out/web/marginalia_bench_wasm_bg.wasm") bytes ($out)"
}

ensure_dist() {
  if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f dist/index.html ]; then
    trunk build --release --public-url /marginalia/
  fi
}

for step in "${STEPS[@]}"; do
  echo
  echo "==== bench: $step ===="
  case "$step" in
    native)
      cargo bench -p marginalia-core --profile native --bench engine
      ;;
    wasm)
      wasm_build target/bench-wasm
      # compromise on the 10 MB file takes minutes and GBs: BENCH_COMPROMISE_10MB=1 to include it.
      BENCH_COMPROMISE_10MB="${BENCH_COMPROMISE_10MB:-0}" node bench/wasm-node.mjs target/bench-wasm/node
      node bench/wasm-browser.mjs target/bench-wasm/web
      if [ "${BENCH_WASM_O3:-0}" = 1 ]; then
        wasm_build target/bench-wasm-o3 3 3
        BENCH_COMPROMISE_10MB=0 node bench/wasm-node.mjs target/bench-wasm-o3/node | grep -v compromise
        node bench/wasm-browser.mjs target/bench-wasm-o3/web
      fi
      ;;
    page)
      ensure_dist
      rm -rf target/bench-dist && cp -r dist target/bench-dist
      node scripts/check-size.mjs target/bench-dist | tail -2
      BENCH_DIST=target/bench-dist node bench/page.mjs
      ;;
    size)
      ensure_dist
      node scripts/check-size.mjs dist --json target/bench-results/size.json
      ;;
    *) echo "bench.sh: unknown step '$step' (native, wasm, page, size, all)" >&2; exit 2 ;;
  esac
done
