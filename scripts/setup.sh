#!/usr/bin/env bash
# Installs what building, running and testing Sinergi needs, skipping what is already there.
# Idempotent: a second run on the same machine takes seconds.
#
#   scripts/setup.sh          # build tools (wasm32 target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   # plus test tools (cargo-audit, Chromium, Playwright, wrk, aiosmtpd)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Versions are pinned: each one builds with the toolchain in rust-toolchain.toml (see BUILD-NOTES).
CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
CARGO_AUDIT_VERSION=0.22.2

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! (command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $WASM_BINDGEN_VERSION"); then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 6 minutes)"
  # Without --locked: its lock file names a crate version the index lacks (BUILD-NOTES).
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$SINERGI_TOOLS"
fi

if ! (command -v cargo-leptos >/dev/null && cargo-leptos --version | grep -q " $CARGO_LEPTOS_VERSION"); then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --root "$SINERGI_TOOLS"
fi

# wasm-opt from binaryen >= 116 via npm; Debian's binaryen 108 breaks hydration (BUILD-NOTES).
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing npm packages from end2end/package-lock.json"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

if [ "$want_test" = 1 ]; then
  if ! (command -v cargo-audit >/dev/null && cargo-audit --version | grep -q " $CARGO_AUDIT_VERSION"); then
    log "installing cargo-audit $CARGO_AUDIT_VERSION (about 6 minutes)"
    cargo install cargo-audit --version "$CARGO_AUDIT_VERSION" --locked --root "$SINERGI_TOOLS"
  fi
  # The mail tests' SMTP server (app/tests/support/smtp_sink.py), from PyPI.
  if ! python3 -c "import aiosmtpd" 2>/dev/null; then
    log "installing aiosmtpd (Python, for the mail tests)"
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore aiosmtpd==1.4.6
  fi
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v brotli >/dev/null || missing+=(brotli)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
log "tools ready"
