//! Collaborations: what an accepted proposal becomes (see `proposals::accept`). Its two parties
//! — the agency's leads and the university's academics and coordinators — and the province see
//! it; either party moves it along agreed → running → completed, or cancels it before it is
//! completed, saying why. Each move is recorded and told to the other party.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::{enrollments, needs, notifications};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    collaboration, collaboration_status_change, need, offer, organisation, person,
};
use crate::backend::write_txn::WriteTxn;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    Checks, CollaborationDetail, CollaborationStatus, CollaborationStep, Contact,
    MAX_COLLABORATION_NOTE, NeedKind, NotificationEvent, ResearchOutput, Role,
};

/// Which party of a collaboration someone speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Agency,
    University,
}

fn party_of(actor: &Actor, model: &collaboration::Model) -> Option<Party> {
    if actor.has_role_in(Role::AgencyLead, model.agency_id) {
        Some(Party::Agency)
    } else if actor.has_role_in(Role::Academic, model.university_id)
        || actor.has_role_in(Role::UniversityCoordinator, model.university_id)
    {
        Some(Party::University)
    } else {
        None
    }
}

/// Whether `actor` may see the collaboration: a party to it, or the province.
fn may_see(actor: &Actor, model: &collaboration::Model) -> bool {
    party_of(actor, model).is_some() || actor.is_province_admin()
}

/// The collaboration of the need `need_id`, if there is one and `actor` may see it: its id.
pub async fn of_need<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    need_id: i32,
) -> Result<Option<i32>, AppError> {
    // The live one; after cancellations only, the latest of those.
    let all = collaboration::Entity::find()
        .filter(collaboration::Column::NeedId.eq(need_id))
        .order_by_desc(collaboration::Column::Id)
        .all(conn)
        .await?;
    let cancelled = CollaborationStatus::Cancelled.as_db();
    let found = all.iter().find(|c| c.status != cancelled).or(all.first());
    Ok(found.filter(|c| may_see(actor, c)).map(|c| c.id))
}

