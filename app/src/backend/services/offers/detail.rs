//! An offer's page: everything about one course or research offer, for the public once it is
//! published (and after, so bookmarked links still say what became of it), for its university
//! while it is a draft.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait,
};

use super::{find, is_public, manages, refusal, sees_drafts_of, status_of};
use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency, course_detail, course_session, learning_form, offer, offer_competency,
    offer_person, offer_status_change, organisation, person, research_detail,
};
use crate::backend::markdown::to_safe_html;
use crate::backend::services::evaluations;
use crate::error::AppError;
use crate::model::{
    CompetencyTag, CourseFacts, DeliveryMode, OfferCard, OfferDetail, OfferEvaluation, OfferFacts,
    OfferKind, OfferPerson, OfferStatus, Region, ResearchFacts, ResearchOutput, SessionView,
    StatusChangeView,
};

/// The page of the offer `slug`; `NotFound` for a draft the viewer may not see.
pub async fn detail<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    kind: OfferKind,
    slug: &str,
) -> Result<OfferDetail, AppError> {
    let found = find(conn, kind, slug).await?;
    let status = status_of(&found)?;
    if !is_public(&found)? && !viewer.is_some_and(|a| sees_drafts_of(a, &found)) {
        return Err(AppError::NotFound);
    }
    let university = organisation::Entity::find_by_id(found.university_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let competencies = tags(conn, &[found.id]).await?.into_iter().map(|(_, tag)| tag).collect();
    let people = offer_person::Entity::find()
        .filter(offer_person::Column::OfferId.eq(found.id))
        .order_by_asc(offer_person::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| OfferPerson { name: p.name, role: p.role })
        .collect();
    let (facts, jp) = match kind {
        OfferKind::Course => {
            let course = course_facts(conn, found.id).await?;
            let jp = course.jp;
            (OfferFacts::Course(course), Some(jp))
        }
        OfferKind::Research => (OfferFacts::Research(research_facts(conn, found.id).await?), None),
    };
    let evaluation = match kind {
        OfferKind::Course => evaluation(conn, &found).await?,
        OfferKind::Research => None,
    };
    Ok(OfferDetail {
        status,
        evaluation,
        description_html: to_safe_html(&found.description),
        university_slug: university.slug.clone(),
        people,
        published_at: found.published_at.map(|at| at.to_rfc3339()),
        facts,
        manageable: viewer.is_some_and(|a| manages(a, &found)),
        cancellable: viewer.is_some_and(|a| manages(a, &found) || a.is_province_admin()),
        site_url: String::new(),
        card: card(found, university.name, jp, competencies),
    })
}

/// The course's evaluation beside its university's, unless nothing the university taught ended.
async fn evaluation<C: ConnectionTrait>(
    conn: &C,
    found: &offer::Model,
) -> Result<Option<OfferEvaluation>, AppError> {
    let university = evaluations::university_summaries(conn, &[found.university_id])
        .await?
        .remove(&found.university_id);
    let Some(university) = university else { return Ok(None) };
    let course = evaluations::offer_summary(conn, found.id).await?;
    Ok(Some(OfferEvaluation { course, university }))
}

/// The lifecycle of the offer `slug`, oldest first, for those who may see its drafts.
pub async fn history<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: OfferKind,
    slug: &str,
) -> Result<Vec<StatusChangeView>, AppError> {
    let found = find(conn, kind, slug).await?;
    if !sees_drafts_of(actor, &found) {
        return Err(refusal(actor, &found)?);
    }
    let rows: Vec<(String, String, chrono::DateTime<chrono::Utc>, String)> =
        offer_status_change::Entity::find()
            .select_only()
            .column(offer_status_change::Column::ToStatus)
            .column(person::Column::FullName)
            .column(offer_status_change::Column::ChangedAt)
            .column(offer_status_change::Column::Note)
            .join(
                JoinType::InnerJoin,
                offer_status_change::Entity::belongs_to(person::Entity)
                    .from(offer_status_change::Column::ChangedBy)
                    .to(person::Column::Id)
                    .into(),
            )
            .filter(offer_status_change::Column::OfferId.eq(found.id))
            .order_by_asc(offer_status_change::Column::Id)
            .into_tuple()
            .all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(to, by, at, note)| {
            OfferStatus::from_db(&to).map(|to| StatusChangeView {
                to,
                by,
                at: at.to_rfc3339(),
                note,
            })
        })
        .collect())
}

