//! Server functions for the portal's public figures.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::PortalCounts;

/// Live counts for the home page; public, no sign-in needed.
#[server]
pub async fn get_portal_counts() -> Result<PortalCounts, AppError> {
    let state = crate::backend::AppState::current()?;
    crate::backend::services::stats::portal_counts(&state.db).await
}
