//! `/katalog/kursus/{slug}/peserta/nilai`: the academic uploads the course's scores as CSV (a
//! multipart form, no JavaScript needed) and is sent back to the participant sheet with how
//! many were set (`?nilai=`), or with every problem by line (`?galat_nilai=`, as JSON) and
//! nothing written.

use app::backend::AppState;
use app::backend::auth::CurrentSession;
use app::backend::services::attendance::{MAX_SCORE_FILE_BYTES, import_scores};
use app::error::AppError;
use app::ui::RequestLocale;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::response::Response;
use axum::routing::post;

use crate::upload::{locale_of, refusal, see_other, uploaded_file};

/// The most problems carried back in the address (the first ones; the file is fixed and sent
/// again).
const ERRORS_SHOWN: usize = 20;

/// The route, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/katalog/kursus/{slug}/peserta/nilai",
        post(upload).layer(DefaultBodyLimit::max(MAX_SCORE_FILE_BYTES + 64 * 1024)),
    )
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
        let (_, bytes) = uploaded_file(&mut form, "nilai.csv").await?;
        import_scores(&state.db, actor, &slug, &bytes).await
    };
    let sheet = format!("/katalog/kursus/{slug}/peserta");
    let locale = locale_of(locale);
    match result.await {
        Ok(count) => {
            see_other(&app::ui::locale::localized(locale, &format!("{sheet}?nilai={count}")))
        }
        Err(AppError::Invalid(mut fields)) => {
            fields.truncate(ERRORS_SHOWN);
            let json = serde_json::to_string(&fields).unwrap_or_default();
            let encoded: String = form_urlencoded::byte_serialize(json.as_bytes()).collect();
            see_other(&app::ui::locale::localized(
                locale,
                &format!("{sheet}?galat_nilai={encoded}"),
            ))
        }
        Err(other) => refusal(&other),
    }
}
