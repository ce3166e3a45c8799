//! Server functions of external login: the providers offered on the sign-in page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::LoginProviderView;

/// Public: the configured login providers, as buttons on `/masuk`.
#[server]
pub async fn list_login_providers() -> Result<Vec<LoginProviderView>, AppError> {
    let state = crate::backend::AppState::current()?;
    Ok(state.login.views())
}
