//! Server functions of access requests: the visitor with a provider identity but no account
//! asks; an organisation's administrators decide.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AccessRequestForm, PendingAccessRequest, Role};

/// The identity waiting in this browser's pre-login session, or `Unauthenticated`.
#[cfg(feature = "ssr")]
fn waiting_identity() -> Result<crate::backend::auth::external::VerifiedIdentity, AppError> {
    use crate::backend::auth::CurrentSession;
    use crate::backend::auth::external::PreLoginData;
    CurrentSession::of_request()
        .pre_login_data
        .and_then(|data| PreLoginData::parse(&data).identity)
        .ok_or(AppError::Unauthenticated)
}

/// The request-access page: who the provider says the visitor is, and where to ask.
#[server]
pub async fn get_access_request_form() -> Result<AccessRequestForm, AppError> {
    let result = async {
        let identity = waiting_identity()?;
        let state = crate::backend::AppState::current()?;
        crate::backend::services::access_requests::form(&state.db, &identity).await
    };
    super::report(result.await)
}

/// Asks the organisation `slug` for `role`.
#[server]
pub async fn request_access(
    slug: String,
    role: Role,
    full_name: String,
    message: Option<String>,
) -> Result<(), AppError> {
    let result = async {
        let identity = waiting_identity()?;
        let state = crate::backend::AppState::current()?;
        crate::backend::services::access_requests::submit(
            &state.db, &identity, &slug, role, &full_name, message,
        )
        .await
    };
    super::report(result.await)
}

/// Pending requests to an organisation, for its administrators and the province.
#[server]
pub async fn list_access_requests(slug: String) -> Result<Vec<PendingAccessRequest>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::access_requests::pending(&state.db, &actor, &slug).await
    };
    super::report(result.await)
}

/// Approves or refuses a pending request.
#[server]
pub async fn decide_access_request(
    slug: String,
    request_id: i32,
    approve: bool,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::access_requests::decide(
            &state.db, &actor, &slug, request_id, approve,
        )
        .await
    };
    super::report(result.await)
}
