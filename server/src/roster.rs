//! The ASN roster upload (a multipart form: plain HTML works without JavaScript, the upload
//! island shows progress) and the download of an import's error report as CSV.

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::roster::{self, parse::MAX_BYTES};
use app::model::FieldError;
use app::ui::RequestLocale;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::upload::{locale_of, refusal, see_other, uploaded_file};

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
        let (name, bytes) = uploaded_file(&mut form, "roster.csv").await?;
        roster::import(&state.db, actor, &slug, &name, &bytes).await
    };
    match result.await {
        Ok(report) => {
            let path = format!("/organisasi/{slug}/impor-asn/{}", report.id);
            see_other(&app::ui::locale::localized(locale_of(locale), &path))
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
