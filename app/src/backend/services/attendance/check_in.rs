//! Checking in with a code: the academic opens a session's code for a window (from now, for
//! `CHECK_IN_MINUTES`), and an enrolled participant who types it inside the window is marked
//! present. The code is random, short enough to read out in a room, and not guessable in the
//! time it is open.

use chrono::{Duration, Utc};
use rand::Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    TransactionTrait, sea_query::OnConflict,
};

use super::taught_course;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{attendance, check_in_code, course_session, enrollment, offer};
use crate::error::AppError;
use crate::model::{
    CHECK_IN_MINUTES, CheckInView, EnrollmentStatus, FieldError, ValidationCode, same_code,
};

/// Letters and digits that cannot be mistaken for one another when read aloud or written down.
const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH: usize = 6;

/// Opens (or renews) the check-in code of the session `session_id` of the course `slug`.
pub async fn open_check_in<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    session_id: i32,
) -> Result<CheckInView, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let course = taught_course(&txn, actor, slug).await?;
    course_session::Entity::find_by_id(session_id)
        .one(&txn)
        .await?
        .filter(|s| s.offer_id == course.id)
        .ok_or(AppError::NotFound)?;
    let code: String = {
        let mut rng = rand::rng();
        (0..CODE_LENGTH)
            .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
            .collect()
    };
    let now = Utc::now();
    let row = check_in_code::ActiveModel {
        session_id: Set(session_id),
        code: Set(code.clone()),
        opens_at: Set(now),
        closes_at: Set(now + Duration::minutes(CHECK_IN_MINUTES)),
        created_by: Set(actor.person_id),
    };
    check_in_code::Entity::insert(row)
        .on_conflict(
            OnConflict::column(check_in_code::Column::SessionId)
                .update_columns([
                    check_in_code::Column::Code,
                    check_in_code::Column::OpensAt,
                    check_in_code::Column::ClosesAt,
                    check_in_code::Column::CreatedBy,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    txn.commit().await?;
    Ok(CheckInView { code, opens_at: now, closes_at: now + Duration::minutes(CHECK_IN_MINUTES) })
}

/// The signed-in participant checks in to the session of the course `slug` whose open code is
/// `code`. A wrong or closed code is a field error; checking in twice changes nothing.
pub async fn check_in<C>(conn: &C, actor: &Actor, slug: &str, code: &str) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let wrong = || AppError::Invalid(vec![FieldError::new("code", ValidationCode::WrongCode)]);
    let txn = db::begin_write(conn).await?;
    let course = offer::Entity::find()
        .filter(offer::Column::Slug.eq(slug))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let place = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::PersonId.eq(actor.person_id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Enrolled.as_db()))
        .one(&txn)
        .await?
        .ok_or(AppError::Forbidden)?;
    let sessions: Vec<i32> = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    let now = Utc::now();
    let open = check_in_code::Entity::find()
        .filter(check_in_code::Column::SessionId.is_in(sessions))
        .filter(check_in_code::Column::OpensAt.lte(now))
        .filter(check_in_code::Column::ClosesAt.gt(now))
        .all(&txn)
        .await?;
    let session = open.iter().find(|c| same_code(code, &c.code)).ok_or_else(wrong)?.session_id;
    attendance::Entity::insert(attendance::ActiveModel {
        session_id: Set(session),
        enrollment_id: Set(place.id),
        method: Set("code".to_owned()),
        recorded_by: Set(actor.person_id),
        recorded_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([attendance::Column::SessionId, attendance::Column::EnrollmentId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}
