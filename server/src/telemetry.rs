//! Logging: `tracing` to stdout, text or JSON, with a request id on every request's span.

use app::backend::Config;
use axum::http::Request;
use tower_http::request_id::RequestId;
use tracing::Span;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. `SINERGI_LOG` (or `RUST_LOG`) sets the filter.
pub fn init(config: &Config) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&config.log));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    // A second init (tests) is harmless: keep the first subscriber.
    let _ = if config.log_json { builder.json().try_init() } else { builder.try_init() };
}

/// The span of one HTTP request, carrying the id set by `SetRequestIdLayer`.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id,
        method = %request.method(),
        path = %request.uri().path(),
    )
}
