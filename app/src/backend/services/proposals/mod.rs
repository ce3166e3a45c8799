//! Proposals (Issue 5): a verified university answers an open need it may see with one of its
//! published offers as it is, or with a programme tailored for the agency; it may withdraw it
//! while it waits. The agency's leads decide (`decide.rs`): accepting one turns it into a
//! collaboration, declines the others and marks the need matched, in one transaction.
//!
//! A research need is answered with research (outputs, no seats), a competency need with a
//! course (seats, no outputs). One proposal per university waits on a need at a time.

mod decide;
mod read;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};

pub use decide::{accept, decline};
pub(crate) use decide::{decline_waiting, waiting_on};
pub use read::{for_need, proposal_editor};

use super::{needs, notifications, organisations};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{need, offer, organisation, proposal};
use crate::domain::calendar::WIB;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, NeedKind, NeedStatus, NotificationEvent, OfferKind, OfferStatus, ProposalDraft,
    ProposalForm, ProposalStatus, ResearchOutput, Role, ValidationCode,
};

/// Submits `draft` for the need `need_slug` on behalf of the university `university_slug`;
/// the proposal's id.
pub async fn propose<C>(
    conn: &C,
    actor: &Actor,
    need_slug: &str,
    university_slug: &str,
    draft: &ProposalDraft,
) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let university = organisations::find_by_slug(&txn, university_slug).await?;
    Actor::require(organisations::speaks_for_university(actor, &university)?)?;
    organisations::ensure_may_publish(&university)?;
    // Locked: an acceptance committing meanwhile would leave this proposal waiting on a matched
    // need, never declined.
    let found = needs::find_locked(&txn, need_slug).await?;
    if !needs::may_see(&txn, Some(actor), &found).await? {
        return Err(AppError::NotFound);
    }
    if needs::status_of(&found)? != NeedStatus::Open {
        return Err(AppError::Conflict(ConflictReason::NeedNotOpen));
    }
    let offer_id = check_against_need(&txn, &found, university.id, draft).await?;
    let waiting = proposal::Entity::find()
        .filter(proposal::Column::NeedId.eq(found.id))
        .filter(proposal::Column::UniversityId.eq(university.id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .count(&txn)
        .await?;
    if waiting > 0 {
        return Err(AppError::Conflict(ConflictReason::ProposalPending));
    }
    let narrow = |value: i64| i32::try_from(value).map_err(AppError::internal);
    let created = proposal::ActiveModel {
        need_id: Set(found.id),
        university_id: Set(university.id),
        kind: Set(draft.kind.as_db().to_owned()),
        offer_id: Set(offer_id),
        seats: Set(draft.seats.map(narrow).transpose()?),
        price_rupiah: Set(draft.price_rupiah),
        starts_on: Set(draft.starts_on),
        ends_on: Set(draft.ends_on),
        outputs: Set(ResearchOutput::join(&draft.outputs)),
        message: Set(draft.message.trim().to_owned()),
        status: Set(ProposalStatus::Submitted.as_db().to_owned()),
        decision_note: Set(String::new()),
        created_by: Set(actor.person_id),
        created_at: Set(Utc::now()),
        decided_by: Set(None),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match AppError::from(e) {
        // Two submissions at once on PostgreSQL: the index is the referee.
        AppError::Conflict(ConflictReason::AlreadyExists { .. }) => {
            AppError::Conflict(ConflictReason::ProposalPending)
        }
        other => other,
    })?;
    let leads = notifications::members_with_role(&txn, found.agency_id, Role::AgencyLead).await?;
    let event = NotificationEvent::ProposalReceived {
        need: found.title.clone(),
        university: university.name.clone(),
    };
    notifications::notify(&txn, &leads, &event, &format!("/kebutuhan/{}", found.slug)).await?;
    txn.commit().await?;
    Ok(created.id)
}

/// Who hears of a decision on `proposal`: its author and its university's coordinators.
async fn university_side<C: ConnectionTrait>(
    conn: &C,
    proposal: &proposal::Model,
) -> Result<Vec<i32>, AppError> {
    let mut people =
        notifications::members_with_role(conn, proposal.university_id, Role::UniversityCoordinator)
            .await?;
    if !people.contains(&proposal.created_by) {
        people.push(proposal.created_by);
    }
    Ok(people)
}

/// [`propose`] from the form as posted, read with the need's kind (seats or outputs).
pub async fn submit<C>(
    conn: &C,
    actor: &Actor,
    need_slug: &str,
    university_slug: &str,
    form: &ProposalForm,
) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let university = organisations::find_by_slug(conn, university_slug).await?;
    Actor::require(organisations::speaks_for_university(actor, &university)?)?;
    let found = needs::find(conn, need_slug).await?;
    if !needs::may_see(conn, Some(actor), &found).await? {
        return Err(AppError::NotFound);
    }
    let kind = NeedKind::from_db(&found.kind).ok_or_else(|| AppError::internal("need kind"))?;
    let draft = form.parse(kind).map_err(AppError::Invalid)?;
    propose(conn, actor, need_slug, university_slug, &draft).await
}

