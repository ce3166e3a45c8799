#!/usr/bin/env bash
# Builds and runs the portal on its embedded default: an SQLite file in ./data, demo data loaded
# into it on first start. Installs the build tools first if they are missing.
#
#   scripts/run.sh                 # http://127.0.0.1:3000
#   SINERGI_LISTEN=0.0.0.0:8080 scripts/run.sh
#   DATABASE_URL=postgres://user@host/db scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
cargo leptos build --release --precompress
# The values cargo-leptos baked in at build time, made explicit for the running binary.
export LEPTOS_OUTPUT_NAME=sinergi LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true LEPTOS_ENV=PROD
# The embedded default comes with demo data (loaded only into an empty database).
export SINERGI_DEMO_DATA="${SINERGI_DEMO_DATA:-true}"
exec "$CARGO_TARGET_DIR/release/server" "${@:-serve}"
