//! `/healthz` (the process answers) and `/readyz` (the database answers too).

use app::backend::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use sea_orm::ConnectionTrait;

/// Liveness: 200 as long as the process can answer HTTP.
pub async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: 200 when a database round trip succeeds, 503 otherwise.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let probe = sea_orm::Statement::from_string(state.db.get_database_backend(), "SELECT 1");
    match state.db.query_one_raw(probe).await {
        Ok(_) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness probe failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
