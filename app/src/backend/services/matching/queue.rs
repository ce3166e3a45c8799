//! The matching queue: what a change to a need, an offer or a university's record puts in line
//! for the background worker (`refresh`). Callers queue inside the transaction of their change,
//! so no change is missed and a rolled-back one queues nothing.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
};

use crate::backend::entities::{matching_queue, offer};
use crate::error::AppError;
use crate::model::OfferStatus;

pub(super) const NEED: &str = "need";
pub(super) const OFFER: &str = "offer";
const ALL: &str = "all";

/// Queues the need `need_id` (call inside the transaction that changed it).
pub async fn need_changed<C: ConnectionTrait>(conn: &C, need_id: i32) -> Result<(), AppError> {
    enqueue(conn, NEED, &[need_id]).await
}

/// Queues the offer `offer_id` (call inside the transaction that changed it).
pub async fn offer_changed<C: ConnectionTrait>(conn: &C, offer_id: i32) -> Result<(), AppError> {
    enqueue(conn, OFFER, &[offer_id]).await
}

/// Queues every published offer of `university_id`: its track record changed (a participant
/// or a supervisor evaluated one of its courses), which every one of its offers is scored by.
pub async fn university_record_changed<C: ConnectionTrait>(
    conn: &C,
    university_id: i32,
) -> Result<(), AppError> {
    let ids: Vec<i32> = offer::Entity::find()
        .select_only()
        .column(offer::Column::Id)
        .filter(offer::Column::UniversityId.eq(university_id))
        .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
        .into_tuple()
        .all(conn)
        .await?;
    enqueue(conn, OFFER, &ids).await
}

/// Queues every open need (the weights changed, or data arrived in bulk).
pub async fn everything_changed<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    enqueue(conn, ALL, &[0]).await
}

pub(super) async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    subject: &str,
    ids: &[i32],
) -> Result<(), AppError> {
    let now = Utc::now();
    for chunk in ids.chunks(500) {
        let rows = chunk.iter().map(|id| matching_queue::ActiveModel {
            subject: Set(subject.to_owned()),
            subject_id: Set(*id),
            queued_at: Set(now),
        });
        matching_queue::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    matching_queue::Column::Subject,
                    matching_queue::Column::SubjectId,
                ])
                .update_column(matching_queue::Column::QueuedAt)
                .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
