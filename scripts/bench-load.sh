#!/usr/bin/env bash
# Bounded load test on loopback: the home page (SSR with live counts from SQLite) next to a static
# file of similar size served by the same server, in one run. Prints req/s, p50 and p99 of each
# round and the medians. Needs the release build and wrk (scripts/setup.sh --test).
#
#   scripts/bench-load.sh [connections=64] [seconds=10] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
connections=${1:-64}; seconds=${2:-10}; rounds=${3:-3}
port=${SINERGI_BENCH_PORT:-3200}
data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
export LEPTOS_OUTPUT_NAME=sinergi LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true LEPTOS_ENV=PROD
DATABASE_URL="sqlite://$data_dir/bench.db?mode=rwc" SINERGI_DEMO_DATA=true \
SINERGI_LISTEN=127.0.0.1:$port SINERGI_LOG=warn RUST_LOG=warn \
  "$CARGO_TARGET_DIR/release/server" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data_dir"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done

base="http://127.0.0.1:$port"
static_path=$(cd target/site && ls pkg/sinergi.*.css | grep -v -E '\.(br|gz)$' | head -1)
page_bytes=$(curl -fs "$base/" | wc -c)
static_bytes=$(curl -fs "$base/$static_path" | wc -c)
echo "home page: $page_bytes bytes; static file /$static_path: $static_bytes bytes (uncompressed)"
echo "wrk -t2 -c$connections -d${seconds}s, $rounds rounds, $(nproc) cores shared by wrk and server"

run() { # url -> "req/s p50_ms p99_ms"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -a page_rps page_p50 page_p99 static_rps static_p50 static_p99
for round in $(seq 1 "$rounds"); do
  read -r r p50 p99 < <(run "$base/"); page_rps+=("$r"); page_p50+=("$p50"); page_p99+=("$p99")
  echo "round $round  home   $r req/s  p50 $p50 ms  p99 $p99 ms"
  read -r r p50 p99 < <(run "$base/$static_path"); static_rps+=("$r"); static_p50+=("$p50"); static_p99+=("$p99")
  echo "round $round  static $r req/s  p50 $p50 ms  p99 $p99 ms"
done
printf '\nmedian  home    %s req/s  p50 %s ms  p99 %s ms\n' \
  "$(printf '%s\n' "${page_rps[@]}" | median)" "$(printf '%s\n' "${page_p50[@]}" | median)" "$(printf '%s\n' "${page_p99[@]}" | median)"
printf 'median  static  %s req/s  p50 %s ms  p99 %s ms\n' \
  "$(printf '%s\n' "${static_rps[@]}" | median)" "$(printf '%s\n' "${static_p50[@]}" | median)" "$(printf '%s\n' "${static_p99[@]}" | median)"
