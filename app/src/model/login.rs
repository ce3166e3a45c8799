//! External login as the sign-in page sees it: the providers offered, and why a login failed.

use serde::{Deserialize, Serialize};

/// A configured login provider, as a button on `/masuk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginProviderView {
    /// In the start URL: `/auth/{name}/start`.
    pub name: String,
    /// What the button says.
    pub label: String,
}

/// Why an external login was refused. The server sends the browser back to
/// `/masuk?gagal={code}`, and the page explains it; no session is left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginFailure {
    /// No provider of that name is configured.
    UnknownProvider,
    /// The answer arrived with no login in progress in this browser (expired, replayed, or
    /// started elsewhere).
    NoLoginInProgress,
    /// The `state` of the answer is not the one this browser's login was started with.
    StateMismatch,
    /// The answer came back on another provider's path, or names another issuer (mix-up).
    ProviderMismatch,
    /// The person cancelled at the provider, or the provider refused them.
    Cancelled,
    /// The provider could not be reached or answered nonsense.
    ProviderUnavailable,
    /// The provider's discovery document names another issuer than the configured one.
    IssuerMismatch,
    /// The provider refused the authorization code (replayed, expired, PKCE verifier wrong).
    TokenRejected,
    /// The ID token or userinfo did not pass the checks (signature, issuer, audience, nonce,
    /// expiry) or lacks a subject.
    IdentityInvalid,
    /// The provider did not vouch for the email address, so no account can be linked by it.
    EmailUnverified,
    /// The page to return to after login is not on this site.
    UnsafeReturn,
    /// The linked account has been deactivated.
    AccountDeactivated,
}

impl LoginFailure {
    const ALL: [Self; 12] = [
        Self::UnknownProvider,
        Self::NoLoginInProgress,
        Self::StateMismatch,
        Self::ProviderMismatch,
        Self::Cancelled,
        Self::ProviderUnavailable,
        Self::IssuerMismatch,
        Self::TokenRejected,
        Self::IdentityInvalid,
        Self::EmailUnverified,
        Self::UnsafeReturn,
        Self::AccountDeactivated,
    ];

    /// The code in the URL.
    pub fn code(self) -> &'static str {
        match self {
            Self::UnknownProvider => "provider",
            Self::NoLoginInProgress => "no-login",
            Self::StateMismatch => "state",
            Self::ProviderMismatch => "mix-up",
            Self::Cancelled => "cancelled",
            Self::ProviderUnavailable => "unavailable",
            Self::IssuerMismatch => "issuer",
            Self::TokenRejected => "token",
            Self::IdentityInvalid => "identity",
            Self::EmailUnverified => "email",
            Self::UnsafeReturn => "return",
            Self::AccountDeactivated => "deactivated",
        }
    }

    /// The failure a URL code names, if any.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// Whether `path` is a page of this site to return to after login: a path starting with one
/// `/` (not `//host` or `/\host`, which browsers treat as another site), no scheme, no control
/// characters.
pub fn is_local_return_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && path.len() <= 2000
        && !path.chars().any(|c| c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for failure in LoginFailure::ALL {
            assert_eq!(LoginFailure::from_code(failure.code()), Some(failure));
        }
        assert_eq!(LoginFailure::from_code("nonsense"), None);
    }

    #[test]
    fn only_local_paths_are_returned_to() {
        for ok in ["/", "/akun", "/katalog?q=statistik", "/en/akun"] {
            assert!(is_local_return_path(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "evil.example",
            "",
            "/a\nb",
            "/a\\b",
            "javascript:alert(1)",
        ] {
            assert!(!is_local_return_path(bad), "{bad:?}");
        }
    }
}
