//! Server functions about the visitor's own session.

use leptos::prelude::*;

use crate::error::AppError;

/// Signs in with a local account. On success the session is rotated (a new token replaces any
/// earlier one) and the browser is sent home; failures are counted for rate limiting.
#[server]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    let result = server::sign_in(&email, &password).await;
    super::report(result)
}

#[cfg(feature = "ssr")]
pub(super) mod server {
    use chrono::Utc;

    use crate::backend::AppState;
    use crate::backend::auth::rate_limit::{self, AttemptKeys, LoginLimits};
    use crate::backend::auth::sessions::{self, SessionPolicy};
    use crate::backend::auth::{CurrentSession, cookie, passwords};
    use crate::error::AppError;

    pub async fn sign_in(email: &str, password: &str) -> Result<(), AppError> {
        let state = AppState::current()?;
        let (now, limits, policy) = (Utc::now(), LoginLimits::default(), SessionPolicy::default());
        let keys = AttemptKeys::new(email, &super::super::client_address());
        rate_limit::check(&state.db, &keys, now, limits).await?;
        let person_id = match passwords::verify_login(&state.db, email, password).await {
            Ok(person_id) => person_id,
            Err(error @ AppError::Invalid(_)) => {
                rate_limit::record_failure(&state.db, &keys, now, limits).await?;
                return Err(error);
            }
            Err(error) => return Err(error),
        };
        rate_limit::record_success(&state.db, &keys).await?;
        begin_session(&state, person_id, policy).await?;
        leptos_axum::redirect("/");
        Ok(())
    }

    /// Signs `person_id` in: a fresh session replaces whatever session the request carried
    /// (rotation), and its cookie is set on the response.
    pub async fn begin_session(
        state: &AppState,
        person_id: i32,
        policy: SessionPolicy,
    ) -> Result<(), AppError> {
        let previous = CurrentSession::of_request().token;
        let token =
            sessions::rotate(&state.db, previous.as_ref(), person_id, Utc::now(), policy).await?;
        let value =
            cookie::set(token.as_str(), policy.absolute.num_seconds(), state.config.secure_cookies);
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(value) = http::HeaderValue::from_str(&value)
        {
            response.append_header(http::header::SET_COOKIE, value);
        }
        Ok(())
    }
}

/// Signs out: ends the session on the server and removes its cookie. A POST (CSRF-checked),
/// answered with a redirect to the home page so that it works as a plain HTML form.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::backend::AppState;
    use crate::backend::auth::{CurrentSession, cookie, sessions};

    let state = AppState::current()?;
    if let Some(token) = CurrentSession::of_request().token {
        sessions::end(&state.db, &token).await?;
    }
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = http::HeaderValue::from_str(&cookie::clear(state.config.secure_cookies))
    {
        response.append_header(http::header::SET_COOKIE, value);
    }
    leptos_axum::redirect("/");
    Ok(())
}