/// The competencies of these offers, by offer, in dictionary order. One query.
pub(super) async fn tags<C: ConnectionTrait>(
    conn: &C,
    offer_ids: &[i32],
) -> Result<Vec<(i32, CompetencyTag)>, AppError> {
    let rows: Vec<(i32, Option<i16>, String, String, String)> = offer_competency::Entity::find()
        .select_only()
        .column(offer_competency::Column::OfferId)
        .column(offer_competency::Column::Level)
        .column(competency::Column::Code)
        .column(competency::Column::NameId)
        .column(competency::Column::NameEn)
        .join(JoinType::InnerJoin, offer_competency::Relation::Competency.def())
        .filter(offer_competency::Column::OfferId.is_in(offer_ids.iter().copied()))
        .order_by_asc(competency::Column::Code)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(offer_id, level, code, name_id, name_en)| {
            let level = level.and_then(|l| u8::try_from(l).ok());
            (offer_id, CompetencyTag { code, name_id, name_en, level })
        })
        .collect())
}

/// The cards of the published offers among `ids` (others are left out), by offer id.
pub async fn published_cards<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, OfferCard>, AppError> {
    let rows = offer::Entity::find()
        .filter(offer::Column::Id.is_in(ids.iter().copied()))
        .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let universities: std::collections::HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|r| r.university_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let jp: std::collections::HashMap<i32, i32> = course_detail::Entity::find()
        .filter(course_detail::Column::OfferId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.offer_id, d.jp))
        .collect();
    let mut tags = if ids.is_empty() { Vec::new() } else { tags(conn, &ids).await? };
    Ok(rows
        .into_iter()
        .map(|row| {
            let mine = tags.extract_if(.., |(id, _)| *id == row.id).map(|(_, t)| t).collect();
            let university = universities.get(&row.university_id).cloned().unwrap_or_default();
            let id = row.id;
            let jp = jp.get(&id).copied();
            (id, card(row, university, jp, mine))
        })
        .collect())
}

/// The card of a stored offer.
pub(super) fn card(
    model: offer::Model,
    university: String,
    jp: Option<i32>,
    competencies: Vec<CompetencyTag>,
) -> OfferCard {
    OfferCard {
        kind: OfferKind::from_db(&model.kind).unwrap_or(OfferKind::Course),
        slug: model.slug,
        title: model.title,
        summary: model.summary,
        university,
        mode: model.mode.as_deref().and_then(DeliveryMode::from_db),
        region: model.region_code.as_deref().and_then(Region::by_code).map(|r| r.name.to_owned()),
        fee_rupiah: model.fee_rupiah,
        starts_on: model.starts_on,
        jp,
        competencies,
    }
}

async fn course_facts<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<CourseFacts, AppError> {
    let details = course_detail::Entity::find_by_id(offer_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("course {offer_id} has no details")))?;
    let form = learning_form::Entity::find_by_id(details.learning_form_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("course {offer_id} has no learning form")))?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(offer_id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(conn)
        .await?
        .into_iter()
        .map(|s| SessionView {
            starts_at: s.starts_at.to_rfc3339(),
            ends_at: s.ends_at.to_rfc3339(),
            place: s.place,
        })
        .collect();
    Ok(CourseFacts {
        jp: details.jp,
        learning_form_id: form.name_id,
        learning_form_en: form.name_en,
        international: details.international,
        capacity: details.capacity,
        prerequisites: details.prerequisites,
        min_attendance_percent: details.min_attendance_percent,
        min_post_test_score: details.min_post_test_score,
        enrollment_opens_on: details.enrollment_opens_on,
        enrollment_closes_on: details.enrollment_closes_on,
        sessions,
    })
}

async fn research_facts<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<ResearchFacts, AppError> {
    let details = research_detail::Entity::find_by_id(offer_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("research offer {offer_id} has no details")))?;
    Ok(ResearchFacts {
        expertise: details.expertise,
        sectors: details.sectors.lines().map(str::to_owned).collect(),
        duration_months: details.duration_months,
        budget_min_rupiah: details.budget_min_rupiah,
        budget_max_rupiah: details.budget_max_rupiah,
        outputs: ResearchOutput::parse_list(&details.outputs),
    })
}
