//! A junior asks a mentor, with the plan they propose; the mentor agrees (the mentorship is
//! active) or declines; either may call it off before it completes. The mentor's places are
//! counted inside a write transaction that first writes the mentor's offer row, so two requests
//! at once never take more places than the mentor offered.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::{competency_of, places_held};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{mentor_offer, mentorship, person};
use crate::backend::services::assessments::current_level;
use crate::backend::services::notifications;
use crate::domain::calendar::WIB;
use crate::domain::mentoring::may_mentor;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, MentorshipRequest, MentorshipStatus, NotificationEvent, ValidationCode,
};

/// The page of a mentorship (where notifications link).
pub(super) fn link(id: i32) -> String {
    format!("/mentoring/{id}")
}

/// The name of `person_id` (for notifications).
pub(super) async fn name_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<String, AppError> {
    Ok(person::Entity::find_by_id(person_id)
        .one(conn)
        .await?
        .map(|p| p.full_name)
        .unwrap_or_default())
}

/// The signed-in civil servant asks `request.mentor` to mentor them: its id. The mentor must
/// have an active offer for the competency, still be at the mentoring level and have a free
/// place; one open request or mentoring per competency (`AlreadyExists` on `competency`).
pub async fn request_mentor<C>(
    conn: &C,
    actor: &Actor,
    request: &MentorshipRequest,
) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let agency_id = actor.staff_agency().ok_or(AppError::Forbidden)?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    request.validate(today).map_err(AppError::Invalid)?;
    let competency = competency_of(conn, &request.competency, "competency").await?;
    let unknown_mentor =
        || AppError::Invalid(vec![FieldError::new("mentor", ValidationCode::UnknownChoice)]);
    if request.mentor == actor.person_id {
        return Err(unknown_mentor());
    }
    let offered = mentor_offer::Entity::find_by_id((request.mentor, competency.id))
        .one(conn)
        .await?
        .filter(|o| o.active)
        .ok_or_else(unknown_mentor)?;
    if !may_mentor(current_level(conn, request.mentor, competency.id).await?) {
        return Err(unknown_mentor());
    }
    let txn = db::begin_write(conn).await?;
    // Written first, so that concurrent requests to this mentor queue on the row (PostgreSQL).
    mentor_offer::Entity::update_many()
        .col_expr(mentor_offer::Column::Capacity, Expr::col(mentor_offer::Column::Capacity))
        .filter(mentor_offer::Column::PersonId.eq(offered.person_id))
        .filter(mentor_offer::Column::CompetencyId.eq(competency.id))
        .exec(&txn)
        .await?;
    if places_held(&txn, request.mentor, competency.id).await? >= i32::from(offered.capacity) {
        return Err(AppError::Conflict(ConflictReason::MentorFull));
    }
    let created = mentorship::Entity::insert(mentorship::ActiveModel {
        mentor_id: Set(request.mentor),
        mentee_id: Set(actor.person_id),
        competency_id: Set(competency.id),
        agency_id: Set(agency_id),
        goal_level: Set(request.goal_level),
        starts_on: Set(request.starts_on),
        ends_on: Set(request.ends_on),
        status: Set(MentorshipStatus::Requested.as_db().to_owned()),
        request_note: Set(request.note.clone()),
        answer_note: Set(String::new()),
        created_at: Set(Utc::now()),
        answered_at: Set(None),
        completed_at: Set(None),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    let event = NotificationEvent::MentorshipRequested {
        mentee: actor.full_name.clone(),
        competency: competency.name_id.clone(),
    };
    notifications::notify(&txn, &[request.mentor], &event, &link(created)).await?;
    txn.commit().await?;
    Ok(created)
}

/// The mentor agrees to the plan of request `id` (it becomes active) or declines it with a
/// `note` (required then). Only the mentor, only while it is requested.
pub async fn answer_request<C>(
    conn: &C,
    actor: &Actor,
    id: i32,
    accept: bool,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let found = mentorship::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    if found.mentor_id != actor.person_id {
        return Err(AppError::NotFound);
    }
    let note = note.trim();
    if !accept && note.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new("note", ValidationCode::Required)]));
    }
    if note.chars().count() > crate::model::MAX_MENTORING_NOTE as usize {
        let long = ValidationCode::TooLong { max: crate::model::MAX_MENTORING_NOTE };
        return Err(AppError::Invalid(vec![FieldError::new("note", long)]));
    }
    let to = if accept { MentorshipStatus::Active } else { MentorshipStatus::Declined };
    let txn = db::begin_write(conn).await?;
    let moved = mentorship::Entity::update_many()
        .col_expr(mentorship::Column::Status, to.as_db().into())
        .col_expr(mentorship::Column::AnswerNote, note.into())
        .col_expr(mentorship::Column::AnsweredAt, Some(Utc::now()).into())
        .filter(mentorship::Column::Id.eq(id))
        .filter(mentorship::Column::Status.eq(MentorshipStatus::Requested.as_db()))
        .exec(&txn)
        .await?;
    if moved.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    let competency = crate::backend::entities::competency::Entity::find_by_id(found.competency_id)
        .one(&txn)
        .await?
        .map(|c| c.name_id)
        .unwrap_or_default();
    let event = NotificationEvent::MentorshipAnswered {
        mentor: actor.full_name.clone(),
        competency,
        accepted: accept,
        note: note.to_owned(),
    };
    notifications::notify(&txn, &[found.mentee_id], &event, &link(id)).await?;
    txn.commit().await?;
    Ok(())
}

/// Either of the pair calls off mentorship `id` while it is requested or active (nothing is
/// credited; its place is freed).
pub async fn cancel_mentorship<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i32,
) -> Result<(), AppError> {
    let found = mentorship::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    if found.mentor_id != actor.person_id && found.mentee_id != actor.person_id {
        return Err(AppError::NotFound);
    }
    let open = [MentorshipStatus::Requested.as_db(), MentorshipStatus::Active.as_db()];
    let moved = mentorship::Entity::update_many()
        .col_expr(mentorship::Column::Status, MentorshipStatus::Cancelled.as_db().into())
        .filter(mentorship::Column::Id.eq(id))
        .filter(mentorship::Column::Status.is_in(open))
        .exec(conn)
        .await?;
    if moved.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(())
}
