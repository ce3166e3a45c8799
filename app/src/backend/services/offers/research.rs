//! Writing a research offer: create a draft, save changes, with its details, competencies,
//! team and search text.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait};

use super::{
    SearchText, authoring_university, draft_row, for_editing, free_slug, record_status,
    resolve_competencies, write_children,
};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{competency, offer, organisation, research_detail};
use crate::error::AppError;
use crate::model::{OfferCompetency, OfferKind, OfferStatus, ResearchDraft, ResearchOutput};

/// Creates a draft research offer of the university `university_slug`; returns its slug.
pub async fn create_research<C>(
    conn: &C,
    actor: &Actor,
    university_slug: &str,
    draft: &ResearchDraft,
) -> Result<String, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let university = authoring_university(&txn, actor, university_slug).await?;
    let (_, slug) = insert_research(&txn, &university, actor.person_id, draft).await?;
    txn.commit().await?;
    Ok(slug)
}

/// Writes a validated draft research offer by `author_id`; its id and slug (see
/// `insert_course`).
pub(crate) async fn insert_research<C: ConnectionTrait>(
    conn: &C,
    university: &organisation::Model,
    author_id: i32,
    draft: &ResearchDraft,
) -> Result<(i32, String), AppError> {
    let competencies = resolve_competencies(conn, &unleveled(draft)).await?;
    let slug = free_slug(conn, &draft.title).await?;
    let mut row = draft_row(OfferKind::Research, university.id, author_id, &slug);
    fill(&mut row, draft, &competencies, university);
    let created = row.insert(conn).await?;
    write_research(conn, created.id, draft, &competencies).await?;
    record_status(conn, created.id, None, OfferStatus::Draft, author_id, "").await?;
    Ok((created.id, slug))
}

/// Saves a new version of the research offer `slug`.
pub async fn update_research<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    draft: &ResearchDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let found = for_editing(&txn, actor, OfferKind::Research, slug).await?;
    let university = organisation::Entity::find_by_id(found.university_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let competencies = resolve_competencies(&txn, &unleveled(draft)).await?;
    let id = found.id;
    let mut row: offer::ActiveModel = found.into();
    fill(&mut row, draft, &competencies, &university);
    row.update(&txn).await?;
    research_detail::Entity::delete_by_id(id).exec(&txn).await?;
    write_research(&txn, id, draft, &competencies).await?;
    txn.commit().await?;
    Ok(())
}

/// The research offer's competencies without levels: research develops, it does not certify,
/// and the catalogue's level filter is about courses.
fn unleveled(draft: &ResearchDraft) -> Vec<OfferCompetency> {
    draft
        .competencies
        .iter()
        .map(|c| OfferCompetency { code: c.code.clone(), level: None })
        .collect()
}

/// The `offers` columns of a research offer (no mode, place, fee or start: those are courses').
fn fill(
    row: &mut offer::ActiveModel,
    draft: &ResearchDraft,
    competencies: &[(competency::Model, Option<i16>)],
    university: &organisation::Model,
) {
    let mut body = vec![draft.description.as_str(), draft.expertise.as_str()];
    body.extend(draft.sectors.iter().map(String::as_str));
    body.extend(draft.team.iter().flat_map(|p| [p.name.as_str(), p.role.as_str()]));
    let search = SearchText::new(&draft.title, &draft.summary, competencies, university, &body);
    row.title = Set(draft.title.trim().to_owned());
    row.summary = Set(draft.summary.trim().to_owned());
    row.description = Set(draft.description.trim().to_owned());
    row.mode = Set(None);
    row.region_code = Set(None);
    row.fee_rupiah = Set(None);
    row.starts_on = Set(None);
    row.search_title = Set(search.title);
    row.search_keywords = Set(search.keywords);
    row.search_body = Set(search.body);
    row.updated_at = Set(Utc::now());
}

async fn write_research<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    draft: &ResearchDraft,
    competencies: &[(competency::Model, Option<i16>)],
) -> Result<(), AppError> {
    let months = i16::try_from(draft.duration_months).map_err(AppError::internal)?;
    research_detail::ActiveModel {
        offer_id: Set(offer_id),
        expertise: Set(draft.expertise.trim().to_owned()),
        sectors: Set(draft.sectors.iter().map(|s| s.trim()).collect::<Vec<_>>().join("\n")),
        duration_months: Set(months),
        budget_min_rupiah: Set(draft.budget_min_rupiah),
        budget_max_rupiah: Set(draft.budget_max_rupiah),
        outputs: Set(ResearchOutput::join(&draft.outputs)),
    }
    .insert(conn)
    .await?;
    write_children(conn, offer_id, competencies, &draft.team).await
}
