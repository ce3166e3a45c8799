//! Agency needs (competency needs and research needs): who may write and see them, and their
//! lifecycle draft → open → matched → fulfilled | closed with who moved them and when.
//!
//! An agency's leads write and manage its needs; opening one needs an agency verified by the
//! province. Once open, a need is seen by the agency's members, by the province, and by the
//! members of verified universities (who may answer it) — or by everyone when the agency made it
//! public. A province administrator may close any need.

mod detail;
mod list;
mod write;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};

pub use detail::{detail, need_editor};
pub use list::list;
pub(crate) use write::insert_need;
pub use write::{create_need, update_need};

use super::offers::MAX_STATUS_NOTE_CHARS;
use super::{organisations, proposals};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{need, need_status_change, organisation};
use crate::error::{AppError, ConflictReason};
use crate::model::{FieldError, NeedStatus, OrganisationKind, Role, ValidationCode};

/// The agency `slug`, if `actor` may post needs for it (one of its leads).
async fn authoring_agency<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    let agency = organisations::find_by_slug(conn, slug).await?;
    Actor::require(
        organisations::kind_of(&agency)? == OrganisationKind::Agency
            && actor.has_role_in(Role::AgencyLead, agency.id),
    )?;
    Ok(agency)
}

/// Whether `actor` manages the need: a lead of its agency.
pub(crate) fn manages(actor: &Actor, need: &need::Model) -> bool {
    actor.has_role_in(Role::AgencyLead, need.agency_id)
}

/// Whether `actor` sees the agency's needs whatever their state, history included: its leads
/// and the province.
pub(crate) fn sees_everything_of(actor: &Actor, agency_id: i32) -> bool {
    actor.has_role_in(Role::AgencyLead, agency_id) || actor.is_province_admin()
}

/// Whether `actor` (None: an anonymous visitor) may see the need.
pub(crate) async fn may_see<C: ConnectionTrait>(
    conn: &C,
    actor: Option<&Actor>,
    need: &need::Model,
) -> Result<bool, AppError> {
    if actor.is_some_and(|a| sees_everything_of(a, need.agency_id)) {
        return Ok(true);
    }
    // A need withdrawn before it was ever opened stays the agency's business.
    if need.opened_at.is_none() {
        return Ok(false);
    }
    if need.is_public {
        return Ok(true);
    }
    let Some(actor) = actor else { return Ok(false) };
    if actor.grants.iter().any(|g| g.organisation_id == need.agency_id) {
        return Ok(true);
    }
    Ok(!verified_universities_of(conn, actor).await?.is_empty())
}

/// The verified universities where `actor` is an academic or coordinator.
async fn verified_universities_of<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<i32>, AppError> {
    let ids: Vec<i32> = actor
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::Academic | Role::UniversityCoordinator))
        .map(|g| g.organisation_id)
        .collect();
    if ids.is_empty() {
        return Ok(ids);
    }
    Ok(organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .filter(organisation::Column::Id.is_in(ids))
        .filter(organisation::Column::Verified.eq(true))
        .into_tuple()
        .all(conn)
        .await?)
}

