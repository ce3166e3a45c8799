//! Server functions, grouped by feature. Each one: who is asking → one service call → a DTO.

pub mod session;
pub mod stats;

pub use session::{SignIn, SignOut, sign_in, sign_out};
pub use stats::get_portal_counts;

/// The address the request came from (the TCP peer), for per-address rate limits.
#[cfg(feature = "ssr")]
fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Gives a failed server function the HTTP status of its error (and `Retry-After` when rate
/// limited) for clients that call it with `fetch`. A plain HTML form post is answered with a
/// redirect back to its page instead, which then shows the error with that status.
#[cfg(feature = "ssr")]
fn report<T>(result: Result<T, crate::error::AppError>) -> Result<T, crate::error::AppError> {
    use leptos::prelude::use_context;
    if let Err(error) = &result {
        let form_post = use_context::<http::request::Parts>().is_some_and(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        });
        if !form_post {
            crate::ui::apply_error_status(std::slice::from_ref(error));
        }
    }
    result
}
