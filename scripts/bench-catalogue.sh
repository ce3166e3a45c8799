#!/usr/bin/env bash
# The catalogue under load on loopback: `seed --scale N` generated offers (default 50,000) in a
# fresh SQLite file, then wrk on a catalogue search and, in the same run, on a static file of the
# same size served by the same server. Prints req/s, p50 and p99 per round and the medians.
# Needs the release build and wrk.
#
#   scripts/bench-catalogue.sh [offers=50000] [connections=64] [seconds=10] [rounds=3] [path]
#
# With SINERGI_BENCH_UNCACHED=1 every request (page and file alike) carries a URL of its own
# (scripts/bench-unique.lua), so the page is rendered each time instead of replayed from the
# public page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
offers=${1:-50000}; connections=${2:-64}; seconds=${3:-10}; rounds=${4:-3}
path=${5:-/katalog?q=pelayanan+publik}
port=${SINERGI_BENCH_PORT:-3201}
data_dir=$(mktemp -d -t sinergi-bench-XXXXXX)
static_name="bench-same-size-$$.html"
export LEPTOS_OUTPUT_NAME=sinergi LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true LEPTOS_ENV=PROD
export DATABASE_URL="sqlite://$data_dir/bench.db?mode=rwc" SINERGI_LOG=warn RUST_LOG=warn
started=$(date +%s)
"$CARGO_TARGET_DIR/release/server" seed --scale "$offers"
echo "seeded the demo data and $offers generated offers in $(( $(date +%s) - started )) s"
SINERGI_LISTEN=127.0.0.1:$port "$CARGO_TARGET_DIR/release/server" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data_dir" "target/site/$static_name"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done

base="http://127.0.0.1:$port"
page_bytes=$(curl -fs "$base$path" | wc -c)
head -c "$page_bytes" /dev/urandom | base64 -w 100 | head -c "$page_bytes" > "target/site/$static_name"
echo "page $path: $page_bytes bytes; static /$static_name: $(wc -c < "target/site/$static_name") bytes"
echo "wrk -t2 -c$connections -d${seconds}s, $rounds rounds, $(nproc) cores shared by wrk and server"

script=()
if [ "${SINERGI_BENCH_UNCACHED:-0}" = 1 ]; then script=(-s scripts/bench-unique.lua); echo "uncached: a URL of its own per request"; fi
run() { # url -> "req/s p50_ms p99_ms"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${script[@]}" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -a page_rps page_p50 page_p99 static_rps static_p50 static_p99
for round in $(seq 1 "$rounds"); do
  read -r r p50 p99 < <(run "$base$path"); page_rps+=("$r"); page_p50+=("$p50"); page_p99+=("$p99")
  echo "round $round  page   $r req/s  p50 $p50 ms  p99 $p99 ms"
  read -r r p50 p99 < <(run "$base/$static_name"); static_rps+=("$r"); static_p50+=("$p50"); static_p99+=("$p99")
  echo "round $round  static $r req/s  p50 $p50 ms  p99 $p99 ms"
done
printf '\nmedian  page    %s req/s  p50 %s ms  p99 %s ms\n' \
  "$(printf '%s\n' "${page_rps[@]}" | median)" "$(printf '%s\n' "${page_p50[@]}" | median)" "$(printf '%s\n' "${page_p99[@]}" | median)"
printf 'median  static  %s req/s  p50 %s ms  p99 %s ms\n' \
  "$(printf '%s\n' "${static_rps[@]}" | median)" "$(printf '%s\n' "${static_p50[@]}" | median)" "$(printf '%s\n' "${static_p99[@]}" | median)"
