//! Organisations: public summaries, and verification by province administrators.
//!
//! An organisation starts unverified; a province administrator verifies it (or withdraws the
//! verification), and every decision is kept in `organisation_reviews`. Only verified
//! organisations publish offers or post needs: those services call [`ensure_may_publish`].

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{membership, organisation, organisation_review, person};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, OrganisationKind, OrganisationReviewRow, OrganisationSummary, ReviewDecision, Role,
    ValidationCode,
};

/// The longest note a reviewer may leave.
pub const MAX_REVIEW_NOTE_CHARS: usize = 1000;

/// The organisation with this slug, or `NotFound`.
pub async fn find_by_slug<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The organisation `slug`, if `actor` administers it (its coordinator or lead) or is a
/// province administrator; `NotFound` or `Forbidden` otherwise. The check every service that
/// manages an organisation's people starts with.
pub async fn administered_by<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<(organisation::Model, OrganisationKind), AppError> {
    let organisation = find_by_slug(conn, slug).await?;
    let kind = kind_of(&organisation)?;
    Actor::require(actor.administers(organisation.id, kind) || actor.is_province_admin())?;
    Ok((organisation, kind))
}

/// The kind of a stored organisation (the column is checked by the schema).
pub fn kind_of(model: &organisation::Model) -> Result<OrganisationKind, AppError> {
    OrganisationKind::from_db(&model.kind).ok_or_else(|| {
        AppError::internal(format!("organisation {} has kind {}", model.id, model.kind))
    })
}

/// The public summary of a stored organisation.
pub fn summary(model: &organisation::Model) -> Result<OrganisationSummary, AppError> {
    Ok(OrganisationSummary {
        slug: model.slug.clone(),
        name: model.name.clone(),
        short_name: model.short_name.clone(),
        kind: kind_of(model)?,
        verified: model.verified,
        viewer_writes_offers: false,
        viewer_posts_needs: false,
    })
}

/// Public: an organisation's name, kind and whether it is verified; and whether `viewer` writes
/// offers there (an academic or coordinator of this university) or posts needs (a lead of this
/// agency).
pub async fn public_summary<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    slug: &str,
) -> Result<OrganisationSummary, AppError> {
    let model = find_by_slug(conn, slug).await?;
    let mut found = summary(&model)?;
    found.viewer_writes_offers = viewer.is_some_and(|actor| {
        actor.has_role_in(Role::Academic, model.id)
            || actor.has_role_in(Role::UniversityCoordinator, model.id)
    });
    found.viewer_posts_needs =
        viewer.is_some_and(|actor| actor.has_role_in(Role::AgencyLead, model.id));
    Ok(found)
}

/// Whether `actor` speaks for the university `model`: one of its academics or coordinators
/// (who write its offers and its proposals).
pub fn speaks_for_university(actor: &Actor, model: &organisation::Model) -> Result<bool, AppError> {
    Ok(kind_of(model)? == OrganisationKind::University
        && (actor.has_role_in(Role::Academic, model.id)
            || actor.has_role_in(Role::UniversityCoordinator, model.id)))
}

/// Refuses, with the reason the user is shown, to let an unverified organisation publish an
/// offer or post a need.
pub fn ensure_may_publish(model: &organisation::Model) -> Result<(), AppError> {
    if model.verified {
        Ok(())
    } else {
        Err(AppError::Conflict(ConflictReason::OrganisationNotVerified))
    }
}

/// Province administrators: every university and agency, unverified first, with its member
/// count and latest decision.
pub async fn list_for_review<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<OrganisationReviewRow>, AppError> {
    Actor::require(actor.is_province_admin())?;
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Kind.ne(OrganisationKind::Province.as_db()))
        .order_by_asc(organisation::Column::Verified)
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?;
    let member_counts: std::collections::HashMap<i32, i64> = membership::Entity::find()
        .select_only()
        .column(membership::Column::OrganisationId)
        .column_as(membership::Column::PersonId.count(), "members")
        .group_by(membership::Column::OrganisationId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    // The latest decision per organisation: reviews come newest first, the first one wins.
    let mut latest = std::collections::HashMap::new();
    for (review, reviewer) in organisation_review::Entity::find()
        .find_also_related(person::Entity)
        .order_by_desc(organisation_review::Column::Id)
        .all(conn)
        .await?
    {
        latest.entry(review.organisation_id).or_insert_with(|| ReviewDecision {
            verified: review.verified,
            reviewer_name: reviewer.map(|p| p.full_name).unwrap_or_default(),
            reviewed_at: review.reviewed_at.to_rfc3339(),
            note: review.note,
        });
    }
    organisations
        .into_iter()
        .map(|model| {
            Ok(OrganisationReviewRow {
                members: member_counts.get(&model.id).copied().unwrap_or(0).unsigned_abs(),
                last_review: latest.remove(&model.id),
                organisation: summary(&model)?,
            })
        })
        .collect()
}

/// Province administrators: verifies an organisation, or withdraws its verification, with an
/// optional note; records who decided and when. The province office itself is not reviewed.
pub async fn set_verified<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    verified: bool,
    note: Option<String>,
) -> Result<OrganisationSummary, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    Actor::require(actor.is_province_admin())?;
    let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > MAX_REVIEW_NOTE_CHARS) {
        let max = MAX_REVIEW_NOTE_CHARS as u32;
        return Err(AppError::Invalid(vec![FieldError::new(
            "note",
            ValidationCode::TooLong { max },
        )]));
    }
    let txn = db::begin_write(conn).await?;
    let found = find_by_slug(&txn, slug).await?;
    if kind_of(&found)? == OrganisationKind::Province {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    let organisation_id = found.id;
    let mut active: organisation::ActiveModel = found.into();
    active.verified = Set(verified);
    let updated = active.update(&txn).await?;
    organisation_review::ActiveModel {
        organisation_id: Set(organisation_id),
        verified: Set(verified),
        reviewed_by: Set(actor.person_id),
        note: Set(note),
        reviewed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(organisation = %updated.slug, verified, by = actor.person_id, "organisation reviewed");
    summary(&updated)
}
