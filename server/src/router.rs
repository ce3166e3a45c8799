//! The HTTP router: probes, Leptos pages and server functions, static files, and the middleware
//! stack around them (request id, tracing, locale, compression, security headers, the public
//! page cache).

use app::backend::AppState;
use app::{App, shell};
use axum::Router;
use axum::extract::Request;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, Response, StatusCode};
use axum::routing::get;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::{Layer, ServiceBuilder};
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::{
    certificates, csrf, dashboards, dictionary, exports, health, locale, oauth, page_cache, roster,
    scores, security_headers, session, telemetry,
};

/// The routes with their state, before the locale is chosen; `app` wraps them.
pub fn routes(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let pkg_url = format!("/{}", options.site_pkg_dir);
    let pkg_dir = format!("{}/{}", options.site_root, options.site_pkg_dir);
    let secure = state.config.secure_cookies;

    let page_state = state.clone();
    let fallback_state = state.clone();
    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .merge(certificates::routes())
        .merge(dashboards::routes())
        .merge(dictionary::routes())
        .merge(exports::routes())
        .merge(oauth::routes())
        .merge(roster::routes())
        .merge(scores::routes())
        .leptos_routes_with_context(
            &state,
            route_list(),
            move || provide_context(page_state.clone()),
            move || shell(options.clone()),
        )
        .nest_service(&pkg_url, hashed_assets(&pkg_dir))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || provide_context(fallback_state.clone()),
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            page_cache::PageCache::new(),
            page_cache::replay_or_keep,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security_headers::page_nonce))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::load))
        .layer(axum::middleware::from_fn_with_state(
            csrf::TrustedOrigin::from_base_url(&state.config.base_url),
            csrf::same_origin_only,
        ));
    security_headers::apply(router, secure).with_state(state)
}

/// The app's routes, listed once per process. Listing them runs the app with resource loading
/// suppressed process-wide, so a page rendering on another thread at that moment would wait
/// forever for its data (leptos-rs/leptos#4773); once per process, before any router exists,
/// nothing renders meanwhile — the HTTP tests build many routers in parallel.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application: the locale is chosen before routing (it rewrites `/en/…` paths), and
/// every request gets an id that its log lines and its response carry.
pub fn app(state: AppState) -> Router {
    let settings = locale::LocaleSettings { secure_cookies: state.config.secure_cookies };
    let localized =
        axum::middleware::from_fn_with_state(settings, locale::negotiate).layer(routes(state));
    Router::new().fallback_service(localized).layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(telemetry::request_span)
                    .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
            )
            .layer(PropagateRequestIdLayer::x_request_id()),
    )
}

/// `/pkg`: JS, WASM and CSS with content hashes in their names, served precompressed (brotli,
/// gzip) and cached for a year, since a new build gets new names.
fn hashed_assets(
    dir: &str,
) -> impl tower::Service<
    Request,
    Response = axum::response::Response<tower_http::services::fs::ServeFileSystemResponseBody>,
    Error = std::convert::Infallible,
    Future: Send,
> + Clone
+ Send
+ Sync
+ 'static {
    ServiceBuilder::new()
        // Only successful answers: a 404 for a file of a newer build must not stick for a year.
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, |response: &Response<_>| {
            let cacheable =
                response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
            cacheable.then(|| HeaderValue::from_static("public, max-age=31536000, immutable"))
        }))
        .service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
}
