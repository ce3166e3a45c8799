#!/usr/bin/env bash
# The participant sheet of a course with many learners: a fresh SQLite file (or
# SINERGI_BENCH_POSTGRES) with the demo data, then `server bench-participants`: a course of
# L learners, S page loads through the router (p50/p95/p99, SQL statements per page), then the
# course closed (time, statements). Repeated R times on fresh databases. Needs the release build
# (`cargo build --release -p server`).
#
#   scripts/bench-participants.sh [learners=10000] [samples=200] [runs=3]
#
# With SINERGI_BENCH_POSTGRES=postgres://… the runs use that database instead (its `public`
# schema is emptied first: point it at a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/bench-db.sh
learners=${1:-10000}; samples=${2:-200}; runs=${3:-3}
export SINERGI_LOG=warn RUST_LOG=warn
for run in $(seq "$runs"); do
  data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
  fresh_database "$data_dir"
  "$CARGO_TARGET_DIR/release/server" seed
  echo "run $run:"
  "$CARGO_TARGET_DIR/release/server" bench-participants --learners "$learners" --samples "$samples"
  rm -rf "$data_dir"
done
