//! Plain OAuth 2.0 providers (oauth2 crate): the person is named by the provider's userinfo
//! endpoint, as some government SSO services do it.

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse as _, TokenUrl,
};
use openidconnect::reqwest;
use serde::Deserialize;

use super::providers::ProviderConfig;
use super::{AuthorizationStart, VerifiedIdentity};
use crate::model::{LoginFailure, normalise_email};

/// The largest userinfo document read.
const MAX_USERINFO_BYTES: usize = 64 * 1024;

fn misconfigured(error: impl std::fmt::Display) -> LoginFailure {
    tracing::error!(%error, "login provider endpoint is not a URL");
    LoginFailure::ProviderUnavailable
}

/// The authorization URL with state and the S256 PKCE challenge.
pub(super) fn authorize_url(
    config: &ProviderConfig,
    (authorize, token): (&str, &str),
    redirect_uri: &str,
    pkce_challenge: PkceCodeChallenge,
) -> Result<AuthorizationStart, LoginFailure> {
    let client = BasicClient::new(ClientId::new(config.client_id.clone()))
        .set_auth_uri(AuthUrl::new(authorize.to_owned()).map_err(misconfigured)?)
        .set_token_uri(TokenUrl::new(token.to_owned()).map_err(misconfigured)?)
        .set_redirect_uri(RedirectUrl::new(redirect_uri.to_owned()).map_err(misconfigured)?);
    let mut request = client.authorize_url(CsrfToken::new_random);
    for scope in &config.scopes {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, state) = request.set_pkce_challenge(pkce_challenge).url();
    Ok(AuthorizationStart { url: url.to_string(), state: state.secret().clone(), nonce: None })
}

/// What redeeming an authorization code needs.
pub(super) struct Exchange {
    pub code: String,
    pub verifier: PkceCodeVerifier,
    pub redirect_uri: String,
}

/// The fields of a userinfo answer Sinergi reads (OpenID Connect's standard claim names).
#[derive(Deserialize)]
struct UserInfo {
    sub: serde_json::Value,
    email: Option<String>,
    #[serde(default)]
    email_verified: serde_json::Value,
    name: Option<String>,
}

/// Redeems the code, then asks the userinfo endpoint who the token belongs to.
pub(super) async fn identify(
    config: &ProviderConfig,
    (authorize, token, userinfo): (&str, &str, &str),
    http: &reqwest::Client,
    exchange: Exchange,
) -> Result<VerifiedIdentity, LoginFailure> {
    let mut client = BasicClient::new(ClientId::new(config.client_id.clone()))
        .set_auth_uri(AuthUrl::new(authorize.to_owned()).map_err(misconfigured)?)
        .set_token_uri(TokenUrl::new(token.to_owned()).map_err(misconfigured)?)
        .set_redirect_uri(RedirectUrl::new(exchange.redirect_uri).map_err(misconfigured)?);
    if let Some(secret) = &config.client_secret {
        client = client.set_client_secret(ClientSecret::new(secret.clone()));
    }
    let response = client
        .exchange_code(AuthorizationCode::new(exchange.code))
        .set_pkce_verifier(exchange.verifier)
        .request_async(http)
        .await
        .map_err(|error| {
            use oauth2::RequestTokenError as E;
            tracing::warn!(%error, provider = %config.name, "code exchange failed");
            match error {
                E::Request(_) => LoginFailure::ProviderUnavailable,
                _ => LoginFailure::TokenRejected,
            }
        })?;
    let answer = http
        .get(userinfo)
        .bearer_auth(response.access_token().secret())
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|error| {
            tracing::warn!(%error, provider = %config.name, "userinfo unreachable");
            LoginFailure::ProviderUnavailable
        })?;
    if !answer.status().is_success() {
        tracing::warn!(status = %answer.status(), provider = %config.name, "userinfo refused");
        return Err(LoginFailure::IdentityInvalid);
    }
    let body = answer.bytes().await.map_err(|_| LoginFailure::ProviderUnavailable)?;
    if body.len() > MAX_USERINFO_BYTES {
        return Err(LoginFailure::IdentityInvalid);
    }
    let info: UserInfo =
        serde_json::from_slice(&body).map_err(|_| LoginFailure::IdentityInvalid)?;
    let subject = match info.sub {
        serde_json::Value::String(s) if !s.is_empty() => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(LoginFailure::IdentityInvalid),
    };
    // Some services send "true" as a string.
    let email_verified = matches!(&info.email_verified, serde_json::Value::Bool(true))
        || matches!(&info.email_verified, serde_json::Value::String(s) if s == "true");
    Ok(VerifiedIdentity {
        provider: config.name.clone(),
        subject,
        // An address that is not one (or too long to store) counts as none.
        email: info.email.and_then(|e| normalise_email(&e).ok()),
        email_verified,
        full_name: info.name,
    })
}
