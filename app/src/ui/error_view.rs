//! What an error boundary shows: the translated message of each `AppError`, and (during SSR) the
//! HTTP status that error calls for.

use leptos::prelude::*;

use super::locale::{localized, use_locale};
use crate::error::{AppError, ConflictReason};
use crate::i18n::{Locale, td_string};

/// Fallback of `<ErrorBoundary>`: lists the errors and sets the response status.
#[component]
pub fn ErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let locale = use_locale();
    let app_errors: Vec<AppError> = errors
        .get_untracked()
        .into_iter()
        .map(|(_, error)| {
            error
                .downcast_ref::<AppError>()
                .cloned()
                .unwrap_or(AppError::Internal { incident: "-".to_owned() })
        })
        .collect();
    #[cfg(feature = "ssr")]
    apply_error_status(&app_errors);
    view! {
        <div class="error-box" role="alert">
            <p class="error-title">{td_string!(locale, error.title)}</p>
            <ul>
                {app_errors
                    .iter()
                    .map(|e| view! { <li>{message(locale, e)}</li> })
                    .collect_view()}
            </ul>
            {app_errors.contains(&AppError::Unauthenticated).then(|| {
                view! {
                    <p>
                        <a href=localized(locale, "/masuk")>
                            {td_string!(locale, error.sign_in_link)}
                        </a>
                    </p>
                }
            })}
        </div>
    }
}

/// The translated sentence for an error.
pub fn message(locale: Locale, error: &AppError) -> String {
    match error {
        AppError::NotFound => td_string!(locale, error.not_found).to_owned(),
        AppError::Unauthenticated => td_string!(locale, error.unauthenticated).to_owned(),
        AppError::Forbidden => td_string!(locale, error.forbidden).to_owned(),
        AppError::Invalid(_) => td_string!(locale, error.invalid).to_owned(),
        AppError::Conflict(ConflictReason::AlreadyExists { .. }) => {
            td_string!(locale, error.conflict_exists).to_owned()
        }
        AppError::Conflict(ConflictReason::Stale) => {
            td_string!(locale, error.conflict_stale).to_owned()
        }
        AppError::Conflict(ConflictReason::OrganisationNotVerified) => {
            td_string!(locale, error.conflict_not_verified).to_owned()
        }
        AppError::Conflict(ConflictReason::OwnAccount) => {
            td_string!(locale, error.conflict_own_account).to_owned()
        }
        AppError::RateLimited { retry_after_secs } => {
            td_string!(locale, error.rate_limited, seconds = *retry_after_secs).to_string()
        }
        AppError::Unavailable => td_string!(locale, error.unavailable).to_owned(),
        AppError::Internal { incident } => {
            td_string!(locale, error.internal, incident = incident.clone()).to_string()
        }
    }
}

/// Sets the response's status from the worst error (a 500 outranks a 404), and `Retry-After`
/// when the request was rate limited.
#[cfg(feature = "ssr")]
pub fn apply_error_status(errors: &[AppError]) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let Some(code) = errors.iter().map(AppError::status_code).max() else { return };
    if let Ok(status) = http::StatusCode::from_u16(code) {
        response.set_status(status);
    }
    for error in errors {
        if let AppError::RateLimited { retry_after_secs } = error {
            response.insert_header(http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
    }
}