/// The rules that need the need: seats for a competency need, outputs for research, a start
/// not in the past, and an offer of this university, published, of the need's kind. The
/// offer's id.
async fn check_against_need<C: ConnectionTrait>(
    conn: &C,
    found: &need::Model,
    university_id: i32,
    draft: &ProposalDraft,
) -> Result<Option<i32>, AppError> {
    let kind = NeedKind::from_db(&found.kind).ok_or_else(|| AppError::internal("need kind"))?;
    let mut errors = Vec::new();
    match kind {
        NeedKind::Competency => {
            if draft.seats.is_none() {
                errors.push(FieldError::new("seats", ValidationCode::Required));
            }
            if !draft.outputs.is_empty() {
                errors.push(FieldError::new("outputs", ValidationCode::Malformed));
            }
        }
        NeedKind::Research => {
            if draft.seats.is_some() {
                errors.push(FieldError::new("seats", ValidationCode::Malformed));
            }
            if draft.outputs.is_empty() {
                errors.push(FieldError::new("outputs", ValidationCode::TooFew { min: 1 }));
            }
        }
    }
    let today = Utc::now().with_timezone(&WIB).date_naive();
    if draft.starts_on < today {
        errors.push(FieldError::new("starts_on", ValidationCode::InThePast));
    }
    let mut offer_id = None;
    if let Some(slug) = draft.offer.as_deref().filter(|s| !s.is_empty()) {
        let wanted = match kind {
            NeedKind::Competency => OfferKind::Course,
            NeedKind::Research => OfferKind::Research,
        };
        let fits = offer::Entity::find()
            .filter(offer::Column::Slug.eq(slug))
            .filter(offer::Column::UniversityId.eq(university_id))
            .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
            .filter(offer::Column::Kind.eq(wanted.as_db()))
            .one(conn)
            .await?;
        match fits {
            Some(found) => offer_id = Some(found.id),
            None => errors.push(FieldError::new("offer", ValidationCode::UnknownChoice)),
        }
    }
    if errors.is_empty() { Ok(offer_id) } else { Err(AppError::Invalid(errors)) }
}

/// Withdraws the waiting proposal `proposal_id` (its university's academics and coordinators).
pub async fn withdraw<C>(conn: &C, actor: &Actor, proposal_id: i32) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let found =
        proposal::Entity::find_by_id(proposal_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let university = organisation::Entity::find_by_id(found.university_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !organisations::speaks_for_university(actor, &university)? {
        return Err(AppError::NotFound);
    }
    let moved = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, ProposalStatus::Withdrawn.as_db().into())
        .col_expr(proposal::Column::DecidedBy, Some(actor.person_id).into())
        .col_expr(proposal::Column::DecidedAt, Some(Utc::now()).into())
        .filter(proposal::Column::Id.eq(proposal_id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    txn.commit().await?;
    Ok(())
}
