//! Mentoring between civil servants (the 20 of the 10:20:70 learning model): an ASN at level 4
//! or above in a competency offers to mentor it; a junior is suggested mentors by competency,
//! agency and free places and asks one with a plan (`requests`); the mentor agrees or declines;
//! the pair log sessions and each confirms the other's (`sessions`); the mentor completes it,
//! which credits JP through the conversion table's mentoring rows in the same transaction.
//!
//! Who may: only the pair act on a mentorship; the mentee's agency leads and province
//! administrators may read it; anyone else is told it does not exist.

mod read;
mod requests;
mod sessions;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect,
};

use super::assessments::{current_level, current_levels_in};
use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency, membership, mentor_offer, mentorship, organisation, person,
};
use crate::domain::mentoring::{MentorCandidate, may_mentor, suggest};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    FieldError, MentorOfferDraft, MentorSuggestion, MentorshipStatus, Role, ValidationCode,
};

pub use read::{mentorship, own_mentoring};
pub use requests::{answer_request, cancel_mentorship, request_mentor};
pub use sessions::{complete_mentorship, confirm_session, log_session};

/// The most offers weighed for one competency's suggestions.
const SUGGESTIONS_READ: u64 = 200;

/// The competency of `code`, or a translated error on `field`.
async fn competency_of<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    field: &str,
) -> Result<competency::Model, AppError> {
    competency::Entity::find()
        .filter(competency::Column::Code.eq(code))
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new(field, ValidationCode::UnknownChoice)])
        })
}

