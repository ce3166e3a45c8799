//! The sessions of an active mentorship: one of the pair logs a session, the other confirms it
//! (only confirmed sessions count); the mentor completes the mentorship, which credits the
//! confirmed time as JP to the mentee by the `mentoring` row of the conversion table and to the
//! mentor by the `mentoring-mentor` row (nothing when that row credits 0), in the same write
//! transaction as the status change, so it is credited once or not at all.

use chrono::{Datelike, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::requests::{link, name_of};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    competency, jp_entry, learning_form, mentoring_session, mentorship,
};
use crate::backend::services::learning_forms::basis_of;
use crate::backend::services::notifications;
use crate::domain::calendar::WIB;
use crate::domain::mentoring::{MINUTES_PER_JP, credit, programme_jp};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    JpEntryStatus, JpSource, MentoringSessionDraft, MentorshipStatus, NotificationEvent,
};

/// The conversion table's rows for the mentee and for the mentor.
const MENTEE_ROW: &str = "mentoring";
const MENTOR_ROW: &str = "mentoring-mentor";

/// Mentorship `id` if the actor is one of its pair and it is active.
async fn active_of<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i32,
) -> Result<mentorship::Model, AppError> {
    let found = mentorship::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    if found.mentor_id != actor.person_id && found.mentee_id != actor.person_id {
        return Err(AppError::NotFound);
    }
    if found.status != MentorshipStatus::Active.as_db() {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(found)
}

/// One of the pair logs a session of active mentorship `id`; the other is asked to confirm it.
pub async fn log_session<C>(
    conn: &C,
    actor: &Actor,
    id: i32,
    draft: &MentoringSessionDraft,
) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let today = Utc::now().with_timezone(&WIB).date_naive();
    draft.validate(today).map_err(AppError::Invalid)?;
    let found = active_of(conn, actor, id).await?;
    let other = if found.mentor_id == actor.person_id { found.mentee_id } else { found.mentor_id };
    let txn = db::begin_write(conn).await?;
    let logged = mentoring_session::Entity::insert(mentoring_session::ActiveModel {
        mentorship_id: Set(id),
        held_on: Set(draft.held_on),
        minutes: Set(draft.minutes),
        topic: Set(draft.topic.clone()),
        logged_by: Set(actor.person_id),
        confirmed_by: Set(None),
        confirmed_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    let event = NotificationEvent::MentoringSessionLogged {
        by: actor.full_name.clone(),
        competency: competency_name(&txn, found.competency_id).await?,
    };
    notifications::notify(&txn, &[other], &event, &link(id)).await?;
    txn.commit().await?;
    Ok(logged)
}

/// The other one of the pair confirms session `session_id` (once; never their own).
pub async fn confirm_session<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    session_id: i32,
) -> Result<(), AppError> {
    let session = mentoring_session::Entity::find_by_id(session_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    active_of(conn, actor, session.mentorship_id).await?;
    if session.logged_by == actor.person_id {
        return Err(AppError::Forbidden);
    }
    let confirmed = mentoring_session::Entity::update_many()
        .col_expr(mentoring_session::Column::ConfirmedBy, Some(actor.person_id).into())
        .col_expr(mentoring_session::Column::ConfirmedAt, Some(Utc::now()).into())
        .filter(mentoring_session::Column::Id.eq(session_id))
        .filter(mentoring_session::Column::ConfirmedBy.is_null())
        .exec(conn)
        .await?;
    if confirmed.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(())
}

/// The mentor completes active mentorship `id`: it needs at least one lesson hour of confirmed
/// sessions; the JP it credits to the mentee.
pub async fn complete_mentorship<C>(conn: &C, actor: &Actor, id: i32) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let found = active_of(conn, actor, id).await?;
    if found.mentor_id != actor.person_id {
        return Err(AppError::Forbidden);
    }
    let txn = db::begin_write(conn).await?;
    let now = Utc::now();
    let moved = mentorship::Entity::update_many()
        .col_expr(mentorship::Column::Status, MentorshipStatus::Completed.as_db().into())
        .col_expr(mentorship::Column::CompletedAt, Some(now).into())
        .filter(mentorship::Column::Id.eq(id))
        .filter(mentorship::Column::Status.eq(MentorshipStatus::Active.as_db()))
        .exec(&txn)
        .await?;
    if moved.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    // Read inside the transaction: a confirmation racing the completion is either in or after.
    let sessions = mentoring_session::Entity::find()
        .filter(mentoring_session::Column::MentorshipId.eq(id))
        .filter(mentoring_session::Column::ConfirmedBy.is_not_null())
        .all(&txn)
        .await?;
    let minutes: u32 = sessions.iter().map(|s| u32::try_from(s.minutes).unwrap_or(0)).sum();
    if minutes < MINUTES_PER_JP {
        return Err(AppError::Conflict(ConflictReason::NoConfirmedSessions));
    }
    let first = sessions.iter().map(|s| s.held_on).min().unwrap_or(found.starts_on);
    let last = sessions.iter().map(|s| s.held_on).max().unwrap_or(first);
    let competency = competency_name(&txn, found.competency_id).await?;
    let title = format!("Mentoring: {competency}");
    let line = |person_id: i32, form: &learning_form::Model, jp: u32, organiser: String| {
        jp_entry::ActiveModel {
            person_id: Set(person_id),
            agency_id: Set(found.agency_id),
            year: Set(last.year()),
            source: Set(JpSource::Mentoring.as_db().to_owned()),
            certificate_id: Set(None),
            learning_form_id: Set(form.id),
            title: Set(title.chars().take(200).collect()),
            organiser: Set(organiser.chars().take(200).collect()),
            international: Set(false),
            started_on: Set(first),
            ended_on: Set(last),
            programme_jp: Set(i32::try_from(programme_jp(minutes)).unwrap_or(i32::MAX)),
            jp: Set(i32::try_from(jp).unwrap_or(i32::MAX)),
            status: Set(JpEntryStatus::Credited.as_db().to_owned()),
            evidence: Set(link(id)),
            decided_by: Set(Some(actor.person_id)),
            decided_at: Set(Some(now)),
            note: Set(String::new()),
            created_at: Set(now),
            ..Default::default()
        }
    };
    let mentee_name = name_of(&txn, found.mentee_id).await?;
    let mut credited = Vec::new();
    for (code, person_id, organiser) in [
        (MENTEE_ROW, found.mentee_id, format!("Mentor: {}", actor.full_name)),
        (MENTOR_ROW, found.mentor_id, format!("Mentee: {mentee_name}")),
    ] {
        let Some(form) = learning_form::Entity::find()
            .filter(learning_form::Column::Code.eq(code))
            .one(&txn)
            .await?
        else {
            continue;
        };
        let basis = basis_of(&form)
            .ok_or_else(|| AppError::internal(format!("JP basis {}", form.basis)))?;
        let jp = credit(basis, minutes);
        if jp > 0 {
            jp_entry::Entity::insert(line(person_id, &form, jp, organiser))
                .exec_without_returning(&txn)
                .await?;
        }
        credited.push((person_id, i32::try_from(jp).unwrap_or(i32::MAX)));
    }
    for (person_id, jp) in &credited {
        let event =
            NotificationEvent::MentorshipCompleted { competency: competency.clone(), jp: *jp };
        notifications::notify(&txn, &[*person_id], &event, &link(id)).await?;
    }
    txn.commit().await?;
    Ok(credited.iter().find(|(p, _)| *p == found.mentee_id).map(|(_, jp)| *jp).unwrap_or(0))
}

async fn competency_name<C: ConnectionTrait>(conn: &C, id: i32) -> Result<String, AppError> {
    Ok(competency::Entity::find_by_id(id).one(conn).await?.map(|c| c.name_id).unwrap_or_default())
}
