//! Sign-in through external providers: authorization code flow with PKCE (S256), `state` and
//! `nonce` kept in a server-side pre-login session, an exact redirect URI per provider, and an
//! HTTP client that never follows redirects. Tokens stay on the server: the browser only ever
//! holds the session cookie.
//!
//! [`LoginProviders::begin`] starts a login and returns the provider's authorization URL;
//! [`LoginProviders::complete`] checks the provider's answer and returns who signed in;
//! [`linking`] turns that identity into a person (or an access request).

pub mod linking;
mod oauth;
mod oidc;
pub mod providers;

use chrono::{DateTime, Duration, Utc};
use openidconnect::reqwest;
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};

use super::sessions::{self, SessionPolicy, SessionToken};
use crate::error::AppError;
use crate::model::{LoginFailure, LoginProviderView, is_local_return_path};
use providers::{ProviderConfig, ProviderKind};

/// How long a started login may take at the provider before its answer is refused.
pub const LOGIN_WINDOW: Duration = Duration::minutes(15);

/// How long someone with a provider identity but no account may take to request access.
pub const ACCESS_REQUEST_WINDOW: Duration = Duration::hours(1);

/// A login refused (shown to the person) or a fault on our side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalLoginError {
    Refused(LoginFailure),
    App(AppError),
}

impl From<AppError> for ExternalLoginError {
    fn from(error: AppError) -> Self {
        Self::App(error)
    }
}

impl From<LoginFailure> for ExternalLoginError {
    fn from(failure: LoginFailure) -> Self {
        Self::Refused(failure)
    }
}

impl From<sea_orm::DbErr> for ExternalLoginError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::App(error.into())
    }
}

/// Who signed in, after every check of the provider's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedIdentity {
    pub provider: String,
    /// The provider's stable identifier of the person.
    pub subject: String,
    /// Lower-case.
    pub email: Option<String>,
    /// Whether the provider vouches that the person controls `email`.
    pub email_verified: bool,
    pub full_name: Option<String>,
}

/// A login in progress, kept in the pre-login session (never in the browser).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PendingLogin {
    provider: String,
    state: String,
    /// OpenID Connect only.
    nonce: Option<String>,
    pkce_verifier: String,
    return_to: String,
    started_at: DateTime<Utc>,
}

/// What a pre-login session carries (`sessions.data`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PreLoginData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    login: Option<PendingLogin>,
    /// An identity with no account, on its way to request access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<VerifiedIdentity>,
}

impl PreLoginData {
    /// The data of a session waiting to request access.
    pub fn for_identity(identity: VerifiedIdentity) -> Self {
        Self { login: None, identity: Some(identity) }
    }

    /// Reads a session's data; anything unreadable counts as empty.
    pub fn parse(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn to_json(&self) -> Result<String, AppError> {
        serde_json::to_string(self).map_err(AppError::internal)
    }
}

/// The query of the provider's redirect back to `/auth/{name}/callback`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    /// Set when the person cancelled or the provider refused.
    pub error: Option<String>,
    /// The issuer, when the provider says it (RFC 9207): checked against the configured one.
    pub iss: Option<String>,
}

/// The configured providers and the HTTP client that talks to them.
pub struct LoginProviders {
    providers: Vec<Provider>,
    http: reqwest::Client,
    base_url: String,
}

struct Provider {
    config: ProviderConfig,
    /// OpenID Connect providers: their discovered metadata and keys.
    discovery: oidc::Discovery,
}

impl LoginProviders {
    /// Providers reached from a portal served at `base_url` (redirect URIs are built from it).
    pub fn new(configs: Vec<ProviderConfig>, base_url: &str) -> Result<Self, AppError> {
        let http = reqwest::Client::builder()
            // A redirect at the token or userinfo endpoint could leak codes and tokens (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(5))
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(AppError::internal)?;
        let providers = configs
            .into_iter()
            .map(|config| Provider { config, discovery: oidc::Discovery::default() })
            .collect();
        Ok(Self { providers, http, base_url: base_url.trim_end_matches('/').to_owned() })
    }

    /// No external login configured.
    pub fn none() -> Self {
        Self { providers: Vec::new(), http: reqwest::Client::new(), base_url: String::new() }
    }

    /// Discovers every OpenID Connect provider now (at start-up), so that the sign-in page's
    /// content policy already names their authorization endpoints; failures are logged and
    /// retried at the first login.
    pub async fn discover_all(&self, now: DateTime<Utc>) {
        for provider in &self.providers {
            if let ProviderKind::OpenIdConnect { issuer } = &provider.config.kind
                && provider.discovery.metadata(issuer, &self.http, now).await.is_err()
            {
                tracing::warn!(provider = %provider.config.name, "discovery at start-up failed");
            }
        }
    }

    /// The buttons of the sign-in page.
    pub fn views(&self) -> Vec<LoginProviderView> {
        self.providers
            .iter()
            .map(|p| LoginProviderView {
                name: p.config.name.clone(),
                label: p.config.label.clone(),
            })
            .collect()
    }

