# Sourced by the other scripts: the repo root and a PATH on which the project's tools are found.
# (Not executable on its own.)
#   - npm's binaryen (node_modules/.bin/wasm-opt, v132) comes FIRST, so trunk never picks an older
#     wasm-opt (Debian's binaryen is too old for today's rustc output);
#   - cargo's bin folder, where trunk and wasm-bindgen-cli are installed.
MARGINALIA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MARGINALIA_ROOT
export PATH="$MARGINALIA_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK="${TRUNK_SKIP_VERSION_CHECK:-true}"  # its crates.io API call is not reachable here
