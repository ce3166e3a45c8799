//! What the course and research offer forms need: a saved offer read back into a draft (for
//! editing), or a blank one with sensible defaults, and the choices of their lists.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::courses::session_draft;
use super::detail::tags;
use super::{authoring_university, for_editing};
use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency, course_detail, course_session, learning_form, offer_person, organisation,
    research_detail,
};
use crate::error::AppError;
use crate::model::{
    CourseDraft, CourseEditor, CourseForm, DeliveryMode, OfferCompetency, OfferKind, OfferPerson,
    ResearchDraft, ResearchEditor, ResearchForm, ResearchOutput,
};

/// The form of a new course for `university_slug`, or of the saved course `slug`; only for
/// those who may write it.
pub async fn course_editor<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    university_slug: &str,
    slug: Option<&str>,
) -> Result<CourseEditor, AppError> {
    let (university, form) = match slug {
        Some(slug) => {
            let found = for_editing(conn, actor, OfferKind::Course, slug).await?;
            let university = organisation::Entity::find_by_id(found.university_id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            let draft = saved_draft(conn, found).await?;
            (university, CourseForm::from_draft(&draft))
        }
        None => (authoring_university(conn, actor, university_slug).await?, blank_form()),
    };
    let competencies = competency_choices(conn).await?;
    let learning_forms = learning_form::Entity::find()
        .select_only()
        .column(learning_form::Column::Code)
        .column(learning_form::Column::NameId)
        .column(learning_form::Column::NameEn)
        .order_by_asc(learning_form::Column::SortOrder)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(CourseEditor {
        university_slug: university.slug,
        university_name: university.name,
        slug: slug.map(str::to_owned),
        form,
        competencies,
        learning_forms,
    })
}

/// The form of a new research offer for `university_slug`, or of the saved one `slug`; only
/// for those who may write it.
pub async fn research_editor<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    university_slug: &str,
    slug: Option<&str>,
) -> Result<ResearchEditor, AppError> {
    let (university, form) = match slug {
        Some(slug) => {
            let found = for_editing(conn, actor, OfferKind::Research, slug).await?;
            let university = organisation::Entity::find_by_id(found.university_id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            let draft = saved_research(conn, found).await?;
            (university, ResearchForm::from_draft(&draft))
        }
        None => {
            (authoring_university(conn, actor, university_slug).await?, ResearchForm::default())
        }
    };
    Ok(ResearchEditor {
        university_slug: university.slug,
        university_name: university.name,
        slug: slug.map(str::to_owned),
        form,
        competencies: competency_choices(conn).await?,
    })
}

/// (code, Indonesian name, English name) of every competency, by code.
async fn competency_choices<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(String, String, String)>, AppError> {
    Ok(competency::Entity::find()
        .select_only()
        .column(competency::Column::Code)
        .column(competency::Column::NameId)
        .column(competency::Column::NameEn)
        .order_by_asc(competency::Column::Code)
        .into_tuple()
        .all(conn)
        .await?)
}

/// A new course: classroom training with the completion rules most programmes use.
fn blank_form() -> CourseForm {
    CourseForm {
        learning_form: "pelatihan".to_owned(),
        mode: DeliveryMode::TatapMuka.as_db().to_owned(),
        fee: "0".to_owned(),
        min_attendance: "80".to_owned(),
        min_post_test: "70".to_owned(),
        ..CourseForm::default()
    }
}

/// A saved course as the draft it was written from.
async fn saved_draft<C: ConnectionTrait>(
    conn: &C,
    found: crate::backend::entities::offer::Model,
) -> Result<CourseDraft, AppError> {
    let details = course_detail::Entity::find_by_id(found.id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("course {} has no details", found.id)))?;
    let form = learning_form::Entity::find_by_id(details.learning_form_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("course {} has no learning form", found.id)))?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(found.id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(conn)
        .await?
        .iter()
        .map(session_draft)
        .collect();
    let (instructors, competencies) = people_and_competencies(conn, found.id).await?;
    Ok(CourseDraft {
        title: found.title,
        summary: found.summary,
        description: found.description,
        competencies,
        jp: details.jp.into(),
        learning_form: form.code,
        international: details.international,
        mode: found
            .mode
            .as_deref()
            .and_then(DeliveryMode::from_db)
            .unwrap_or(DeliveryMode::TatapMuka),
        region_code: found.region_code.unwrap_or_default(),
        sessions,
        capacity: details.capacity.into(),
        fee_rupiah: found.fee_rupiah.unwrap_or(0),
        instructors,
        prerequisites: details.prerequisites,
        min_attendance_percent: details.min_attendance_percent.into(),
        min_post_test_score: details.min_post_test_score.into(),
        enrollment_opens_on: details.enrollment_opens_on,
        enrollment_closes_on: details.enrollment_closes_on,
    })
}

/// A saved research offer as the draft it was written from.
async fn saved_research<C: ConnectionTrait>(
    conn: &C,
    found: crate::backend::entities::offer::Model,
) -> Result<ResearchDraft, AppError> {
    let details = research_detail::Entity::find_by_id(found.id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(format!("research {} has no details", found.id)))?;
    let (team, competencies) = people_and_competencies(conn, found.id).await?;
    Ok(ResearchDraft {
        title: found.title,
        summary: found.summary,
        description: found.description,
        expertise: details.expertise,
        team,
        competencies: competencies
            .into_iter()
            .map(|c| OfferCompetency { code: c.code, level: None })
            .collect(),
        sectors: details.sectors.lines().map(str::to_owned).collect(),
        duration_months: details.duration_months.into(),
        budget_min_rupiah: details.budget_min_rupiah,
        budget_max_rupiah: details.budget_max_rupiah,
        outputs: ResearchOutput::parse_list(&details.outputs),
    })
}

/// The people (in their order) and the competencies of the offer `offer_id`.
async fn people_and_competencies<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<(Vec<OfferPerson>, Vec<OfferCompetency>), AppError> {
    let people = offer_person::Entity::find()
        .filter(offer_person::Column::OfferId.eq(offer_id))
        .order_by_asc(offer_person::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| OfferPerson { name: p.name, role: p.role })
        .collect();
    let competencies = tags(conn, &[offer_id])
        .await?
        .into_iter()
        .map(|(_, tag)| OfferCompetency { code: tag.code, level: tag.level })
        .collect();
    Ok((people, competencies))
}
