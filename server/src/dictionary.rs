//! `/kompetensi.csv`: the competency dictionary as a CSV download (public); `/kompetensi/impor`:
//! the province uploads it back (a multipart form that works without JavaScript).

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::competencies;
use app::backend::services::dictionary_import::{self, parse::MAX_BYTES};
use app::ui::RequestLocale;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::upload::{locale_of, refusal, see_other, uploaded_file};

/// The route, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new().route("/kompetensi.csv", get(export)).route(
        "/kompetensi/impor",
        // The file plus the multipart framing.
        post(upload).layer(DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)),
    )
}

async fn upload(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let actor = current.require_actor()?;
        let (name, bytes) = uploaded_file(&mut form, "kompetensi.csv").await?;
        dictionary_import::import(&state.db, actor, &name, &bytes).await
    };
    match result.await {
        Ok(report) => {
            let path = format!("/kompetensi/impor/{}", report.id);
            see_other(&app::ui::locale::localized(locale_of(locale), &path))
        }
        Err(error) => refusal(&error),
    }
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
