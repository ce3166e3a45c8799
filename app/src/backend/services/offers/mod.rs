//! University offers (courses and research offers): who may write them, their lifecycle with
//! who moved them and when, and the parts both kinds share (competencies, people, search text).
//!
//! Authors are a university's academics and coordinators; an offer is managed by its author and
//! the university's coordinators. Publishing needs a university verified by the province
//! (`organisations::ensure_may_publish`). A province administrator may cancel any offer.

mod catalogue;
mod catalogue_sql;
mod courses;
mod detail;
mod editor;
mod research;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
};

pub use catalogue::{facets, search};
pub(crate) use courses::insert_course;
pub use courses::{create_course, update_course};
pub use detail::{detail, history, published_cards};
pub use editor::{course_editor, research_editor};
pub(crate) use research::insert_research;
pub use research::{create_research, update_research};

use super::organisations;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    competency, offer, offer_competency, offer_person, offer_status_change, organisation,
};
use crate::backend::search::analyse;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, OfferCompetency, OfferKind, OfferPerson, OfferStatus, Role, ValidationCode,
};

/// The longest note a status change may carry (e.g. why a course was cancelled).
pub const MAX_STATUS_NOTE_CHARS: usize = 1000;

/// The university `slug`, if `actor` may write offers for it (an academic or coordinator there).
async fn authoring_university<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    let university = organisations::find_by_slug(conn, slug).await?;
    Actor::require(organisations::speaks_for_university(actor, &university)?)?;
    Ok(university)
}

/// Whether `actor` manages the offer: its author while still at the university, or the
/// university's coordinator.
fn manages(actor: &Actor, offer: &offer::Model) -> bool {
    let author = actor.person_id == offer.created_by
        && (actor.has_role_in(Role::Academic, offer.university_id)
            || actor.has_role_in(Role::UniversityCoordinator, offer.university_id));
    author || actor.has_role_in(Role::UniversityCoordinator, offer.university_id)
}

/// Whether `actor` may see the offer while it is a draft: anyone at its university, and the
/// province.
fn sees_drafts_of(actor: &Actor, offer: &offer::Model) -> bool {
    actor.grants.iter().any(|g| g.organisation_id == offer.university_id)
        || actor.is_province_admin()
}

