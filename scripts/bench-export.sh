#!/usr/bin/env bash
# The agency exports at size: a fresh SQLite file (or SINERGI_BENCH_POSTGRES) with the demo
# data, then `server bench-export`: N civil servants with a credited JP line each, exported as
# CSV and XLSX (training history and staff summary; seconds, peak memory), repeated R times on
# fresh databases. Needs the release build (`cargo build --release -p server`).
#
#   scripts/bench-export.sh [rows=100000] [runs=3]
#
# With SINERGI_BENCH_POSTGRES=postgres://… the runs use that database instead (its `public`
# schema is emptied first: point it at a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/bench-db.sh
rows=${1:-100000}; runs=${2:-3}
export SINERGI_LOG=warn RUST_LOG=warn
for run in $(seq "$runs"); do
  data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
  fresh_database "$data_dir"
  "$CARGO_TARGET_DIR/release/server" seed
  echo "run $run:"
  "$CARGO_TARGET_DIR/release/server" bench-export --rows "$rows"
  rm -rf "$data_dir"
done
