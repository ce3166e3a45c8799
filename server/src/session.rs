//! Resolves the session cookie of each request into a `CurrentSession` (token and actor) in the
//! request's extensions, where server functions and pages find it.

use app::backend::AppState;
use app::backend::auth::sessions::{self, SessionPolicy, SessionToken};
use app::backend::auth::{Actor, CurrentSession, cookie};
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Utc;

/// The middleware. Files and probes skip the database round trip.
pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/")
        || path == "/healthz"
        || path == "/readyz"
        || path == "/favicon.ico"
    {
        return next.run(request).await;
    }
    let secure = state.config.secure_cookies;
    let presented = request
        .headers()
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|header| cookie::find(header, secure))
        .and_then(SessionToken::from_cookie);

    let mut current = CurrentSession::default();
    let mut stale_cookie = false;
    if let Some(token) = presented {
        match resolve(&state, &token).await {
            Ok(Some((actor, pre_login_data))) => {
                current = CurrentSession { token: Some(token), actor, pre_login_data }
            }
            Ok(None) => stale_cookie = true,
            // The page still renders for an anonymous visitor; the failure is in the log.
            Err(error) => tracing::warn!(?error, "session lookup failed"),
        }
    }
    request.extensions_mut().insert(current);
    let mut response = next.run(request).await;
    // A handler that set a new session (sign-in, invitation, login start) wins: browsers apply
    // the last Set-Cookie, so clearing after it would undo the sign-in.
    let sets_session = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with(&format!("{}=", cookie::name(secure))));
    if stale_cookie
        && !sets_session
        && let Ok(clear) = HeaderValue::from_str(&cookie::clear(secure))
    {
        response.headers_mut().append(SET_COOKIE, clear);
    }
    response
}

/// `Ok(None)`: no live session. `Ok(Some((None, data)))`: a live session nobody has signed in
/// to yet, with its data.
async fn resolve(
    state: &AppState,
    token: &SessionToken,
) -> Result<Option<(Option<Actor>, Option<String>)>, app::error::AppError> {
    let Some(session) =
        sessions::resolve(&state.db, token, Utc::now(), SessionPolicy::default()).await?
    else {
        return Ok(None);
    };
    match session.person_id {
        Some(person_id) => Ok(Some((Actor::load(&state.db, person_id).await?, None))),
        None => Ok(Some((None, Some(session.data)))),
    }
}
