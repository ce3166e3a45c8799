# Shared environment for the scripts (sourced, not run).
# Build output and installed tools live outside the clone, so that a fresh clone on the same machine
# (CI) reuses them instead of rebuilding from nothing.
export SINERGI_CACHE="${SINERGI_CACHE:-$HOME/.cache/sinergi}"
export SINERGI_TOOLS="${SINERGI_TOOLS:-$SINERGI_CACHE/tools}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$SINERGI_CACHE/target}"
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SINERGI_TOOLS/bin:$_root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset _root
