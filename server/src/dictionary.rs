//! `/kompetensi.csv`: the competency dictionary as a CSV download (public).

use app::backend::AppState;
use app::backend::services::competencies;
use axum::Router;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The route, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new().route("/kompetensi.csv", get(export))
}

async fn export(State(state): State<AppState>) -> Response {
    let csv = async {
        let types = competencies::dictionary(&state.db).await?;
        competencies::dictionary_csv(&types)
    };
    match csv.await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
            headers.insert(
                CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"kamus-kompetensi.csv\""),
            );
            response
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.to_string()).into_response()
        }
    }
}
