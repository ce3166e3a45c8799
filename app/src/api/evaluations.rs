//! Server functions of training evaluation: a participant rates a course they completed, and a
//! supervisor sees and rates the behaviour reviews that fell due.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::PendingReview;

/// The signed-in participant rates the course of their completed enrollment `enrollment`.
#[server]
pub async fn evaluate_course(
    enrollment: i32,
    #[server(default)] level: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft =
            crate::model::EvaluationDraft::parse(&level, &comment).map_err(AppError::Invalid)?;
        crate::backend::services::evaluations::submit_reaction(
            &state.db, &actor, enrollment, &draft,
        )
        .await
    };
    super::report(result.await)
}

/// The behaviour reviews the signed-in supervisor or lead is to rate.
#[server]
pub async fn get_pending_reviews() -> Result<Vec<PendingReview>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::evaluations::pending_reviews(&state.db, &actor).await
    };
    super::report(result.await)
}

/// Rates the behaviour review of `enrollment`.
#[server]
pub async fn rate_behaviour(
    enrollment: i32,
    #[server(default)] level: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft =
            crate::model::EvaluationDraft::parse(&level, &comment).map_err(AppError::Invalid)?;
        crate::backend::services::evaluations::rate_behaviour(&state.db, &actor, enrollment, &draft)
            .await
    };
    super::report(result.await)
}
