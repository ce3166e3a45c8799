//! What the file uploads (ASN roster, competency dictionary) share: reading the file out of a
//! multipart form, the redirect to the outcome, and the answer to a refused request.

use app::error::AppError;
use app::model::{FieldError, ValidationCode};
use app::ui::RequestLocale;
use axum::extract::{Extension, Multipart};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The form's `file` field: its name (or `fallback`) and bytes.
pub async fn uploaded_file(
    form: &mut Multipart,
    fallback: &str,
) -> Result<(String, axum::body::Bytes), AppError> {
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(|_| malformed())? {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or(fallback).to_owned();
            let bytes = field.bytes().await.map_err(|_| malformed())?;
            file = Some((name, bytes));
        }
    }
    file.ok_or_else(malformed)
}

/// 303 to `location`: the browser shows the outcome page with a GET.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    response
}

pub fn malformed() -> AppError {
    AppError::Invalid(vec![FieldError::form(ValidationCode::Malformed)])
}

/// The request's language (Indonesian unless the locale middleware chose English).
pub fn locale_of(extension: Option<Extension<RequestLocale>>) -> app::i18n::Locale {
    extension.map(|Extension(RequestLocale(locale))| locale).unwrap_or_default()
}

/// A refused upload or download: the status and a short text (the UI never offers these to
/// someone who would be refused, so this answers crafted requests).
pub fn refusal(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, error.to_string()).into_response()
}