/// Offers (or updates the offer) to mentor a competency: the signed-in civil servant must be at
/// level 4 or above in it now.
pub async fn offer_to_mentor<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    draft: &MentorOfferDraft,
) -> Result<(), AppError> {
    let agency_id = actor.staff_agency().ok_or(AppError::Forbidden)?;
    draft.validate().map_err(AppError::Invalid)?;
    let competency = competency_of(conn, &draft.competency, "competency").await?;
    if !may_mentor(current_level(conn, actor.person_id, competency.id).await?) {
        return Err(AppError::Conflict(ConflictReason::BelowMentorLevel));
    }
    let offer = mentor_offer::ActiveModel {
        person_id: Set(actor.person_id),
        competency_id: Set(competency.id),
        agency_id: Set(agency_id),
        capacity: Set(draft.capacity),
        note: Set(draft.note.clone()),
        active: Set(true),
        created_at: Set(Utc::now()),
    };
    mentor_offer::Entity::insert(offer)
        .on_conflict(
            OnConflict::columns([
                mentor_offer::Column::PersonId,
                mentor_offer::Column::CompetencyId,
            ])
            .update_columns([
                mentor_offer::Column::AgencyId,
                mentor_offer::Column::Capacity,
                mentor_offer::Column::Note,
                mentor_offer::Column::Active,
            ])
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Withdraws the signed-in person's offer to mentor `code` (their open mentorships go on).
pub async fn withdraw_offer<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    code: &str,
) -> Result<(), AppError> {
    let competency = competency_of(conn, code, "competency").await?;
    let withdrawn = mentor_offer::Entity::update_many()
        .col_expr(mentor_offer::Column::Active, false.into())
        .filter(mentor_offer::Column::PersonId.eq(actor.person_id))
        .filter(mentor_offer::Column::CompetencyId.eq(competency.id))
        .exec(conn)
        .await?;
    if withdrawn.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The open mentorships (requested or active) of `mentor_id` in `competency_id`: the places
/// they hold.
async fn places_held<C: ConnectionTrait>(
    conn: &C,
    mentor_id: i32,
    competency_id: i32,
) -> Result<i32, AppError> {
    let open = [MentorshipStatus::Requested.as_db(), MentorshipStatus::Active.as_db()];
    let held = mentorship::Entity::find()
        .filter(mentorship::Column::MentorId.eq(mentor_id))
        .filter(mentorship::Column::CompetencyId.eq(competency_id))
        .filter(mentorship::Column::Status.is_in(open))
        .count(conn)
        .await?;
    Ok(i32::try_from(held).unwrap_or(i32::MAX))
}

/// The places held in `competency_id` by each of `mentors` who holds any (one grouped count).
async fn places_held_by<C: ConnectionTrait>(
    conn: &C,
    mentors: Vec<i32>,
    competency_id: i32,
) -> Result<HashMap<i32, i32>, AppError> {
    let open = [MentorshipStatus::Requested.as_db(), MentorshipStatus::Active.as_db()];
    let counts: Vec<(i32, i64)> = mentorship::Entity::find()
        .select_only()
        .column(mentorship::Column::MentorId)
        .column_as(mentorship::Column::Id.count(), "held")
        .filter(mentorship::Column::MentorId.is_in(mentors))
        .filter(mentorship::Column::CompetencyId.eq(competency_id))
        .filter(mentorship::Column::Status.is_in(open))
        .group_by(mentorship::Column::MentorId)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(counts.into_iter().map(|(id, n)| (id, i32::try_from(n).unwrap_or(i32::MAX))).collect())
}

/// The mentors a civil servant may ask for `code`, best first (`domain::mentoring::suggest`):
/// never themselves, only those still at the mentoring level with a free place.
pub async fn suggest_mentors<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    code: &str,
) -> Result<Vec<MentorSuggestion>, AppError> {
    let agency_id = actor.staff_agency().ok_or(AppError::Forbidden)?;
    let competency = competency_of(conn, code, "competency").await?;
    let offers = mentor_offer::Entity::find()
        .filter(mentor_offer::Column::CompetencyId.eq(competency.id))
        .filter(mentor_offer::Column::Active.eq(true))
        .filter(mentor_offer::Column::PersonId.ne(actor.person_id))
        .limit(SUGGESTIONS_READ)
        .all(conn)
        .await?;
    let mentors: Vec<i32> = offers.iter().map(|o| o.person_id).collect();
    let levels = current_levels_in(conn, mentors.clone(), competency.id).await?;
    let held = places_held_by(conn, mentors, competency.id).await?;
    let candidates = offers
        .iter()
        .map(|offer| MentorCandidate {
            person_id: offer.person_id,
            level: levels.get(&offer.person_id).copied(),
            same_agency: offer.agency_id == agency_id,
            free_places: i32::from(offer.capacity)
                - held.get(&offer.person_id).copied().unwrap_or(0),
        })
        .collect();
    let ranked = suggest(candidates);
    let ids: Vec<i32> = ranked.iter().map(|c| c.person_id).collect();
    let people = person::Entity::find()
        .filter(person::Column::Id.is_in(ids.clone()))
        .filter(person::Column::DeactivatedAt.is_null())
        .all(conn)
        .await?;
    let memberships = membership::Entity::find()
        .filter(membership::Column::PersonId.is_in(ids))
        .filter(membership::Column::Role.eq(Role::Asn.as_db()))
        .all(conn)
        .await?;
    let agencies = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(memberships.iter().map(|m| m.organisation_id)))
        .all(conn)
        .await?;
    Ok(ranked
        .into_iter()
        .filter_map(|c| {
            let who = people.iter().find(|p| p.id == c.person_id)?;
            let member = memberships.iter().find(|m| m.person_id == c.person_id)?;
            let agency = agencies.iter().find(|a| a.id == member.organisation_id)?;
            let offer = offers.iter().find(|o| o.person_id == c.person_id)?;
            Some(MentorSuggestion {
                person_id: c.person_id,
                name: who.full_name.clone(),
                agency: agency.name.clone(),
                unit: member.unit.clone().unwrap_or_default(),
                level: c.level.unwrap_or_default(),
                free_places: c.free_places,
                note: offer.note.clone(),
            })
        })
        .collect())
}
