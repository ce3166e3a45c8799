//! Server functions about the visitor's own session.

use leptos::prelude::*;

use crate::error::AppError;

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
