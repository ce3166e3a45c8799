//! External login providers, configured from the environment: any number of OpenID Connect
//! providers (discovered from their issuer) and of plain OAuth 2.0 providers that name the person
//! through a userinfo endpoint.
//!
//! ```text
//! SINERGI_LOGIN_PROVIDERS=unila,siasn            # names: lower-case letters, digits, '-'
//! SINERGI_LOGIN_UNILA_KIND=oidc                  # oidc | oauth2
//! SINERGI_LOGIN_UNILA_LABEL="Akun Unila"         # shown on the sign-in button
//! SINERGI_LOGIN_UNILA_ISSUER=https://sso.unila.ac.id
//! SINERGI_LOGIN_UNILA_CLIENT_ID=sinergi
//! SINERGI_LOGIN_UNILA_CLIENT_SECRET=…            # optional (public clients use PKCE alone)
//! SINERGI_LOGIN_UNILA_SCOPES="openid email profile"   # the default for oidc
//! SINERGI_LOGIN_SIASN_KIND=oauth2
//! SINERGI_LOGIN_SIASN_AUTHORIZE_URL=…  _TOKEN_URL=…  _USERINFO_URL=…  _SCOPES="email"
//! ```

use std::collections::HashMap;

/// How a provider tells who signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderKind {
    /// OpenID Connect: endpoints and keys come from `{issuer}/.well-known/openid-configuration`;
    /// the person is named by the signed ID token.
    OpenIdConnect { issuer: String },
    /// Plain OAuth 2.0: the person is named by the userinfo endpoint's JSON (`sub`, `email`,
    /// `email_verified`, `name`).
    OAuth2 { authorize_url: String, token_url: String, userinfo_url: String },
}

/// One configured provider.
#[derive(Clone, PartialEq, Eq)]
pub struct ProviderConfig {
    /// In URLs (`/auth/{name}/callback`) and in the database; lower-case letters, digits, '-'.
    pub name: String,
    /// What the sign-in button says ("Akun Unila").
    pub label: String,
    pub kind: ProviderKind,
    pub client_id: String,
    pub client_secret: Option<String>,
    pub scopes: Vec<String>,
}

impl std::fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "…")) // never in logs
            .finish()
    }
}

/// A configuration mistake, naming the variable to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderConfigError {
    #[error("{0} is required")]
    Missing(String),
    #[error("{variable}: {problem}")]
    Invalid { variable: String, problem: &'static str },
}

const LIST: &str = "SINERGI_LOGIN_PROVIDERS";

/// Reads the providers from environment variables (`vars`, e.g. `std::env::vars()`).
pub fn from_env(
    vars: impl IntoIterator<Item = (String, String)>,
) -> Result<Vec<ProviderConfig>, ProviderConfigError> {
    let vars: HashMap<String, String> = vars.into_iter().collect();
    let Some(list) = vars.get(LIST).filter(|v| !v.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    // The list first, so that a typo in it is reported before any provider's settings.
    let names: Vec<&str> = list.split(',').map(str::trim).filter(|n| !n.is_empty()).collect();
    for (i, name) in names.iter().enumerate() {
        let valid = name.len() <= 40
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            return Err(invalid(LIST, "names use lower-case letters, digits and '-'"));
        }
        if names[..i].contains(name) {
            return Err(invalid(LIST, "a provider is listed twice"));
        }
    }
    let providers =
        names.into_iter().map(|name| provider(&vars, name)).collect::<Result<_, _>>()?;
    Ok(providers)
}

fn provider(
    vars: &HashMap<String, String>,
    name: &str,
) -> Result<ProviderConfig, ProviderConfigError> {
    let prefix = format!("SINERGI_LOGIN_{}_", name.to_ascii_uppercase().replace('-', "_"));
    let key = |suffix: &str| format!("{prefix}{suffix}");
    let get = |suffix: &str| {
        vars.get(&key(suffix)).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    };
    let require =
        |suffix: &str| get(suffix).ok_or_else(|| ProviderConfigError::Missing(key(suffix)));
    let url = |suffix: &str| {
        let value = require(suffix)?;
        if value.starts_with("https://") || value.starts_with("http://") {
            Ok(value.trim_end_matches('/').to_owned())
        } else {
            Err(invalid(&key(suffix), "must be an http(s) URL"))
        }
    };
    let kind = match require("KIND")?.as_str() {
        "oidc" => ProviderKind::OpenIdConnect { issuer: url("ISSUER")? },
        "oauth2" => ProviderKind::OAuth2 {
            authorize_url: url("AUTHORIZE_URL")?,
            token_url: url("TOKEN_URL")?,
            userinfo_url: url("USERINFO_URL")?,
        },
        _ => return Err(invalid(&key("KIND"), "must be oidc or oauth2")),
    };
    let default_scopes = match kind {
        ProviderKind::OpenIdConnect { .. } => "openid email profile",
        ProviderKind::OAuth2 { .. } => "",
    };
    let mut scopes: Vec<String> = get("SCOPES")
        .as_deref()
        .unwrap_or(default_scopes)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if matches!(kind, ProviderKind::OpenIdConnect { .. }) {
        // The openid scope is implied by the flow itself; the library adds it.
        scopes.retain(|s| s != "openid");
    }
    Ok(ProviderConfig {
        name: name.to_owned(),
        label: get("LABEL").unwrap_or_else(|| name.to_owned()),
        kind,
        client_id: require("CLIENT_ID")?,
        client_secret: get("CLIENT_SECRET"),
        scopes,
    })
}