/// The offer of this kind with this slug, or `NotFound`.
async fn find<C: ConnectionTrait>(
    conn: &C,
    kind: OfferKind,
    slug: &str,
) -> Result<offer::Model, AppError> {
    offer::Entity::find()
        .filter(offer::Column::Kind.eq(kind.as_db()))
        .filter(offer::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether the public may see the offer: published or closed, or cancelled after it had been
/// published. A draft, and a draft dropped before publication, stay the university's business.
fn is_public(model: &offer::Model) -> Result<bool, AppError> {
    Ok(match status_of(model)? {
        OfferStatus::Published | OfferStatus::Closed => true,
        OfferStatus::Cancelled => model.published_at.is_some(),
        OfferStatus::Draft => false,
    })
}

/// The refusal for someone who may not do this to the offer: `Forbidden` if they may see it,
/// else `NotFound` (they do not learn that it exists).
fn refusal(actor: &Actor, model: &offer::Model) -> Result<AppError, AppError> {
    Ok(if sees_drafts_of(actor, model) || is_public(model)? {
        AppError::Forbidden
    } else {
        AppError::NotFound
    })
}

/// The stored status of an offer (the column is checked by the schema).
fn status_of(model: &offer::Model) -> Result<OfferStatus, AppError> {
    OfferStatus::from_db(&model.status).ok_or_else(|| {
        AppError::internal(format!("offer {} has status {}", model.id, model.status))
    })
}

/// The offer `slug` for its manager to edit; `NotFound` for anyone who may not even see it.
/// The row is locked until the caller's transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
/// write transaction already excludes other writers), so the offer cannot be closed between
/// this check and the edit.
async fn for_editing<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: OfferKind,
    slug: &str,
) -> Result<offer::Model, AppError> {
    let found = offer::Entity::find()
        .filter(offer::Column::Kind.eq(kind.as_db()))
        .filter(offer::Column::Slug.eq(slug))
        .lock_exclusive()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !manages(actor, &found) {
        return Err(refusal(actor, &found)?);
    }
    if !status_of(&found)?.is_editable() {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    Ok(found)
}

/// Moves the offer `slug` to `next`, recording who, when and why. Publishing checks that the
/// university is verified; only the offer's managers move it, except that a province
/// administrator may cancel any offer.
pub async fn change_status<C>(
    conn: &C,
    actor: &Actor,
    kind: OfferKind,
    slug: &str,
    next: OfferStatus,
    note: &str,
) -> Result<OfferStatus, AppError>
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
    let found = find(&txn, kind, slug).await?;
    let allowed =
        manages(actor, &found) || (next == OfferStatus::Cancelled && actor.is_province_admin());
    if !allowed {
        return Err(refusal(actor, &found)?);
    }
    let current = status_of(&found)?;
    if !current.can_become(next) {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    if next == OfferStatus::Published {
        let university = organisation::Entity::find_by_id(found.university_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        organisations::ensure_may_publish(&university)?;
    }
    let now = Utc::now();
    // Conditional on the status read: of two concurrent moves, the second finds nothing to move.
    let moved = offer::Entity::update_many()
        .col_expr(offer::Column::Status, next.as_db().into())
        .col_expr(offer::Column::UpdatedAt, now.into())
        .col_expr(
            offer::Column::PublishedAt,
            if next == OfferStatus::Published { Some(now) } else { found.published_at }.into(),
        )
        .filter(offer::Column::Id.eq(found.id))
        .filter(offer::Column::Status.eq(current.as_db()))
        .exec(&txn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    record_status(&txn, found.id, Some(current), next, actor.person_id, note).await?;
    super::completion::course_ended(&txn, found.id, next, actor.person_id).await?;
    txn.commit().await?;
    Ok(next)
}

/// Publishes a freshly written demo offer as if on `at` (the demo seed, inside its transaction).
pub(crate) async fn publish_seeded<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    author_id: i32,
    at: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    offer::Entity::update_many()
        .col_expr(offer::Column::Status, OfferStatus::Published.as_db().into())
        .col_expr(offer::Column::PublishedAt, Some(at).into())
        .filter(offer::Column::Id.eq(offer_id))
        .exec(conn)
        .await?;
    record_status(conn, offer_id, Some(OfferStatus::Draft), OfferStatus::Published, author_id, "")
        .await
}

/// Appends a line to the offer's history.
async fn record_status<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    from: Option<OfferStatus>,
    to: OfferStatus,
    by: i32,
    note: &str,
) -> Result<(), AppError> {
    // Matches follow the offer's status: published, it may enter needs' lists; withdrawn, it leaves.
    super::matching::offer_changed(conn, offer_id).await?;
    offer_status_change::ActiveModel {
        offer_id: Set(offer_id),
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

/// The dictionary entries of the offer's competency codes; an unknown code is a field error.
async fn resolve_competencies<C: ConnectionTrait>(
    conn: &C,
    wanted: &[OfferCompetency],
) -> Result<Vec<(competency::Model, Option<i16>)>, AppError> {
    let codes: Vec<&str> = wanted.iter().map(|c| c.code.trim()).collect();
    let mut by_code: HashMap<String, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Code.is_in(codes))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.code.clone(), c))
        .collect();
    wanted
        .iter()
        .map(|c| {
            by_code.remove(c.code.trim()).map(|model| (model, c.level.map(i16::from))).ok_or_else(
                || {
                    AppError::Invalid(vec![FieldError::new(
                        "competencies",
                        ValidationCode::UnknownChoice,
                    )])
                },
            )
        })
        .collect()
}

/// Replaces the offer's competencies and people with the given ones.
async fn write_children<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    competencies: &[(competency::Model, Option<i16>)],
    people: &[OfferPerson],
) -> Result<(), AppError> {
    super::matching::offer_changed(conn, offer_id).await?;
    offer_competency::Entity::delete_many()
        .filter(offer_competency::Column::OfferId.eq(offer_id))
        .exec(conn)
        .await?;
    offer_competency::Entity::insert_many(competencies.iter().map(|(c, level)| {
        offer_competency::ActiveModel {
            offer_id: Set(offer_id),
            competency_id: Set(c.id),
            level: Set(*level),
        }
    }))
    .exec_without_returning(conn)
    .await?;
    offer_person::Entity::delete_many()
        .filter(offer_person::Column::OfferId.eq(offer_id))
        .exec(conn)
        .await?;
    offer_person::Entity::insert_many(people.iter().zip(0i16..).map(|(p, position)| {
        offer_person::ActiveModel {
            offer_id: Set(offer_id),
            position: Set(position),
            name: Set(p.name.trim().to_owned()),
            role: Set(p.role.trim().to_owned()),
        }
    }))
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// The three stemmed columns the search index reads.
struct SearchText {
    title: String,
    keywords: String,
    body: String,
}

impl SearchText {
    fn new(
        title: &str,
        summary: &str,
        competencies: &[(competency::Model, Option<i16>)],
        university: &organisation::Model,
        body: &[&str],
    ) -> Self {
        let mut keywords = vec![summary.to_owned(), university.name.clone()];
        keywords.push(university.short_name.clone());
        for (c, _) in competencies {
            keywords.push(c.name_id.clone());
            keywords.push(c.name_en.clone());
        }
        Self {
            title: analyse(title),
            keywords: analyse(&keywords.join(" ")),
            body: analyse(&body.join(" ")),
        }
    }
}

/// The `offers` row of a new draft; the caller fills in its content.
fn draft_row(
    kind: OfferKind,
    university_id: i32,
    author_id: i32,
    slug: &str,
) -> offer::ActiveModel {
    offer::ActiveModel {
        slug: Set(slug.to_owned()),
        kind: Set(kind.as_db().to_owned()),
        university_id: Set(university_id),
        status: Set(OfferStatus::Draft.as_db().to_owned()),
        created_by: Set(author_id),
        created_at: Set(Utc::now()),
        published_at: Set(None),
        ..Default::default()
    }
}

/// A free slug for a new offer, from its title.
async fn free_slug<C: ConnectionTrait>(conn: &C, title: &str) -> Result<String, AppError> {
    super::slugs::free_slug::<offer::Entity, _>(conn, offer::Column::Slug, title, "penawaran").await
}
