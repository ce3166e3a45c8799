# Sourced by the benchmark scripts: `fresh_database DIR` points DATABASE_URL at an empty database
# for one run — a new SQLite file in DIR, or, with SINERGI_BENCH_POSTGRES=postgres://…, that
# database with its `public` schema emptied (point it at a scratch database).
fresh_database() {
  if [ -n "${SINERGI_BENCH_POSTGRES:-}" ]; then
    export DATABASE_URL="$SINERGI_BENCH_POSTGRES"
    psql -q "$DATABASE_URL" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
  else
    export DATABASE_URL="sqlite://$1/bench.db?mode=rwc"
  fi
}
