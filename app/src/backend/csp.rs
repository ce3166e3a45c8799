//! The Content-Security-Policy of HTML pages: scripts only with the response's nonce (the
//! island loader) and WebAssembly; nothing may frame a page or change its base URL.
//!
//! The server sets it on every HTML response from a nonce it draws per request and hands to the
//! page through the request's extensions ([`PageNonce`]), so the header never depends on the
//! rendering having reached a particular point.

use super::AppState;

/// The nonce drawn for one request's page, in the request's extensions.
#[derive(Debug, Clone)]
pub struct PageNonce(pub String);

impl PageNonce {
    /// 16 random bytes, base64url: unguessable, and valid in a header and an attribute.
    pub fn generate() -> Self {
        Self(leptos::nonce::Nonce::new().to_string())
    }
}

/// The policy for a page whose scripts carry `nonce`.
pub fn page_policy(nonce: &PageNonce, state: &AppState) -> String {
    // `cargo leptos watch` sets LEPTOS_WATCH; its live-reload script talks over a websocket.
    let live_reload = if std::env::var_os("LEPTOS_WATCH").is_some() {
        let port = state.leptos_options.reload_port;
        format!(" ws://127.0.0.1:{port} ws://localhost:{port}")
    } else {
        String::new()
    };
    // The external login forms redirect to the providers, which form-action also governs.
    let providers: String =
        state.login.form_action_origins().iter().map(|origin| format!(" {origin}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'{live_reload}; \
         object-src 'none'; base-uri 'none'; form-action 'self'{providers}; \
         frame-ancestors 'none'",
        nonce.0
    )
}
