#!/usr/bin/env bash
# The agency and province dashboards at the province's full size: a fresh SQLite file (or
# SINERGI_BENCH_POSTGRES) with the demo data, O generated offers, A civil servants in forty
# generated agencies and E enrollments (`server seed --scale O --asn A --enrollments E`), then
# `server bench-dashboards` R times on that database: S page loads of each dashboard through the
# router (p50/p95/p99, SQL statements per page). Needs the release build
# (`cargo build --release -p server`).
#
#   scripts/bench-dashboards.sh [asn=100000] [enrollments=1000000] [samples=20] [runs=3] [offers=50000]
#
# With SINERGI_BENCH_POSTGRES=postgres://… the runs use that database instead (its `public`
# schema is emptied first: point it at a scratch database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/bench-db.sh
asn=${1:-100000}; enrollments=${2:-1000000}; samples=${3:-20}; runs=${4:-3}; offers=${5:-50000}
export SINERGI_LOG=warn RUST_LOG=warn
data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
trap 'rm -rf "$data_dir"' EXIT
fresh_database "$data_dir"
began=$(date +%s)
"$CARGO_TARGET_DIR/release/server" seed --scale "$offers" --asn "$asn" --enrollments "$enrollments"
echo "seed: offers=$offers asn=$asn enrollments=$enrollments in $(( $(date +%s) - began ))s"
for run in $(seq "$runs"); do
  echo "run $run:"
  "$CARGO_TARGET_DIR/release/server" bench-dashboards --samples "$samples"
done
