//! `/kompetensi.csv`: the competency dictionary as a CSV download (public); `/kompetensi/impor`:
//! the province uploads it back (a multipart form that works without JavaScript).

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::competencies;
use app::backend::services::dictionary_import::{self, parse::MAX_BYTES, positions};
use app::ui::RequestLocale;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::upload::{locale_of, refusal, see_other, uploaded_file};

/// The route, for the main router.
pub fn routes() -> Router<AppState> {
    // The file plus the multipart framing.
    let limit = DefaultBodyLimit::max(MAX_BYTES + 64 * 1024);
    Router::new()
        .route("/kompetensi.csv", get(export))
        .route("/kompetensi/impor", post(upload).layer(limit))
        .route("/jabatan.csv", get(export_positions))
        .route("/jabatan/impor", post(upload_positions).layer(limit))
}

async fn export_positions(State(state): State<AppState>) -> Response {
    match positions::positions_csv(&state.db).await {
        Ok(bytes) => csv_download(bytes, "jabatan.csv"),
        Err(error) => refusal(&error),
    }
}

async fn upload_positions(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let actor = current.require_actor()?;
        let (name, bytes) = uploaded_file(&mut form, "jabatan.csv").await?;
        positions::import_positions(&state.db, actor, &name, &bytes).await
    };
    match result.await {
        Ok(report) => {
            let path = format!("/kompetensi/impor/{}", report.id);
            see_other(&app::ui::locale::localized(locale_of(locale), &path))
        }
        Err(error) => refusal(&error),
    }
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
        Ok(bytes) => csv_download(bytes, "kamus-kompetensi.csv"),
        Err(error) => refusal(&error),
    }
}

/// A CSV file to save as `name`. Not cached: after an import the next download is the new one.
fn csv_download(bytes: Vec<u8>, name: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    response
}
