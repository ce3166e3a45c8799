//! Server functions of collaborations: a collaboration's page and its parties' moves.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CollaborationDetail, CollaborationStatus};

/// Collaboration `id`, for its parties and the province.
#[server]
pub async fn get_collaboration(id: i32) -> Result<CollaborationDetail, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::collaborations::detail(&state.db, &actor, id).await
    };
    super::report(result.await)
}

/// A party moves collaboration `id` to `status`, with `note` saying why (required to cancel).
#[server]
pub async fn change_collaboration_status(
    id: i32,
    status: CollaborationStatus,
    note: String,
) -> Result<CollaborationStatus, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::collaborations::change_status(
            &state.db, &actor, id, status, &note,
        )
        .await
    };
    super::report(result.await)
}
