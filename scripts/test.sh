#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit, database (SQLite + PostgreSQL), HTTP and
# end-to-end tests, and the dependency audit. Installs what it needs first.
#
# PostgreSQL: set SINERGI_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run
# the database tests on it too; SINERGI_REQUIRE_POSTGRES=1 makes its absence a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --test

log=$(mktemp -t sinergi-test-XXXXXX.log)
trap 'rm -f "$log"' EXIT
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
start=$SECONDS

step "formatting"
cargo fmt --all --check

step "clippy, per package and feature (warnings denied)"
cargo clippy -p migrations --all-targets -- -D warnings
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "unit, database and HTTP tests"
if [ -z "${SINERGI_TEST_POSTGRES_URL:-}" ]; then
  printf '\n\033[1;33m!!! SINERGI_TEST_POSTGRES_URL is not set: database tests run on SQLite ONLY. !!!\033[0m\n\n'
fi
# One invocation: with the features unified once, the dependencies are built once, not twice.
cargo test -p migrations -p server -p app --features app/ssr 2>&1 | tee -a "$log"

step "dependency audit (offline advisory snapshot)"
advisory_db="${SINERGI_ADVISORY_DB:-../shared/advisory-db}"
[ -d "$advisory_db" ] || { echo "No RustSec advisory database at $advisory_db: set SINERGI_ADVISORY_DB to a checkout of it." >&2; exit 1; }
# The one ignored advisory (.cargo/audit.toml) concerns RSA private keys; Sinergi must hold none.
if grep -rnE 'RsaPrivateKey|PrivateSigningKey|EncodingKey|rsa::' --include='*.rs' app server frontend migrations; then
  echo "RSA private-key code found: the RUSTSEC-2023-0071 exception in .cargo/audit.toml no longer holds." >&2
  exit 1
fi
cargo audit --no-fetch --db "$advisory_db"

step "release build"
cargo leptos build --release --precompress

step "end-to-end tests (Chromium: hydrated and without JavaScript)"
(cd end2end && npx playwright test) 2>&1 | tee -a "$log"

rust_passed=$(awk '/^test result:/ { n += $4 } END { print n + 0 }' "$log")
browser_passed=$(awk '/^ +[0-9]+ passed/ { n = $1 } END { print n + 0 }' "$log")
step "all checks passed in $((SECONDS - start)) s: $rust_passed Rust tests, $browser_passed browser tests"
echo "tests: $((rust_passed + browser_passed)) passed, 0 failed"
