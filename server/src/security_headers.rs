//! Security headers on every response. HTML pages get a Content-Security-Policy with a nonce
//! drawn per request (`page_nonce`, policy in `app::backend::csp`); everything else gets the
//! strict default here.

use app::backend::AppState;
use app::backend::csp::{PageNonce, page_policy};
use axum::Router;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::set_header::SetResponseHeaderLayer;

/// CSP for responses that are not pages (JSON, probes, files): nothing may load or frame them.
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the headers to `router`; HSTS only when served over TLS (`secure`).
pub fn apply<S: Clone + Send + Sync + 'static>(router: Router<S>, secure: bool) -> Router<S> {
    let fixed = [
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        (REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (CONTENT_SECURITY_POLICY, DEFAULT_CSP),
    ];
    let mut router = fixed.into_iter().fold(router, |router, (name, value)| {
        router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)))
    });
    router = router
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ));
    if secure {
        router = router.layer(SetResponseHeaderLayer::overriding(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        ));
    }
    router
}

/// Draws the request's nonce for the page (the shell reads it from the request's extensions)
/// and, when the answer is an HTML page, sets the page policy naming that nonce.
pub async fn page_nonce(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = PageNonce::generate();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && let Ok(value) = HeaderValue::from_str(&page_policy(&nonce, &state)) {
        response.headers_mut().insert(CONTENT_SECURITY_POLICY, value);
    }
    response
}
