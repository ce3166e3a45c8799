//! Deciding on a place: the agency lead approves or refuses a pending enrollment of their staff,
//! and the person (or their lead) gives a place up until the cut-off. A refused or given-up seat
//! goes to the first in line, in the same transaction.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseTransaction, EntityTrait, TransactionTrait,
};

use super::{course_link, seats};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{course_detail, enrollment, offer};
use crate::backend::services::notifications;
use crate::domain::calendar::WIB;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    Checks, EnrollmentStatus, MAX_ENROLLMENT_NOTE, NotificationEvent, Role, may_cancel_enrollment,
};

/// The agency lead approves the pending enrollment `enrollment_id` of one of their staff.
pub async fn approve<C>(conn: &C, actor: &Actor, enrollment_id: i32) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    decide(conn, actor, enrollment_id, None).await
}

/// The agency lead refuses the pending enrollment `enrollment_id`, saying why; its seat goes to
/// the first in line.
pub async fn refuse<C>(
    conn: &C,
    actor: &Actor,
    enrollment_id: i32,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    decide(conn, actor, enrollment_id, Some(note)).await
}

/// The reason given, checked: required where `required`, never longer than the column.
fn checked_note(note: &str, required: bool) -> Result<String, AppError> {
    let mut checks = Checks::default();
    checks.text("note", note, required, MAX_ENROLLMENT_NOTE as u32);
    checks.finish().map_err(AppError::Invalid)?;
    Ok(note.trim().to_owned())
}

async fn decide<C>(
    conn: &C,
    actor: &Actor,
    enrollment_id: i32,
    refusal: Option<&str>,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let note = refusal.map(|n| checked_note(n, true)).transpose()?;
    let txn = db::begin_write(conn).await?;
    let (found, pool) = locked(&txn, enrollment_id).await?;
    if !actor.has_role_in(Role::AgencyLead, found.agency_id) {
        return Err(AppError::NotFound);
    }
    if found.status != EnrollmentStatus::Pending.as_db() {
        return Err(AppError::Conflict(ConflictReason::EnrollmentFinal));
    }
    let to = if note.is_some() { EnrollmentStatus::Refused } else { EnrollmentStatus::Enrolled };
    record(&txn, &found, to, actor, note.clone().unwrap_or_default()).await?;
    if to == EnrollmentStatus::Refused {
        seats::give_back(&txn, &pool, EnrollmentStatus::Pending).await?;
    }
    let (slug, course) = super::course_title(&txn, found.offer_id).await?;
    let event = NotificationEvent::EnrollmentDecided {
        course,
        approved: to == EnrollmentStatus::Enrolled,
        note: note.unwrap_or_default(),
    };
    notifications::notify(&txn, &[found.person_id], &event, &course_link(&slug)).await?;
    txn.commit().await?;
    Ok(())
}

/// Gives up the place `enrollment_id`: the person's own (a reason optional), or a staff
/// member's by their agency lead (a reason required). A held seat may be given up until
/// enrollment closes; a place in line at any time.
pub async fn cancel<C>(
    conn: &C,
    actor: &Actor,
    enrollment_id: i32,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let (found, pool) = locked(&txn, enrollment_id).await?;
    let own = found.person_id == actor.person_id;
    if !own && !actor.has_role_in(Role::AgencyLead, found.agency_id) {
        return Err(AppError::NotFound);
    }
    let note = checked_note(note, !own)?;
    let status = EnrollmentStatus::from_db(&found.status)
        .ok_or_else(|| AppError::internal(format!("enrollment status {}", found.status)))?;
    let closes_on = course_detail::Entity::find_by_id(found.offer_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?
        .enrollment_closes_on;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    if !may_cancel_enrollment(status, today, closes_on) {
        return Err(AppError::Conflict(ConflictReason::EnrollmentFinal));
    }
    record(&txn, &found, EnrollmentStatus::Cancelled, actor, note).await?;
    seats::give_back(&txn, &pool, status).await?;
    txn.commit().await?;
    Ok(())
}

/// Locks the pool of the enrollment `enrollment_id`, then reads the enrollment afresh (another
/// transaction may have moved it while this one waited for the lock).
async fn locked<C: ConnectionTrait>(
    conn: &C,
    enrollment_id: i32,
) -> Result<(enrollment::Model, crate::backend::entities::seat_pool::Model), AppError> {
    let first =
        enrollment::Entity::find_by_id(enrollment_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let pool = seats::lock(conn, first.pool_id).await?;
    let found =
        enrollment::Entity::find_by_id(enrollment_id).one(conn).await?.ok_or(AppError::NotFound)?;
    // Only a course that is still offered has places to decide on.
    offer::Entity::find_by_id(found.offer_id).one(conn).await?.ok_or(AppError::NotFound)?;
    Ok((found, pool))
}

async fn record<C: ConnectionTrait>(
    conn: &C,
    found: &enrollment::Model,
    to: EnrollmentStatus,
    actor: &Actor,
    note: String,
) -> Result<(), AppError> {
    let now = Utc::now();
    enrollment::Entity::update(enrollment::ActiveModel {
        id: Set(found.id),
        status: Set(to.as_db().to_owned()),
        decided_by: Set(Some(actor.person_id)),
        decided_at: Set(Some(now)),
        note: Set(note),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(())
}