/// The need with this slug, or `NotFound`.
pub(crate) async fn find<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<need::Model, AppError> {
    need::Entity::find()
        .filter(need::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The need with this slug, its row locked until the caller's transaction ends (PostgreSQL
/// `FOR UPDATE`; SQLite's write transaction already excludes other writers): for writes that
/// depend on the need staying open, such as a proposal or an acceptance.
pub(crate) async fn find_locked<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<need::Model, AppError> {
    need::Entity::find()
        .filter(need::Column::Slug.eq(slug))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The refusal for someone who may not do this to the need: `Forbidden` if they may see it,
/// else `NotFound` (they do not learn that it exists).
pub(crate) async fn refusal<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    need: &need::Model,
) -> Result<AppError, AppError> {
    Ok(if may_see(conn, Some(actor), need).await? {
        AppError::Forbidden
    } else {
        AppError::NotFound
    })
}

/// The need `slug` and its card, for those who see everything of its agency (its leads and the
/// province): the viewers of its ranked offers. Others are refused as [`refusal`] says.
pub(crate) async fn for_ranking<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<(need::Model, crate::model::NeedCard), AppError> {
    let found = find(conn, slug).await?;
    if !sees_everything_of(actor, found.agency_id) {
        return Err(refusal(conn, actor, &found).await?);
    }
    let card = list::cards(conn, vec![found.clone()]).await?.pop().ok_or(AppError::NotFound)?;
    Ok((found, card))
}

/// The cards of `models`, in their order (one query per kind of detail, not per need).
pub(crate) async fn cards_of<C: ConnectionTrait>(
    conn: &C,
    models: Vec<need::Model>,
) -> Result<Vec<crate::model::NeedCard>, AppError> {
    list::cards(conn, models).await
}

/// The stored status of a need (the column is checked by the schema).
pub(crate) fn status_of(model: &need::Model) -> Result<NeedStatus, AppError> {
    NeedStatus::from_db(&model.status)
        .ok_or_else(|| AppError::internal(format!("need {} has status {}", model.id, model.status)))
}

/// The need `slug` for its agency to edit, locked until the caller's transaction ends
/// (PostgreSQL `FOR UPDATE`; SQLite's write transaction already excludes other writers), so it
/// cannot be matched or closed between this check and the edit.
async fn for_editing<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<need::Model, AppError> {
    let found = need::Entity::find()
        .filter(need::Column::Slug.eq(slug))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !manages(actor, &found) {
        return Err(refusal(conn, actor, &found).await?);
    }
    if !status_of(&found)?.is_editable() {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(found)
}

/// Moves the need `slug` to `next` by hand, recording who, when and why. Only the agency's
/// leads move it, except that a province administrator may close any need; opening checks that
/// the agency is verified. `Matched` is not a hand move: it follows an accepted proposal.
pub async fn change_status<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    next: NeedStatus,
    note: &str,
) -> Result<NeedStatus, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let note = note.trim();
    if note.chars().count() > MAX_STATUS_NOTE_CHARS {
        return Err(AppError::Invalid(vec![FieldError::new(
            "note",
            ValidationCode::TooLong { max: MAX_STATUS_NOTE_CHARS as u32 },
        )]));
    }
    let txn = db::begin_write(conn).await?;
    // Locked: a proposal arriving meanwhile would be left waiting on a closed need.
    let found = find_locked(&txn, slug).await?;
    let allowed =
        manages(actor, &found) || (next == NeedStatus::Closed && actor.is_province_admin());
    if !allowed || next == NeedStatus::Matched {
        return Err(refusal(&txn, actor, &found).await?);
    }
    if next == NeedStatus::Open {
        let agency = organisation::Entity::find_by_id(found.agency_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        organisations::ensure_may_publish(&agency)?;
    }
    // Proposals still waiting end with the need, declined with its reason: the universities
    // that made them are owed one.
    if matches!(next, NeedStatus::Closed | NeedStatus::Fulfilled) {
        if note.is_empty() && proposals::waiting_on(&txn, found.id).await? > 0 {
            return Err(AppError::Invalid(vec![FieldError::new("note", ValidationCode::Required)]));
        }
        proposals::decline_waiting(&txn, actor.person_id, &found, note).await?;
    }
    move_to(&txn, &found, next, actor.person_id, note).await?;
    txn.commit().await?;
    Ok(next)
}

/// Marks the open need `need_id` matched: a university's proposal for it was accepted by
/// `accepted_by` (the caller checked that they may, inside its transaction).
pub async fn mark_matched<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    accepted_by: i32,
) -> Result<(), AppError> {
    let found = need::Entity::find_by_id(need_id).one(conn).await?.ok_or(AppError::NotFound)?;
    move_to(conn, &found, NeedStatus::Matched, accepted_by, "").await
}

/// Reopens the need `need_id` after its collaboration was cancelled by `by` (inside that
/// transaction), with the cancellation's reason in its history, so the agency can accept another
/// university's proposal. A need no longer `matched` (fulfilled, closed) stays as it is.
pub(crate) async fn reopen_after_cancellation<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    by: i32,
    note: &str,
) -> Result<(), AppError> {
    let now = Utc::now();
    let moved = need::Entity::update_many()
        .col_expr(need::Column::Status, NeedStatus::Open.as_db().into())
        .col_expr(need::Column::UpdatedAt, now.into())
        .filter(need::Column::Id.eq(need_id))
        .filter(need::Column::Status.eq(NeedStatus::Matched.as_db()))
        .exec(conn)
        .await?;
    if moved.rows_affected == 1 {
        record_status(conn, need_id, Some(NeedStatus::Matched), NeedStatus::Open, by, note).await?;
    }
    Ok(())
}

