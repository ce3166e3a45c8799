//! The agency's decision on a proposal. Accepting creates the collaboration, declines every
//! other waiting proposal (with an empty note: "another proposal was accepted"), marks the need
//! matched and tells every university concerned — all in one transaction, with the need's row
//! locked, so that of two leads accepting at once one wins and the other is told the need is no
//! longer open.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, TransactionTrait,
};

use super::university_side;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{collaboration, need, organisation, proposal};
use crate::backend::services::{enrollments, needs, notifications};
use crate::backend::write_txn::WriteTxn;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    Checks, CollaborationStatus, MAX_DECISION_NOTE, NeedStatus, NotificationEvent, ProposalStatus,
};

/// Accepts the waiting proposal `proposal_id` (a lead of the need's agency); the new
/// collaboration's id.
pub async fn accept<C>(conn: &C, actor: &Actor, proposal_id: i32) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let (found, need) = for_decision(&txn, actor, proposal_id).await?;
    let now = Utc::now();
    decide(&txn, actor, &found, ProposalStatus::Accepted, "").await?;
    // The others waiting on the need: declined, the empty note saying another was accepted.
    decline_waiting(&txn, actor.person_id, &need, "").await?;
    let created = collaboration::ActiveModel {
        need_id: Set(need.id),
        proposal_id: Set(found.id),
        offer_id: Set(found.offer_id),
        university_id: Set(found.university_id),
        agency_id: Set(need.agency_id),
        reserved_seats: Set(found.seats),
        price_rupiah: Set(found.price_rupiah),
        starts_on: Set(found.starts_on),
        ends_on: Set(found.ends_on),
        outputs: Set(found.outputs.clone()),
        status: Set(CollaborationStatus::Agreed.as_db().to_owned()),
        agency_contact_id: Set(actor.person_id),
        university_contact_id: Set(found.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    enrollments::reserve_for(&txn, &created).await?;
    needs::mark_matched(&txn, need.id, actor.person_id).await?;
    let accepted = NotificationEvent::ProposalAccepted {
        need: need.title.clone(),
        agency: agency_name(&txn, &need).await?,
    };
    let page = format!("/kolaborasi/{}", created.id);
    notifications::notify(&txn, &university_side(&txn, &found).await?, &accepted, &page).await?;
    txn.commit().await?;
    Ok(created.id)
}

/// How many proposals wait on the need `need_id`.
pub(crate) async fn waiting_on<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
) -> Result<u64, AppError> {
    Ok(proposal::Entity::find()
        .filter(proposal::Column::NeedId.eq(need_id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .count(conn)
        .await?)
}

/// Declines every proposal still waiting on `need`, decided by `person_id` with `note` (empty:
/// another proposal was accepted), and tells each university; inside the caller's transaction,
/// which holds the need.
pub(crate) async fn decline_waiting<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    need: &need::Model,
    note: &str,
) -> Result<(), AppError> {
    let waiting = proposal::Entity::find()
        .filter(proposal::Column::NeedId.eq(need.id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .all(conn)
        .await?;
    if waiting.is_empty() {
        return Ok(());
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, ProposalStatus::Declined.as_db().into())
        .col_expr(proposal::Column::DecisionNote, note.into())
        .col_expr(proposal::Column::DecidedBy, Some(person_id).into())
        .col_expr(proposal::Column::DecidedAt, Some(Utc::now()).into())
        .filter(proposal::Column::Id.is_in(waiting.iter().map(|p| p.id)))
        .exec(conn)
        .await?;
    let event = NotificationEvent::ProposalDeclined {
        need: need.title.clone(),
        agency: agency_name(conn, need).await?,
        note: note.to_owned(),
    };
    let link = format!("/kebutuhan/{}", need.slug);
    for declined in &waiting {
        notifications::notify(conn, &university_side(conn, declined).await?, &event, &link).await?;
    }
    Ok(())
}

/// Declines the waiting proposal `proposal_id` (a lead of the need's agency), saying why.
pub async fn decline<C>(
    conn: &C,
    actor: &Actor,
    proposal_id: i32,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let note = note.trim();
    let mut checks = Checks::default();
    checks.text("note", note, true, MAX_DECISION_NOTE);
    checks.finish().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let (found, need) = for_decision(&txn, actor, proposal_id).await?;
    decide(&txn, actor, &found, ProposalStatus::Declined, note).await?;
    let event = NotificationEvent::ProposalDeclined {
        need: need.title.clone(),
        agency: agency_name(&txn, &need).await?,
        note: note.to_owned(),
    };
    let link = format!("/kebutuhan/{}", need.slug);
    notifications::notify(&txn, &university_side(&txn, &found).await?, &event, &link).await?;
    txn.commit().await?;
    Ok(())
}

/// The proposal and its need, the need's row locked, if `actor` leads the need's agency, the
/// need is open and the proposal waiting.
async fn for_decision(
    txn: &WriteTxn,
    actor: &Actor,
    proposal_id: i32,
) -> Result<(proposal::Model, need::Model), AppError> {
    let found =
        proposal::Entity::find_by_id(proposal_id).one(txn).await?.ok_or(AppError::NotFound)?;
    let need = need::Entity::find_by_id(found.need_id)
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !needs::manages(actor, &need) {
        return Err(needs::refusal(txn, actor, &need).await?);
    }
    if needs::status_of(&need)? != NeedStatus::Open {
        return Err(AppError::Conflict(ConflictReason::NeedNotOpen));
    }
    if ProposalStatus::from_db(&found.status) != Some(ProposalStatus::Submitted) {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok((found, need))
}

/// The name of the need's agency.
async fn agency_name<C: ConnectionTrait>(conn: &C, need: &need::Model) -> Result<String, AppError> {
    Ok(organisation::Entity::find_by_id(need.agency_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?
        .name)
}

/// Moves the waiting proposal to `to`, conditionally on it still waiting.
async fn decide(
    txn: &WriteTxn,
    actor: &Actor,
    found: &proposal::Model,
    to: ProposalStatus,
    note: &str,
) -> Result<(), AppError> {
    let moved = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, to.as_db().into())
        .col_expr(proposal::Column::DecisionNote, note.into())
        .col_expr(proposal::Column::DecidedBy, Some(actor.person_id).into())
        .col_expr(proposal::Column::DecidedAt, Some(Utc::now()).into())
        .filter(proposal::Column::Id.eq(found.id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .exec(txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(())
}
