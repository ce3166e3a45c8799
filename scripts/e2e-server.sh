#!/usr/bin/env bash
# Starts the release server on a fresh SQLite file for the end-to-end tests (Playwright's
# webServer runs it and waits for /readyz). Build first: cargo leptos build --release.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
data_dir="$(mktemp -d -t sinergi-e2e-XXXXXX)"
trap 'rm -rf "$data_dir"' EXIT
export LEPTOS_OUTPUT_NAME=sinergi LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true LEPTOS_ENV=PROD
# Explicit values, so that a developer's .env cannot point the tests elsewhere.
export DATABASE_URL="sqlite://$data_dir/e2e.db?mode=rwc" SINERGI_DEMO_DATA=true
export SINERGI_LISTEN="127.0.0.1:${SINERGI_E2E_PORT:-3100}" SINERGI_SECURE_COOKIES=false
"$CARGO_TARGET_DIR/release/server" serve
