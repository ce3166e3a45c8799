//! OpenID Connect providers (openidconnect crate): discovery from the issuer, and the ID token
//! checked for signature (through the provider's JWKS), issuer, audience, nonce and expiry.

use chrono::{DateTime, Duration, Utc};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce,
    OAuth2TokenResponse as _, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse as _, reqwest,
};
use tokio::sync::RwLock;

use super::providers::ProviderConfig;
use super::{AuthorizationStart, VerifiedIdentity};
use crate::model::{LoginFailure, normalise_email};

/// Discovered metadata is kept this long, then fetched again, so that rotated signing keys are
/// picked up without a restart.
const METADATA_TTL: Duration = Duration::hours(1);

/// A provider's discovered metadata (endpoints and JWKS), cached.
#[derive(Default)]
pub(super) struct Discovery {
    cached: RwLock<Option<(DateTime<Utc>, CoreProviderMetadata)>>,
}

impl Discovery {
    /// The origin of the cached authorization endpoint, if discovered already.
    pub(super) fn authorization_origin(&self) -> Option<String> {
        let cached = self.cached.try_read().ok()?;
        let (_, metadata) = cached.as_ref()?;
        super::origin_of(metadata.authorization_endpoint().as_str())
    }

    /// The metadata of `issuer`, from the cache or fetched. The discovery document must name
    /// exactly this issuer (checked by the library).
    pub(super) async fn metadata(
        &self,
        issuer: &str,
        http: &reqwest::Client,
        now: DateTime<Utc>,
    ) -> Result<CoreProviderMetadata, LoginFailure> {
        if let Some((fetched, metadata)) = self.cached.read().await.as_ref()
            && now - *fetched < METADATA_TTL
        {
            return Ok(metadata.clone());
        }
        let issuer_url = IssuerUrl::new(issuer.to_owned()).map_err(|error| {
            tracing::error!(%issuer, %error, "login provider issuer is not a URL");
            LoginFailure::ProviderUnavailable
        })?;
        let metadata =
            CoreProviderMetadata::discover_async(issuer_url, http).await.map_err(|error| {
                use openidconnect::DiscoveryError as E;
                tracing::warn!(%issuer, %error, "OpenID Connect discovery failed");
                match error {
                    E::Validation(_) => LoginFailure::IssuerMismatch,
                    _ => LoginFailure::ProviderUnavailable,
                }
            })?;
        *self.cached.write().await = Some((now, metadata.clone()));
        Ok(metadata)
    }
}

fn client_for(
    config: &ProviderConfig,
    metadata: CoreProviderMetadata,
    redirect_uri: &str,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    LoginFailure,
> {
    let redirect = RedirectUrl::new(redirect_uri.to_owned()).map_err(|error| {
        tracing::error!(%error, "the portal's base URL makes no valid redirect URI");
        LoginFailure::ProviderUnavailable
    })?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(config.client_id.clone()),
        config.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(redirect))
}

/// The authorization URL with state, nonce and the S256 PKCE challenge.
pub(super) fn authorize_url(
    config: &ProviderConfig,
    metadata: CoreProviderMetadata,
    redirect_uri: &str,
    pkce_challenge: PkceCodeChallenge,
) -> Result<AuthorizationStart, LoginFailure> {
    let client = client_for(config, metadata, redirect_uri)?;
    let mut request = client.authorize_url(
        CoreAuthenticationFlow::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    for scope in &config.scopes {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, state, nonce) = request.set_pkce_challenge(pkce_challenge).url();
    Ok(AuthorizationStart {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: Some(nonce.secret().clone()),
    })
}

/// What redeeming an authorization code needs.
pub(super) struct Exchange {
    pub code: String,
    pub verifier: PkceCodeVerifier,
    pub nonce: String,
    pub redirect_uri: String,
}

/// Redeems the code and checks the ID token; reads email and name from the ID token, or from
/// the userinfo endpoint (for the same subject) when the ID token leaves them out.
pub(super) async fn identify(
    config: &ProviderConfig,
    metadata: CoreProviderMetadata,
    http: &reqwest::Client,
    exchange: Exchange,
) -> Result<VerifiedIdentity, LoginFailure> {
    let client = client_for(config, metadata, &exchange.redirect_uri)?;
    let response = client
        .exchange_code(AuthorizationCode::new(exchange.code))
        .map_err(|error| {
            tracing::error!(%error, provider = %config.name, "provider has no token endpoint");
            LoginFailure::ProviderUnavailable
        })?
        .set_pkce_verifier(exchange.verifier)
        .request_async(http)
        .await
        .map_err(|error| {
            use openidconnect::RequestTokenError as E;
            tracing::warn!(%error, provider = %config.name, "code exchange failed");
            match error {
                E::Request(_) => LoginFailure::ProviderUnavailable,
                _ => LoginFailure::TokenRejected,
            }
        })?;
    let id_token = response.id_token().ok_or(LoginFailure::IdentityInvalid)?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(exchange.nonce))
        .map_err(|error| {
            tracing::warn!(%error, provider = %config.name, "ID token refused");
            LoginFailure::IdentityInvalid
        })?;
    let subject = claims.subject().clone();
    let mut identity = VerifiedIdentity {
        provider: config.name.clone(),
        subject: subject.as_str().to_owned(),
        email: claims.email().and_then(|e| normalise_email(e.as_str()).ok()),
        email_verified: claims.email_verified().unwrap_or(false),
        full_name: claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()),
    };
    if identity.email.is_none()
        && let Ok(request) = client.user_info(response.access_token().clone(), Some(subject))
    {
        let info: openidconnect::core::CoreUserInfoClaims =
            request.request_async(http).await.map_err(|error| {
                tracing::warn!(%error, provider = %config.name, "userinfo refused");
                LoginFailure::IdentityInvalid
            })?;
        identity.email = info.email().and_then(|e| normalise_email(e.as_str()).ok());
        identity.email_verified = info.email_verified().unwrap_or(false);
        identity.full_name = identity
            .full_name
            .or_else(|| info.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()));
    }
    Ok(identity)
}
