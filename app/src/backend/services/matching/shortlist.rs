//! An agency lead's work on a need's ranking: a shortlist of offers, and invitations to an
//! offer's university to propose for the need (told in the portal and by mail). Both are for
//! the leads of the need's agency while the need is open, on published offers of its kind.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QuerySelect, TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{need, offer, organisation, proposal_invitation, shortlisted_offer};
use crate::backend::services::{needs, notifications};
use crate::backend::write_txn::WriteTxn;
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, NeedKind, NeedStatus, NotificationEvent, OfferKind, OfferStatus, Role,
    ValidationCode,
};

/// Puts the offer `offer_slug` on the shortlist of the need `need_slug` (`on`) or takes it off.
pub async fn set_shortlisted<C>(
    conn: &C,
    actor: &Actor,
    need_slug: &str,
    offer_slug: &str,
    on: bool,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let (found, chosen) = for_lead(&txn, actor, need_slug, offer_slug).await?;
    if on {
        // Twice on is once on, also when two clicks arrive at once.
        let row = shortlisted_offer::ActiveModel {
            need_id: Set(found.id),
            offer_id: Set(chosen.id),
            added_by: Set(actor.person_id),
            added_at: Set(Utc::now()),
        };
        shortlisted_offer::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    shortlisted_offer::Column::NeedId,
                    shortlisted_offer::Column::OfferId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
    } else {
        shortlisted_offer::Entity::delete_by_id((found.id, chosen.id)).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Invites the university of the offer `offer_slug` to propose for the need `need_slug`; its
/// academics and coordinators are told. Once per offer and need.
pub async fn invite<C>(
    conn: &C,
    actor: &Actor,
    need_slug: &str,
    offer_slug: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let (found, chosen) = for_lead(&txn, actor, need_slug, offer_slug).await?;
    proposal_invitation::ActiveModel {
        need_id: Set(found.id),
        offer_id: Set(chosen.id),
        invited_by: Set(actor.person_id),
        invited_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let agency = organisation::Entity::find_by_id(found.agency_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut people =
        notifications::members_with_role(&txn, chosen.university_id, Role::Academic).await?;
    people.extend(
        notifications::members_with_role(&txn, chosen.university_id, Role::UniversityCoordinator)
            .await?,
    );
    let event = NotificationEvent::InvitedToPropose {
        need: found.title.clone(),
        agency: agency.name,
        offer: chosen.title.clone(),
    };
    notifications::notify(&txn, &people, &event, &format!("/kebutuhan/{}", found.slug)).await?;
    txn.commit().await?;
    Ok(())
}

/// The offers on the need's shortlist and those whose university was invited (offer ids).
pub(crate) async fn marks<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
) -> Result<(HashSet<i32>, HashSet<i32>), AppError> {
    let shortlisted: Vec<i32> = shortlisted_offer::Entity::find()
        .select_only()
        .column(shortlisted_offer::Column::OfferId)
        .filter(shortlisted_offer::Column::NeedId.eq(need_id))
        .into_tuple()
        .all(conn)
        .await?;
    let invited: Vec<i32> = proposal_invitation::Entity::find()
        .select_only()
        .column(proposal_invitation::Column::OfferId)
        .filter(proposal_invitation::Column::NeedId.eq(need_id))
        .into_tuple()
        .all(conn)
        .await?;
    Ok((shortlisted.into_iter().collect(), invited.into_iter().collect()))
}

/// The open need and the published offer of its kind, if `actor` leads the need's agency.
async fn for_lead(
    txn: &WriteTxn,
    actor: &Actor,
    need_slug: &str,
    offer_slug: &str,
) -> Result<(need::Model, offer::Model), AppError> {
    let found = needs::find_locked(txn, need_slug).await?;
    if !needs::manages(actor, &found) {
        return Err(needs::refusal(txn, actor, &found).await?);
    }
    if needs::status_of(&found)? != NeedStatus::Open {
        return Err(AppError::Conflict(ConflictReason::NeedNotOpen));
    }
    let wanted = match NeedKind::from_db(&found.kind) {
        Some(NeedKind::Research) => OfferKind::Research,
        _ => OfferKind::Course,
    };
    let chosen = offer::Entity::find()
        .filter(offer::Column::Slug.eq(offer_slug))
        .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
        .filter(offer::Column::Kind.eq(wanted.as_db()))
        .one(txn)
        .await?
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new("offer", ValidationCode::UnknownChoice)])
        })?;
    Ok((found, chosen))
}
