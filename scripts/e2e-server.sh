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
port="${SINERGI_E2E_PORT:-3100}" oidc="http://127.0.0.1:${SINERGI_OIDC_PORT:-3200}"
export SINERGI_LISTEN="127.0.0.1:$port" SINERGI_BASE_URL="http://127.0.0.1:$port"
export SINERGI_SECURE_COOKIES=false
# The test provider (end2end/oidc/provider.mjs) as OpenID Connect, as plain OAuth 2.0 with its
# userinfo endpoint, and a provider whose discovery names another issuer.
export SINERGI_LOGIN_PROVIDERS=oidc-uji,oauth-uji,penerbit-salah
export SINERGI_LOGIN_OIDC_UJI_KIND=oidc SINERGI_LOGIN_OIDC_UJI_ISSUER="$oidc"
export SINERGI_LOGIN_OIDC_UJI_LABEL="SSO Uji (OIDC)"
export SINERGI_LOGIN_OAUTH_UJI_KIND=oauth2 SINERGI_LOGIN_OAUTH_UJI_LABEL="SSO Uji (OAuth 2.0)"
export SINERGI_LOGIN_OAUTH_UJI_AUTHORIZE_URL="$oidc/auth" SINERGI_LOGIN_OAUTH_UJI_TOKEN_URL="$oidc/token"
export SINERGI_LOGIN_OAUTH_UJI_USERINFO_URL="$oidc/me" SINERGI_LOGIN_OAUTH_UJI_SCOPES="openid email profile"
export SINERGI_LOGIN_PENERBIT_SALAH_KIND=oidc SINERGI_LOGIN_PENERBIT_SALAH_LABEL="Penerbit Salah"
export SINERGI_LOGIN_PENERBIT_SALAH_ISSUER="http://127.0.0.1:$(( ${SINERGI_OIDC_PORT:-3200} + 2 ))"
for name in OIDC_UJI OAUTH_UJI PENERBIT_SALAH; do
  export "SINERGI_LOGIN_${name}_CLIENT_ID=sinergi" "SINERGI_LOGIN_${name}_CLIENT_SECRET=rahasia-uji-saja"
done
"$CARGO_TARGET_DIR/release/server" serve
