//! `AppState`: what every request handler and server function may reach (database, config).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::Config;
use super::auth::external::LoginProviders;
use crate::error::AppError;

/// Shared, cheaply cloned state of the running server.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub leptos_options: LeptosOptions,
    /// The configured external login providers (none: local accounts only).
    pub login: Arc<LoginProviders>,
}

impl AppState {
    /// The state provided to the current request (server functions and pages).
    pub fn current() -> Result<Self, AppError> {
        leptos::prelude::use_context::<Self>()
            .ok_or_else(|| AppError::internal("AppState missing from the request context"))
    }
}
