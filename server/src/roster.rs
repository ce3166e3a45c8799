//! The ASN roster upload (a multipart form: plain HTML works without JavaScript, the upload
//! island shows progress) and the download of an import's error report as CSV.

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::roster::{self, parse::MAX_BYTES};
use app::error::AppError;
use app::model::{FieldError, ValidationCode};
use app::ui::RequestLocale;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// The two routes, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/organisasi/{slug}/impor-asn",
            // The file plus the multipart framing.
            post(upload).layer(DefaultBodyLimit::max(MAX_BYTES + 64 * 1024)),
        )
        .route("/organisasi/{slug}/impor-asn/{id}/laporan.csv", get(error_report))
}

async fn upload(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let actor = current.require_actor()?;
        let mut file = None;
        while let Some(field) = form.next_field().await.map_err(|_| malformed())? {
            if field.name() == Some("file") {
                let name = field.file_name().unwrap_or("roster.csv").to_owned();
                let bytes = field.bytes().await.map_err(|_| malformed())?;
                file = Some((name, bytes));
            }
        }
        let (name, bytes) = file.ok_or_else(malformed)?;
        roster::import(&state.db, actor, &slug, &name, &bytes).await
    };
    match result.await {
        Ok(report) => {
            let path = format!("/organisasi/{slug}/impor-asn/{}", report.id);
            let location = app::ui::locale::localized(locale_of(locale), &path);
            let mut response = StatusCode::SEE_OTHER.into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(LOCATION, value);
            }
            response
        }
        Err(error) => refusal(&error),
    }
}

async fn error_report(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i32)>,
    Extension(current): Extension<CurrentSession>,
    locale: Option<Extension<RequestLocale>>,
) -> Response {
    let result = async {
        let actor = current.require_actor()?;
        let report = roster::report(&state.db, actor, &slug, id).await?;
        let locale = locale_of(locale);
        roster::errors_csv(&report, |e| {
            app::ui::field_message(locale, &FieldError::new(e.field.clone(), e.code))
        })
    };
    match result.await {
        Ok(csv) => {
            let mut response = csv.into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            if let Ok(value) =
                HeaderValue::from_str(&format!("attachment; filename=\"laporan-impor-{id}.csv\""))
            {
                headers.insert(CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => refusal(&error),
    }
}

fn malformed() -> AppError {
    AppError::Invalid(vec![FieldError::form(ValidationCode::Malformed)])
}

/// The request's language (Indonesian unless the locale middleware chose English).
fn locale_of(extension: Option<Extension<RequestLocale>>) -> app::i18n::Locale {
    extension.map(|Extension(RequestLocale(locale))| locale).unwrap_or_default()
}

/// A refused upload or download: the status and a short text (the UI never offers these to
/// someone who would be refused, so this answers crafted requests).
fn refusal(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, error.to_string()).into_response()
}
