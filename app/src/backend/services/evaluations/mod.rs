//! Training evaluation: the participant's reaction to a course they completed, the
//! supervisor's review of the behaviour on the job once `BEHAVIOUR_REVIEW_DAYS` have passed
//! (opened and announced by a background task), and the aggregates per course and per
//! university that offers show and the matching engine weighs as a track record.

mod reviews;
mod summary;

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{course_evaluation, enrollment, offer};
use crate::error::{AppError, ConflictReason};
use crate::model::{EnrollmentStatus, EvaluationDraft};

pub use reviews::{open_due_reviews, pending_reviews, rate_behaviour};
pub use summary::{offer_summary, university_summaries};

/// How long after completing a course the supervisor reviews the behaviour on the job: long
/// enough for the learning to meet the work (Kirkpatrick's level 3), short enough to remember.
pub const BEHAVIOUR_REVIEW_DAYS: i64 = 60;

/// The signed-in participant rates the course of their completed enrollment `enrollment_id`,
/// once.
pub async fn submit_reaction<C>(
    conn: &C,
    actor: &Actor,
    enrollment_id: i32,
    draft: &EvaluationDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let place = enrollment::Entity::find_by_id(enrollment_id)
        .one(conn)
        .await?
        .filter(|e| e.person_id == actor.person_id)
        .ok_or(AppError::NotFound)?;
    if EnrollmentStatus::from_db(&place.status) != Some(EnrollmentStatus::Completed) {
        return Err(AppError::Conflict(ConflictReason::NotCompleted));
    }
    let txn = db::begin_write(conn).await?;
    // The unique index on the enrollment refuses a second one (`AlreadyExists`).
    course_evaluation::ActiveModel {
        enrollment_id: Set(place.id),
        offer_id: Set(place.offer_id),
        reaction: Set(draft.level),
        comment: Set(draft.comment.trim().to_owned()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_changed(&txn, place.offer_id).await?;
    txn.commit().await?;
    Ok(())
}

/// The university of course `offer_id` has a new evaluation: its offers are re-scored, as the
/// matching engine weighs its record.
async fn record_changed<C: ConnectionTrait>(conn: &C, offer_id: i32) -> Result<(), AppError> {
    if let Some(course) = offer::Entity::find_by_id(offer_id).one(conn).await? {
        super::matching::university_record_changed(conn, course.university_id).await?;
    }
    Ok(())
}

/// The reactions given for the enrollments `ids`, by enrollment id.
pub async fn reactions_of<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, i16>, AppError> {
    Ok(course_evaluation::Entity::find()
        .select_only()
        .column(course_evaluation::Column::EnrollmentId)
        .column(course_evaluation::Column::Reaction)
        .filter(course_evaluation::Column::EnrollmentId.is_in(ids))
        .into_tuple()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}