fn invalid(variable: &str, problem: &'static str) -> ProviderConfigError {
    ProviderConfigError::Invalid { variable: variable.to_owned(), problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn no_list_means_no_providers() {
        assert_eq!(from_env(env(&[])), Ok(vec![]));
        assert_eq!(from_env(env(&[(LIST, " ")])), Ok(vec![]));
    }

    #[test]
    fn reads_both_kinds() {
        let providers = from_env(env(&[
            (LIST, "unila, siasn-bkn"),
            ("SINERGI_LOGIN_UNILA_KIND", "oidc"),
            ("SINERGI_LOGIN_UNILA_ISSUER", "https://sso.unila.example/"),
            ("SINERGI_LOGIN_UNILA_CLIENT_ID", "sinergi"),
            ("SINERGI_LOGIN_UNILA_CLIENT_SECRET", "s3cret"),
            ("SINERGI_LOGIN_UNILA_LABEL", "Akun Unila"),
            ("SINERGI_LOGIN_SIASN_BKN_KIND", "oauth2"),
            ("SINERGI_LOGIN_SIASN_BKN_AUTHORIZE_URL", "https://sso.example/authorize"),
            ("SINERGI_LOGIN_SIASN_BKN_TOKEN_URL", "https://sso.example/token"),
            ("SINERGI_LOGIN_SIASN_BKN_USERINFO_URL", "https://sso.example/me"),
            ("SINERGI_LOGIN_SIASN_BKN_CLIENT_ID", "sinergi"),
            ("SINERGI_LOGIN_SIASN_BKN_SCOPES", "email profile"),
        ]))
        .unwrap();
        assert_eq!(providers.len(), 2);
        let unila = &providers[0];
        assert_eq!(
            unila.kind,
            ProviderKind::OpenIdConnect { issuer: "https://sso.unila.example".into() }
        );
        assert_eq!(unila.scopes, ["email", "profile"]);
        assert_eq!(unila.label, "Akun Unila");
        assert!(!format!("{unila:?}").contains("s3cret"), "the secret never reaches a log");
        let siasn = &providers[1];
        assert_eq!(siasn.name, "siasn-bkn");
        assert_eq!(siasn.label, "siasn-bkn");
        assert_eq!(siasn.client_secret, None);
        assert!(matches!(siasn.kind, ProviderKind::OAuth2 { .. }));
    }

    #[test]
    fn names_the_variable_to_fix() {
        let missing = from_env(env(&[(LIST, "unila"), ("SINERGI_LOGIN_UNILA_KIND", "oidc")]));
        assert_eq!(missing, Err(ProviderConfigError::Missing("SINERGI_LOGIN_UNILA_ISSUER".into())));
        let bad_name = from_env(env(&[(LIST, "Unila")]));
        assert!(matches!(bad_name, Err(ProviderConfigError::Invalid { .. })));
        let twice = from_env(env(&[(LIST, "a,a")]));
        assert!(matches!(twice, Err(ProviderConfigError::Invalid { .. })));
        let bad_kind = from_env(env(&[(LIST, "x"), ("SINERGI_LOGIN_X_KIND", "saml")]));
        assert!(matches!(bad_kind, Err(ProviderConfigError::Invalid { .. })));
        let bad_url = from_env(env(&[
            (LIST, "x"),
            ("SINERGI_LOGIN_X_KIND", "oidc"),
            ("SINERGI_LOGIN_X_ISSUER", "sso.example"),
        ]));
        assert!(matches!(bad_url, Err(ProviderConfigError::Invalid { .. })));
    }
}
