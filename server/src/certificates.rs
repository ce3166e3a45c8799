//! A certificate's downloads: `/verifikasi/{code}/sertifikat.pdf` (A4, Indonesian, with the QR
//! code) and `/verifikasi/{code}/openbadge.json` (Open Badges 3.0). Public like the
//! verification page — whoever holds the code may see the certificate — and refused once
//! the certificate is revoked (409), so no fresh copy of it circulates.

use app::backend::AppState;
use app::backend::services::certificates;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::upload::refusal;

/// The routes, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verifikasi/{code}/sertifikat.pdf", get(pdf))
        .route("/verifikasi/{code}/openbadge.json", get(open_badge))
}

async fn pdf(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    match certificates::pdf(&state.db, &code, &state.config.base_url).await {
        Ok((number, bytes)) => {
            let name = format!("sertifikat-{}.pdf", number.replace('/', "-"));
            download(bytes, "application/pdf", &name)
        }
        Err(error) => refusal(&error),
    }
}

async fn open_badge(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    match certificates::open_badge(&state.db, &code, &state.config.base_url).await {
        Ok(credential) => {
            let bytes = serde_json::to_vec_pretty(&credential).unwrap_or_default();
            download(bytes, "application/ld+json", "openbadge.json")
        }
        Err(error) => refusal(&error),
    }
}

/// `bytes` as a file to save; never kept by shared caches (it names a person), and revocation
/// must not be hidden by a stale copy.
fn download(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}
