#!/usr/bin/env bash
# Enrollment under load: a fresh SQLite file (or SINERGI_BENCH_POSTGRES) with the demo data, then
# `server bench-enrollment`: N new civil servants enroll in one course through C concurrent tasks
# (enrollments per second, p50/p95/p99), repeated R times on fresh databases. Needs the release
# build (`cargo build --release -p server`).
#
#   scripts/bench-enrollment.sh [people=5000] [concurrency=50] [runs=3]
#
# With SINERGI_BENCH_POSTGRES=postgres://… the runs use that database instead (its `public`
# schema is emptied first: point it at a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/bench-db.sh
people=${1:-5000}; concurrency=${2:-50}; runs=${3:-3}
export SINERGI_LOG=warn RUST_LOG=warn
for run in $(seq "$runs"); do
  data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
  fresh_database "$data_dir"
  "$CARGO_TARGET_DIR/release/server" seed
  echo "run $run:"
  "$CARGO_TARGET_DIR/release/server" bench-enrollment --people "$people" --concurrency "$concurrency"
  rm -rf "$data_dir"
done