/// The page of collaboration `id`; `NotFound` for those who may not see it.
pub async fn detail<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i32,
) -> Result<CollaborationDetail, AppError> {
    let found = collaboration::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    if !may_see(actor, &found) {
        return Err(AppError::NotFound);
    }
    let status = status_of(&found)?;
    let need =
        need::Entity::find_by_id(found.need_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let agency = organisation_of(conn, found.agency_id).await?;
    let university = organisation_of(conn, found.university_id).await?;
    let offer = match found.offer_id {
        Some(offer_id) => {
            offer::Entity::find_by_id(offer_id).one(conn).await?.map(|o| (o.slug, o.title))
        }
        None => None,
    };
    let moves = match party_of(actor, &found) {
        Some(_) => [
            CollaborationStatus::Running,
            CollaborationStatus::Completed,
            CollaborationStatus::Cancelled,
        ]
        .into_iter()
        .filter(|next| status.can_become(*next))
        .collect(),
        None => Vec::new(),
    };
    let mut history = vec![CollaborationStep {
        to: CollaborationStatus::Agreed,
        note: String::new(),
        by: contact(conn, found.agency_contact_id).await?.name,
        at: found.created_at,
    }];
    history.extend(steps(conn, found.id).await?);
    Ok(CollaborationDetail {
        id: found.id,
        need_slug: need.slug,
        need_title: need.title,
        need_kind: NeedKind::from_db(&need.kind).ok_or_else(|| AppError::internal("need kind"))?,
        agency_slug: agency.slug,
        agency_name: agency.name,
        university_slug: university.slug,
        university_name: university.name,
        offer,
        reserved_seats: found.reserved_seats,
        price_rupiah: found.price_rupiah,
        starts_on: found.starts_on,
        ends_on: found.ends_on,
        outputs: ResearchOutput::parse_list(&found.outputs),
        status,
        agency_contact: contact(conn, found.agency_contact_id).await?,
        university_contact: contact(conn, found.university_contact_id).await?,
        moves,
        history,
    })
}

/// Moves collaboration `id` to `next` (a party to it), with `note` saying why (required to
/// cancel); the other party is told.
pub async fn change_status<C>(
    conn: &C,
    actor: &Actor,
    id: i32,
    next: CollaborationStatus,
    note: &str,
) -> Result<CollaborationStatus, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let note = note.trim();
    let mut checks = Checks::default();
    checks.text("note", note, next == CollaborationStatus::Cancelled, MAX_COLLABORATION_NOTE);
    checks.finish().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let found = collaboration::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(party) = party_of(actor, &found) else {
        return Err(if may_see(actor, &found) { AppError::Forbidden } else { AppError::NotFound });
    };
    let current = status_of(&found)?;
    if !current.can_become(next) {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    let now = Utc::now();
    let moved = collaboration::Entity::update_many()
        .col_expr(collaboration::Column::Status, next.as_db().into())
        .col_expr(collaboration::Column::UpdatedAt, now.into())
        .filter(collaboration::Column::Id.eq(id))
        .filter(collaboration::Column::Status.eq(current.as_db()))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    collaboration_status_change::ActiveModel {
        collaboration_id: Set(id),
        from_status: Set(current.as_db().to_owned()),
        to_status: Set(next.as_db().to_owned()),
        note: Set(note.to_owned()),
        changed_by: Set(actor.person_id),
        changed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if next == CollaborationStatus::Cancelled {
        needs::reopen_after_cancellation(&txn, found.need_id, actor.person_id, note).await?;
        enrollments::collaboration_cancelled(&txn, found.id, note).await?;
    }
    tell_the_other_party(&txn, &found, party, next, note).await?;
    txn.commit().await?;
    Ok(next)
}

/// Notifies the party that did not make the move.
async fn tell_the_other_party(
    txn: &WriteTxn,
    found: &collaboration::Model,
    mover: Party,
    next: CollaborationStatus,
    note: &str,
) -> Result<(), AppError> {
    let need = need::Entity::find_by_id(found.need_id).one(txn).await?.ok_or(AppError::NotFound)?;
    let (by, recipients) = match mover {
        Party::Agency => {
            let mut people = notifications::members_with_role(
                txn,
                found.university_id,
                Role::UniversityCoordinator,
            )
            .await?;
            if !people.contains(&found.university_contact_id) {
                people.push(found.university_contact_id);
            }
            (organisation_of(txn, found.agency_id).await?.name, people)
        }
        Party::University => (
            organisation_of(txn, found.university_id).await?.name,
            notifications::members_with_role(txn, found.agency_id, Role::AgencyLead).await?,
        ),
    };
    let event = NotificationEvent::CollaborationChanged {
        need: need.title,
        status: next,
        by,
        note: note.to_owned(),
    };
    notifications::notify(txn, &recipients, &event, &format!("/kolaborasi/{}", found.id)).await
}

/// The recorded moves, oldest first, with who made them.
async fn steps<C: ConnectionTrait>(
    conn: &C,
    collaboration_id: i32,
) -> Result<Vec<CollaborationStep>, AppError> {
    let rows = collaboration_status_change::Entity::find()
        .filter(collaboration_status_change::Column::CollaborationId.eq(collaboration_id))
        .order_by_asc(collaboration_status_change::Column::Id)
        .all(conn)
        .await?;
    let names: std::collections::HashMap<i32, String> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::FullName)
        .filter(person::Column::Id.is_in(rows.iter().map(|r| r.changed_by)))
        .into_tuple()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|row| {
            Ok(CollaborationStep {
                to: CollaborationStatus::from_db(&row.to_status)
                    .ok_or_else(|| AppError::internal(format!("status {}", row.to_status)))?,
                note: row.note,
                by: names.get(&row.changed_by).cloned().unwrap_or_default(),
                at: row.changed_at,
            })
        })
        .collect()
}

fn status_of(model: &collaboration::Model) -> Result<CollaborationStatus, AppError> {
    CollaborationStatus::from_db(&model.status)
        .ok_or_else(|| AppError::internal(format!("collaboration status {}", model.status)))
}

async fn organisation_of<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<organisation::Model, AppError> {
    organisation::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)
}

async fn contact<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<Contact, AppError> {
    let found = person::Entity::find_by_id(person_id).one(conn).await?.ok_or(AppError::NotFound)?;
    Ok(Contact { name: found.full_name, email: found.email })
}
