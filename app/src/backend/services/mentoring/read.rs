//! Reading mentorships: one with its sessions, for the pair, the mentee's agency leads and the
//! province; and the signed-in person's own page (mentorships newest first, offers, what they
//! may offer).

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::places_held;
use crate::backend::auth::Actor;
use crate::backend::entities::{competency, mentor_offer, mentoring_session, mentorship, person};
use crate::backend::services::assessments::current_levels_of;
use crate::domain::mentoring::may_mentor;
use crate::error::AppError;
use crate::model::{
    MentorOfferView, MentorableCompetency, MentoringSessionView, MentorshipStatus, MentorshipView,
    OwnMentoring, Role,
};

/// The most mentorships the own list shows.
const OWN_SHOWN: u64 = 200;

/// Whether `actor` may read mentorship `m`.
fn may_read(actor: &Actor, m: &mentorship::Model) -> bool {
    actor.person_id == m.mentor_id
        || actor.person_id == m.mentee_id
        || actor.has_role_in(Role::AgencyLead, m.agency_id)
        || actor.is_province_admin()
}

/// Mentorship `id` with its sessions, oldest first.
pub async fn mentorship<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i32,
) -> Result<MentorshipView, AppError> {
    let found = mentorship::Entity::find_by_id(id)
        .one(conn)
        .await?
        .filter(|m| may_read(actor, m))
        .ok_or(AppError::NotFound)?;
    let sessions = mentoring_session::Entity::find()
        .filter(mentoring_session::Column::MentorshipId.eq(id))
        .order_by_asc(mentoring_session::Column::HeldOn)
        .order_by_asc(mentoring_session::Column::Id)
        .all(conn)
        .await?;
    let mut views = views(conn, actor, vec![found]).await?;
    let mut view = views.pop().ok_or(AppError::NotFound)?;
    let names = names(conn, sessions.iter().map(|s| s.logged_by).collect()).await?;
    let active = view.status == MentorshipStatus::Active;
    let pair = view.viewer_is_mentor || view.viewer_is_mentee;
    view.confirmed_minutes = sessions
        .iter()
        .filter(|s| s.confirmed_by.is_some())
        .map(|s| u32::try_from(s.minutes).unwrap_or(0))
        .sum();
    view.sessions = sessions
        .into_iter()
        .map(|s| MentoringSessionView {
            id: s.id,
            held_on: s.held_on,
            minutes: s.minutes,
            topic: s.topic,
            logged_by: names.get(&s.logged_by).cloned().unwrap_or_default(),
            confirmed: s.confirmed_by.is_some(),
            viewer_confirms: active
                && pair
                && s.confirmed_by.is_none()
                && s.logged_by != actor.person_id,
        })
        .collect();
    Ok(view)
}

/// The signed-in person's mentoring page: their mentorships, their offers to mentor with the
/// places each holds, and the competencies they may offer (current level 4 or above).
pub async fn own_mentoring<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<OwnMentoring, AppError> {
    let mentorships = own_mentorships(conn, actor).await?;
    if actor.staff_agency().is_none() {
        let (offers, mentorable) = (Vec::new(), Vec::new());
        return Ok(OwnMentoring { mentorships, offers, mentorable });
    }
    let offers = mentor_offer::Entity::find()
        .filter(mentor_offer::Column::PersonId.eq(actor.person_id))
        .all(conn)
        .await?;
    let levels = current_levels_of(conn, actor.person_id).await?;
    let ids = offers.iter().map(|o| o.competency_id).chain(levels.keys().copied());
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut offer_views = Vec::with_capacity(offers.len());
    for offer in offers {
        let Some(c) = competencies.get(&offer.competency_id) else { continue };
        offer_views.push(MentorOfferView {
            code: c.code.clone(),
            name_id: c.name_id.clone(),
            name_en: c.name_en.clone(),
            capacity: offer.capacity,
            held: places_held(conn, actor.person_id, offer.competency_id).await?,
            note: offer.note,
            active: offer.active,
        });
    }
    offer_views.sort_by(|a, b| a.code.cmp(&b.code));
    let mut mentorable: Vec<MentorableCompetency> = levels
        .into_iter()
        .filter(|(_, level)| may_mentor(Some(*level)))
        .filter_map(|(id, level)| {
            let c = competencies.get(&id)?;
            let (code, name_id, name_en) = (c.code.clone(), c.name_id.clone(), c.name_en.clone());
            Some(MentorableCompetency { code, name_id, name_en, level })
        })
        .collect();
    mentorable.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(OwnMentoring { mentorships, offers: offer_views, mentorable })
}

/// The signed-in person's mentorships, as mentee or mentor, newest first (without sessions).
async fn own_mentorships<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<MentorshipView>, AppError> {
    let found = mentorship::Entity::find()
        .filter(
            Condition::any()
                .add(mentorship::Column::MentorId.eq(actor.person_id))
                .add(mentorship::Column::MenteeId.eq(actor.person_id)),
        )
        .order_by_desc(mentorship::Column::CreatedAt)
        .order_by_desc(mentorship::Column::Id)
        .paginate(conn, OWN_SHOWN)
        .fetch_page(0)
        .await?;
    views(conn, actor, found).await
}

async fn names<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect())
}

/// The views of `found` for `actor`, sessions left empty.
async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    found: Vec<mentorship::Model>,
) -> Result<Vec<MentorshipView>, AppError> {
    let people =
        names(conn, found.iter().flat_map(|m| [m.mentor_id, m.mentee_id]).collect()).await?;
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(found.iter().map(|m| m.competency_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(found
        .into_iter()
        .filter_map(|m| {
            let c = competencies.get(&m.competency_id)?;
            Some(MentorshipView {
                id: m.id,
                mentor: people.get(&m.mentor_id).cloned().unwrap_or_default(),
                mentee: people.get(&m.mentee_id).cloned().unwrap_or_default(),
                code: c.code.clone(),
                name_id: c.name_id.clone(),
                name_en: c.name_en.clone(),
                goal_level: m.goal_level,
                starts_on: m.starts_on,
                ends_on: m.ends_on,
                status: MentorshipStatus::from_db(&m.status)?,
                request_note: m.request_note,
                answer_note: m.answer_note,
                viewer_is_mentor: m.mentor_id == actor.person_id,
                viewer_is_mentee: m.mentee_id == actor.person_id,
                sessions: Vec::new(),
                confirmed_minutes: 0,
            })
        })
        .collect())
}