/// Marks the need `need_id` fulfilled: the staff its collaboration nominated completed the
/// course in its headcount (the course was closed by `by`, inside that transaction). A need no
/// longer `matched` stays as it is.
pub(crate) async fn fulfil_after_completion<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    by: i32,
) -> Result<(), AppError> {
    let moved = need::Entity::update_many()
        .col_expr(need::Column::Status, NeedStatus::Fulfilled.as_db().into())
        .col_expr(need::Column::UpdatedAt, Utc::now().into())
        .filter(need::Column::Id.eq(need_id))
        .filter(need::Column::Status.eq(NeedStatus::Matched.as_db()))
        .exec(conn)
        .await?;
    if moved.rows_affected == 1 {
        record_status(conn, need_id, Some(NeedStatus::Matched), NeedStatus::Fulfilled, by, "")
            .await?;
    }
    Ok(())
}

/// The move itself: conditional on the status read, so that of two concurrent moves the second
/// finds nothing to move (a `Stale` conflict); recorded in the history.
async fn move_to<C: ConnectionTrait>(
    conn: &C,
    found: &need::Model,
    next: NeedStatus,
    by: i32,
    note: &str,
) -> Result<(), AppError> {
    let current = status_of(found)?;
    if !current.can_become(next) {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    let now = Utc::now();
    let opened_at = match (next, found.opened_at) {
        (NeedStatus::Open, None) => Some(now),
        (_, opened) => opened,
    };
    let moved = need::Entity::update_many()
        .col_expr(need::Column::Status, next.as_db().into())
        .col_expr(need::Column::UpdatedAt, now.into())
        .col_expr(need::Column::OpenedAt, opened_at.into())
        .filter(need::Column::Id.eq(found.id))
        .filter(need::Column::Status.eq(current.as_db()))
        .exec(conn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    record_status(conn, found.id, Some(current), next, by, note).await
}

/// Opens a freshly written demo need as if on `at` (the demo seed, inside its transaction).
pub(crate) async fn open_seeded<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    author_id: i32,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    need::Entity::update_many()
        .col_expr(need::Column::Status, NeedStatus::Open.as_db().into())
        .col_expr(need::Column::OpenedAt, Some(at).into())
        .filter(need::Column::Id.eq(need_id))
        .exec(conn)
        .await?;
    record_status(conn, need_id, Some(NeedStatus::Draft), NeedStatus::Open, author_id, "").await
}

/// Appends a line to the need's history.
async fn record_status<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    from: Option<NeedStatus>,
    to: NeedStatus,
    by: i32,
    note: &str,
) -> Result<(), AppError> {
    // Matches are kept for open needs: opening ranks the need, any other move clears its list.
    super::matching::need_changed(conn, need_id).await?;
    need_status_change::ActiveModel {
        need_id: Set(need_id),
        from_status: Set(from.map(|s| s.as_db().to_owned())),
        to_status: Set(to.as_db().to_owned()),
        changed_by: Set(by),
        changed_at: Set(Utc::now()),
        note: Set(note.to_owned()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}
