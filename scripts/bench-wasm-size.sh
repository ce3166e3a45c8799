#!/usr/bin/env bash
# Prints the size of the release WASM and JS (raw, gzip -9, brotli -q 11), per file and in total.
# Run after `cargo leptos build --release` (scripts/run.sh or scripts/test.sh do it).
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=target/site/pkg
shopt -s nullglob
files=("$pkg"/*.wasm "$pkg"/*.js)
[ ${#files[@]} -gt 0 ] || { echo "no WASM/JS in $pkg: build with cargo leptos build --release" >&2; exit 1; }
printf '%-45s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
for f in "${files[@]}"; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-45s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
done
printf '%-45s %10d %10d %10d\n' TOTAL "${total[@]}"
