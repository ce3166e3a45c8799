//! Nomination: an agency lead places staff in the seats a collaboration reserved for the agency
//! on a course. All the people named get a seat, or none do ("nothing half-saved"): the seats are
//! taken with one conditional update for the whole group.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};

use super::{active_in, course_link, seats};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{collaboration, course_detail, enrollment, membership, seat_pool};
use crate::backend::services::notifications;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    CollaborationStatus, EnrollmentStatus, FieldError, NotificationEvent, Role, ValidationCode,
};

/// The most people one nomination names (a collaboration reserves at most this many seats).
pub const MAX_NOMINEES: usize = 500;

/// Opens the pool of seats the new collaboration reserved, when it is on a course and reserved
/// seats; inside the acceptance's transaction.
pub(crate) async fn reserve_for<C: ConnectionTrait>(
    conn: &C,
    collaboration: &collaboration::Model,
) -> Result<(), AppError> {
    let (Some(offer_id), Some(seats)) = (collaboration.offer_id, collaboration.reserved_seats)
    else {
        return Ok(());
    };
    if course_detail::Entity::find_by_id(offer_id).one(conn).await?.is_none() {
        return Ok(());
    }
    seat_pool::Entity::insert(seat_pool::ActiveModel {
        offer_id: Set(offer_id),
        collaboration_id: Set(Some(collaboration.id)),
        capacity: Set(seats),
        taken: Set(0),
        waiting: Set(0),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(())
}

/// The agency lead nominates `people` (person ids, their own staff) into the seats of the
/// collaboration `collaboration_id`. Each gets an enrollment, already approved, and is told.
pub async fn nominate<C>(
    conn: &C,
    actor: &Actor,
    collaboration_id: i32,
    people: &[i32],
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let unique: HashSet<i32> = people.iter().copied().collect();
    if people.is_empty() || unique.len() != people.len() || people.len() > MAX_NOMINEES {
        let code = if people.is_empty() {
            ValidationCode::Required
        } else if people.len() > MAX_NOMINEES {
            ValidationCode::TooMany { max: MAX_NOMINEES as u32 }
        } else {
            ValidationCode::DuplicateEntry
        };
        return Err(AppError::Invalid(vec![FieldError::new("people", code)]));
    }
    let txn = db::begin_write(conn).await?;
    let found = collaboration::Entity::find_by_id(collaboration_id)
        .one(&txn)
        .await?
        .filter(|c| actor.has_role_in(Role::AgencyLead, c.agency_id))
        .ok_or(AppError::NotFound)?;
    let live = [CollaborationStatus::Agreed.as_db(), CollaborationStatus::Running.as_db()];
    if !live.contains(&found.status.as_str()) {
        return Err(AppError::Conflict(ConflictReason::EnrollmentClosed));
    }
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::CollaborationId.eq(found.id))
        .one(&txn)
        .await?
        .ok_or(AppError::Conflict(ConflictReason::EnrollmentClosed))?;
    let count = i32::try_from(people.len()).unwrap_or(i32::MAX);
    if !seats::take_seats(&txn, pool.id, count).await? {
        let now = seats::lock(&txn, pool.id).await?;
        let free = u32::try_from(now.capacity - now.taken).unwrap_or(0);
        return Err(AppError::Conflict(ConflictReason::NotEnoughSeats { free }));
    }
    check_people(&txn, found.agency_id, pool.offer_id, people).await?;
    let now = Utc::now();
    enrollment::Entity::insert_many(people.iter().map(|&person_id| enrollment::ActiveModel {
        pool_id: Set(pool.id),
        offer_id: Set(pool.offer_id),
        person_id: Set(person_id),
        agency_id: Set(found.agency_id),
        status: Set(EnrollmentStatus::Enrolled.as_db().to_owned()),
        nominated_by: Set(Some(actor.person_id)),
        decided_by: Set(Some(actor.person_id)),
        decided_at: Set(Some(now)),
        note: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }))
    .exec(&txn)
    .await
    .map_err(|e| super::already_enrolled(e.into()))?;
    let (slug, course) = super::course_title(&txn, pool.offer_id).await?;
    let event = NotificationEvent::Nominated { course, by: actor.full_name.clone() };
    notifications::notify(&txn, people, &event, &course_link(&slug)).await?;
    txn.commit().await?;
    Ok(())
}

/// Every nominee is ASN of the agency and not already in the course; else a field error each
/// (`person_<id>`).
async fn check_people<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    offer_id: i32,
    people: &[i32],
) -> Result<(), AppError> {
    let staff: HashSet<i32> = membership::Entity::find()
        .select_only()
        .column(membership::Column::PersonId)
        .filter(membership::Column::OrganisationId.eq(agency_id))
        .filter(membership::Column::Role.eq(Role::Asn.as_db()))
        .filter(membership::Column::PersonId.is_in(people.iter().copied()))
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let enrolled: HashSet<i32> = active_in(offer_id)
        .select_only()
        .column(enrollment::Column::PersonId)
        .filter(enrollment::Column::PersonId.is_in(people.iter().copied()))
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let errors: Vec<FieldError> = people
        .iter()
        .filter_map(|id| {
            let field = format!("person_{id}");
            if !staff.contains(id) {
                Some(FieldError::new(field, ValidationCode::NotStaff))
            } else if enrolled.contains(id) {
                Some(FieldError::new(field, ValidationCode::AlreadyEnrolled))
            } else {
                None
            }
        })
        .collect();
    if errors.is_empty() { Ok(()) } else { Err(AppError::Invalid(errors)) }
}
