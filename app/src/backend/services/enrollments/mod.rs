//! Enrollment: an ASN takes a seat of a published course (or joins its waitlist), the agency
//! lead approves or refuses where the agency asks for approval, the person or their lead gives
//! a place up until the cut-off, and a freed seat goes to the first in line. Agency leads also
//! nominate staff into the seats a collaboration reserved (`nominate`).
//!
//! A seat is taken by one conditional update of its pool inside a write transaction (see
//! `seats`); "full" is a `Conflict`, never a server error.

mod decide;
mod nominate;
mod participants;
mod read;
mod seats;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QuerySelect, Select, TransactionTrait,
};

pub use decide::{approve, cancel, refuse};
pub(crate) use nominate::reserve_for;
pub use nominate::{MAX_NOMINEES, nominate};
pub(crate) use participants::collaboration_cancelled;
pub use participants::collaboration_seats;
pub use read::{approvals, course_seats, own, set_approval_rule};
pub(crate) use seats::set_open_capacity;

use super::notifications;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{course_detail, enrollment, offer, organisation, seat_pool};
use crate::domain::calendar::WIB;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    EnrollmentOutcome, EnrollmentStatus, NotificationEvent, OfferKind, OfferStatus, Role,
};

/// The agency `actor` is staff (ASN) of; enrolling is for civil servants only.
fn staff_agency(actor: &Actor) -> Result<i32, AppError> {
    actor.staff_agency().ok_or(AppError::Forbidden)
}

/// The signed-in ASN asks for a seat of the course `course_slug`. When every seat is taken the
/// answer is `Conflict(CourseFull)`, unless `join_waitlist`: then a place in line.
pub async fn enroll<C>(
    conn: &C,
    actor: &Actor,
    course_slug: &str,
    join_waitlist: bool,
) -> Result<EnrollmentOutcome, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let agency_id = staff_agency(actor)?;
    let txn = db::begin_write(conn).await?;
    let course = enrollable_course(&txn, course_slug).await?;
    // Said before "full": being in already is the more useful answer.
    if has_active(&txn, actor.person_id, course.id).await? {
        return Err(AppError::Conflict(ConflictReason::AlreadyEnrolled));
    }
    let pool = open_pool(&txn, course.id).await?;
    let seated = seats::take_seat(&txn, pool.id).await?
        || (join_waitlist && seats::join_line(&txn, pool.id).await?);
    if !seated && !join_waitlist {
        return Err(AppError::Conflict(ConflictReason::CourseFull));
    }
    // The pool's row is this transaction's now: the same person's other request has committed
    // (or will wait), so this reads it.
    if has_active(&txn, actor.person_id, course.id).await? {
        return Err(AppError::Conflict(ConflictReason::AlreadyEnrolled));
    }
    let agency = organisation::Entity::find_by_id(agency_id).one(&txn).await?;
    let approval = agency.as_ref().is_some_and(|a| a.enrollment_approval);
    let status =
        if seated { EnrollmentStatus::on_seat(approval) } else { EnrollmentStatus::Waitlisted };
    let now = Utc::now();
    let created = enrollment::Entity::insert(enrollment::ActiveModel {
        pool_id: Set(pool.id),
        offer_id: Set(course.id),
        person_id: Set(actor.person_id),
        agency_id: Set(agency_id),
        status: Set(status.as_db().to_owned()),
        nominated_by: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        note: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&txn)
    .await
    .map_err(|e| already_enrolled(e.into()))?;
    let enrollment_id = created.last_insert_id;
    if status == EnrollmentStatus::Pending {
        let leads = notifications::members_with_role(&txn, agency_id, Role::AgencyLead).await?;
        let event = NotificationEvent::EnrollmentAwaitsApproval {
            course: course.title.clone(),
            person: actor.full_name.clone(),
        };
        notifications::notify(&txn, &leads, &event, &course_link(&course.slug)).await?;
    }
    let outcome = if seated {
        EnrollmentOutcome::Seated { enrollment_id, status }
    } else {
        let position = seats::line_position(&txn, pool.id, enrollment_id).await?;
        EnrollmentOutcome::Waitlisted { enrollment_id, position }
    };
    txn.commit().await?;
    Ok(outcome)
}

/// A published course whose enrollment period includes today (WIB).
async fn enrollable_course<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<offer::Model, AppError> {
    let course = offer::Entity::find()
        .filter(offer::Column::Slug.eq(slug))
        .filter(offer::Column::Kind.eq(OfferKind::Course.as_db()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if course.status == OfferStatus::Draft.as_db() {
        return Err(AppError::NotFound);
    }
    let details =
        course_detail::Entity::find_by_id(course.id).one(conn).await?.ok_or(AppError::NotFound)?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    let open = course.status == OfferStatus::Published.as_db()
        && (details.enrollment_opens_on..=details.enrollment_closes_on).contains(&today);
    if open { Ok(course) } else { Err(AppError::Conflict(ConflictReason::EnrollmentClosed)) }
}

/// The course's open pool (every course has one from its first save).
async fn open_pool<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<seat_pool::Model, AppError> {
    seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(offer_id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("course {offer_id} has no seat pool")))
}

/// The course's active places (pending, enrolled, waitlisted); at most one per person.
fn active_in(offer_id: i32) -> Select<enrollment::Entity> {
    enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(offer_id))
        .filter(enrollment::Column::Status.is_in(EnrollmentStatus::ACTIVE.map(|s| s.as_db())))
}

/// Whether the person has an active enrollment in the course.
async fn has_active<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    offer_id: i32,
) -> Result<bool, AppError> {
    let found: Option<i32> = active_in(offer_id)
        .select_only()
        .column(enrollment::Column::Id)
        .filter(enrollment::Column::PersonId.eq(person_id))
        .into_tuple()
        .one(conn)
        .await?;
    Ok(found.is_some())
}

/// The unique index on active enrollments, as the user's conflict.
fn already_enrolled(error: AppError) -> AppError {
    match error {
        AppError::Conflict(ConflictReason::AlreadyExists { field }) if field == "enrollment" => {
            AppError::Conflict(ConflictReason::AlreadyEnrolled)
        }
        other => other,
    }
}

/// The course's slug and title.
async fn course_title<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<(String, String), AppError> {
    let found = offer::Entity::find_by_id(offer_id).one(conn).await?.ok_or(AppError::NotFound)?;
    Ok((found.slug, found.title))
}

/// The public page of the course `slug`.
fn course_link(slug: &str) -> String {
    format!("/katalog/kursus/{slug}")
}
