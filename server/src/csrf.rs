//! Cross-site request forgery defence: a request that may change state (anything but GET, HEAD,
//! OPTIONS) is refused unless the browser says it comes from this site.
//!
//! Browsers mark every request with `Sec-Fetch-Site`, and every POST with `Origin`; a page on
//! another site cannot forge either. This check sits on top of SameSite cookies. Clients that send
//! neither header (scripts, very old browsers) are refused too: state changes happen in the
//! portal's own pages.

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The origin (`scheme://host[:port]`) the portal is published at, from `SINERGI_BASE_URL`.
#[derive(Debug, Clone)]
pub struct TrustedOrigin(pub String);

impl TrustedOrigin {
    /// The origin part of a base URL: `https://sinergi.example/app/` → `https://sinergi.example`.
    pub fn from_base_url(base_url: &str) -> Self {
        let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
        let end = base_url[after_scheme..].find('/').map_or(base_url.len(), |i| after_scheme + i);
        Self(base_url[..end].to_ascii_lowercase())
    }
}

/// The middleware; see the module documentation.
pub async fn same_origin_only(
    State(trusted): State<TrustedOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_same_origin(request.headers(), &trusted) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = %request.uri().path(),
        origin = ?request.headers().get(ORIGIN),
        "cross-site request refused"
    );
    (
        StatusCode::FORBIDDEN,
        "Permintaan ditolak: hanya dapat dikirim dari halaman Sinergi sendiri.\n\
         Request refused: it can only be sent from Sinergi's own pages.\n",
    )
        .into_response()
}

/// `Sec-Fetch-Site` decides when present; otherwise `Origin` must be the published origin or the
/// origin of the `Host` the request was sent to.
fn is_same_origin(headers: &HeaderMap, trusted: &TrustedOrigin) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin";
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin = origin.to_ascii_lowercase();
    if origin == trusted.0 {
        return true;
    }
    let host = headers.get(HOST).and_then(|v| v.to_str().ok()).map(str::to_ascii_lowercase);
    host.is_some_and(|host| origin.split_once("://").is_some_and(|(_, h)| h == host))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.parse().unwrap(), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn the_trusted_origin_is_scheme_host_and_port() {
        assert_eq!(
            TrustedOrigin::from_base_url("https://Sinergi.example/a/").0,
            "https://sinergi.example"
        );
        assert_eq!(
            TrustedOrigin::from_base_url("http://127.0.0.1:3000").0,
            "http://127.0.0.1:3000"
        );
    }

    #[test]
    fn decides_by_fetch_metadata_then_origin() {
        let trusted = TrustedOrigin::from_base_url("https://sinergi.example");
        let check =
            |pairs: &[(&'static str, &'static str)]| is_same_origin(&headers(pairs), &trusted);
        assert!(check(&[("sec-fetch-site", "same-origin")]));
        assert!(!check(&[("sec-fetch-site", "same-site")]));
        assert!(!check(&[("sec-fetch-site", "cross-site"), ("origin", "https://sinergi.example")]));
        assert!(check(&[("origin", "https://sinergi.example")]));
        assert!(check(&[("origin", "http://10.0.0.5:3000"), ("host", "10.0.0.5:3000")]));
        assert!(!check(&[("origin", "https://evil.example"), ("host", "sinergi.example")]));
        assert!(!check(&[("origin", "null")]));
        assert!(!check(&[]));
    }
}