    /// The origins the sign-in form may lead to (CSP `form-action` applies to the redirect
    /// after the start form too): each provider's issuer or authorization endpoint.
    pub fn form_action_origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = self
            .providers
            .iter()
            .filter_map(|p| match &p.config.kind {
                ProviderKind::OpenIdConnect { issuer } => origin_of(issuer),
                ProviderKind::OAuth2 { authorize_url, .. } => origin_of(authorize_url),
            })
            .collect();
        origins.extend(self.providers.iter().filter_map(|p| p.discovery.authorization_origin()));
        origins.sort();
        origins.dedup();
        origins
    }

    fn find(&self, name: &str) -> Result<&Provider, LoginFailure> {
        self.providers.iter().find(|p| p.config.name == name).ok_or(LoginFailure::UnknownProvider)
    }

    /// The exact redirect URI registered at the provider: one path per provider, so that an
    /// answer cannot be replayed to another provider's flow (mix-up defence).
    pub fn redirect_uri(&self, name: &str) -> String {
        format!("{}/auth/{name}/callback", self.base_url)
    }

    /// Starts a login with provider `name`: records state, nonce and PKCE verifier in a new
    /// pre-login session, and returns its token and the URL to send the browser to.
    pub async fn begin<C: ConnectionTrait>(
        &self,
        conn: &C,
        name: &str,
        return_to: &str,
        now: DateTime<Utc>,
    ) -> Result<(SessionToken, String), ExternalLoginError> {
        let provider = self.find(name)?;
        if !is_local_return_path(return_to) {
            return Err(LoginFailure::UnsafeReturn.into());
        }
        let redirect_uri = self.redirect_uri(name);
        let (pkce_challenge, pkce_verifier) = openidconnect::PkceCodeChallenge::new_random_sha256();
        let start = match &provider.config.kind {
            ProviderKind::OpenIdConnect { issuer } => {
                let metadata = provider.discovery.metadata(issuer, &self.http, now).await?;
                oidc::authorize_url(&provider.config, metadata, &redirect_uri, pkce_challenge)?
            }
            ProviderKind::OAuth2 { authorize_url, token_url, .. } => oauth::authorize_url(
                &provider.config,
                (authorize_url, token_url),
                &redirect_uri,
                pkce_challenge,
            )?,
        };
        let data = PreLoginData {
            login: Some(PendingLogin {
                provider: name.to_owned(),
                state: start.state,
                nonce: start.nonce,
                pkce_verifier: pkce_verifier.secret().clone(),
                return_to: return_to.to_owned(),
                started_at: now,
            }),
            identity: None,
        };
        let token = sessions::start_pre_login(conn, data.to_json()?, now, LOGIN_WINDOW).await?;
        Ok((token, start.url))
    }

    /// Checks the provider's answer on `/auth/{name}/callback` against the login this browser
    /// started (whose pre-login session is used up either way), redeems the code with the PKCE
    /// verifier, and returns the verified identity and the page to return to.
    pub async fn complete<C: ConnectionTrait>(
        &self,
        conn: &C,
        name: &str,
        token: Option<&SessionToken>,
        params: &CallbackParams,
        now: DateTime<Utc>,
    ) -> Result<(VerifiedIdentity, String), ExternalLoginError> {
        let provider = self.find(name)?;
        let Some(token) = token else { return Err(LoginFailure::NoLoginInProgress.into()) };
        let data = sessions::take_pre_login(conn, token, now, SessionPolicy::default()).await?;
        let Some(pending) = data.map(|d| PreLoginData::parse(&d)).and_then(|d| d.login) else {
            return Err(LoginFailure::NoLoginInProgress.into());
        };
        if now - pending.started_at > LOGIN_WINDOW {
            return Err(LoginFailure::NoLoginInProgress.into());
        }
        if pending.provider != name {
            return Err(LoginFailure::ProviderMismatch.into());
        }
        let state_matches = params
            .state
            .as_deref()
            .is_some_and(|state| constant_time_eq(state.as_bytes(), pending.state.as_bytes()));
        if !state_matches {
            return Err(LoginFailure::StateMismatch.into());
        }
        if params.error.is_some() {
            return Err(LoginFailure::Cancelled.into());
        }
        let code = params.code.clone().ok_or(LoginFailure::TokenRejected)?;
        let redirect_uri = self.redirect_uri(name);
        let verifier = openidconnect::PkceCodeVerifier::new(pending.pkce_verifier);
        let identity = match &provider.config.kind {
            ProviderKind::OpenIdConnect { issuer } => {
                if params.iss.as_deref().is_some_and(|iss| iss.trim_end_matches('/') != issuer) {
                    return Err(LoginFailure::ProviderMismatch.into());
                }
                let metadata = provider.discovery.metadata(issuer, &self.http, now).await?;
                let nonce = pending.nonce.ok_or(LoginFailure::IdentityInvalid)?;
                let exchange = oidc::Exchange { code, verifier, nonce, redirect_uri };
                oidc::identify(&provider.config, metadata, &self.http, exchange).await?
            }
            ProviderKind::OAuth2 { authorize_url, token_url, userinfo_url } => {
                let endpoints = (authorize_url.as_str(), token_url.as_str(), userinfo_url.as_str());
                let exchange = oauth::Exchange { code, verifier, redirect_uri };
                oauth::identify(&provider.config, endpoints, &self.http, exchange).await?
            }
        };
        Ok((identity, pending.return_to))
    }
}

/// `scheme://host[:port]` of a URL.
fn origin_of(url: &str) -> Option<String> {
    let parsed = openidconnect::url::Url::parse(url).ok()?;
    let origin = parsed.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// Compares two secrets in time that depends on their length only.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The start of a login: where to send the browser, and what to remember.
struct AuthorizationStart {
    url: String,
    state: String,
    nonce: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }

    #[test]
    fn origins_drop_paths() {
        assert_eq!(
            origin_of("https://sso.example:8443/a/b?c").as_deref(),
            Some("https://sso.example:8443")
        );
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn unreadable_session_data_is_empty() {
        assert!(PreLoginData::parse("not json").login.is_none());
        assert!(PreLoginData::parse("{}").identity.is_none());
    }
}
