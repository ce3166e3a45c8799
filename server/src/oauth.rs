//! The external login routes. `POST /auth/{provider}/start` (a form on `/masuk`; POST so that it
//! is CSRF-checked and nothing changes on GET) sends the browser to the provider;
//! `GET /auth/{provider}/callback` is where the provider sends it back. Every refusal lands on
//! `/masuk?gagal={code}` with no session left.

use app::backend::AppState;
use app::backend::auth::external::linking::{self, LinkOutcome};
use app::backend::auth::external::{
    ACCESS_REQUEST_WINDOW, CallbackParams, ExternalLoginError, PreLoginData,
};
use app::backend::auth::sessions::{self, SessionPolicy, SessionToken};
use app::backend::auth::{CurrentSession, cookie};
use app::model::LoginFailure;
use axum::Router;
use axum::extract::{Extension, Form, Path, Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;

/// The two routes, for the main router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/{provider}/start", post(start))
        .route("/auth/{provider}/callback", get(callback))
}

/// The sign-in page's provider button.
#[derive(Deserialize)]
struct StartForm {
    /// The local page to land on after login (default `/`).
    #[serde(default)]
    return_to: Option<String>,
}

async fn start(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    Extension(current): Extension<CurrentSession>,
    Form(form): Form<StartForm>,
) -> Response {
    let return_to = form.return_to.filter(|r| !r.is_empty()).unwrap_or_else(|| "/".to_owned());
    let now = Utc::now();
    match state.login.begin(&state.db, &provider, &return_to, now).await {
        Ok((token, url)) => {
            // A login starts afresh: whatever session this browser had ends here.
            if let Some(old) = &current.token
                && let Err(error) = sessions::end(&state.db, old).await
            {
                tracing::warn!(?error, "could not end the previous session");
            }
            see_other(&url, Some(session_cookie(&state, &token)))
        }
        Err(error) => refuse(&state, &current, error).await,
    }
}

async fn callback(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    Extension(current): Extension<CurrentSession>,
    Query(params): Query<CallbackParams>,
) -> Response {
    let now = Utc::now();
    let completed =
        state.login.complete(&state.db, &provider, current.token.as_ref(), &params, now).await;
    let (identity, return_to) = match completed {
        Ok(done) => done,
        Err(error) => return refuse(&state, &current, error).await,
    };
    let policy = SessionPolicy::default();
    let outcome = match linking::link_or_request(&state.db, &identity, now).await {
        Ok(outcome) => outcome,
        Err(error) => return refuse(&state, &current, error).await,
    };
    let started = match outcome {
        LinkOutcome::SignedIn { person_id } => {
            tracing::info!(person = person_id, %provider, "signed in with a login provider");
            sessions::start(&state.db, Some(person_id), now, policy)
                .await
                .map(|token| (token, return_to))
        }
        LinkOutcome::NeedsAccess => match PreLoginData::for_identity(identity).to_json() {
            Ok(data) => sessions::start_pre_login(&state.db, data, now, ACCESS_REQUEST_WINDOW)
                .await
                .map(|token| (token, "/minta-akses".to_owned())),
            Err(error) => Err(error),
        },
    };
    match started {
        Ok((token, location)) => see_other(&location, Some(session_cookie(&state, &token))),
        Err(error) => refuse(&state, &current, ExternalLoginError::App(error)).await,
    }
}

/// Back to the sign-in page with the reason; the browser keeps no login session.
async fn refuse(state: &AppState, current: &CurrentSession, error: ExternalLoginError) -> Response {
    let failure = match error {
        ExternalLoginError::Refused(failure) => failure,
        ExternalLoginError::App(error) => {
            tracing::error!(?error, "external login failed on our side");
            LoginFailure::ProviderUnavailable
        }
    };
    tracing::info!(reason = failure.code(), "external login refused");
    // A signed-in person who follows a stale link keeps their session; a login session ends.
    if current.actor.is_none()
        && let Some(token) = &current.token
        && let Err(error) = sessions::end(&state.db, token).await
    {
        tracing::warn!(?error, "could not end the login session");
    }
    let clear = current.actor.is_none().then(|| cookie::clear(state.config.secure_cookies));
    see_other(&format!("/masuk?gagal={}", failure.code()), clear)
}

fn session_cookie(state: &AppState, token: &SessionToken) -> String {
    let max_age = SessionPolicy::default().absolute.num_seconds();
    cookie::set(token.as_str(), max_age, state.config.secure_cookies)
}

/// 303 to `location`, optionally setting a cookie.
fn see_other(location: &str, set_cookie: Option<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, value);
    }
    if let Some(value) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}
