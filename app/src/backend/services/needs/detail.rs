//! A need's page and its form: everything about one need for those who may see it, with the
//! moves and history its agency and the province see, and the saved need as the form shows it.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};

use super::{authoring_agency, find, for_editing, manages, may_see, sees_everything_of, status_of};
use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency, competency_need_detail, membership, need, need_figure, need_status_change,
    organisation, person, research_need_detail,
};
use crate::error::AppError;
use crate::model::{
    CompetencyNeedDraft, CompetencyTag, DeliveryMode, NeedCard, NeedDetail, NeedDetails, NeedDraft,
    NeedEditor, NeedFacts, NeedFigure, NeedForm, NeedKind, NeedStatus, Region, ResearchNeedDraft,
    ResearchOutput, StatusChangeView,
};

/// The page of the need `slug`; `NotFound` for a viewer who may not see it.
pub async fn detail<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    slug: &str,
) -> Result<NeedDetail, AppError> {
    let found = find(conn, slug).await?;
    if !may_see(conn, viewer, &found).await? {
        return Err(AppError::NotFound);
    }
    let status = status_of(&found)?;
    let draft = saved_draft(conn, &found).await?;
    let agency = organisation::Entity::find_by_id(found.agency_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let competency = match &draft.details {
        NeedDetails::Competency(need) => Some(tag(conn, need).await?),
        NeedDetails::Research(_) => None,
    };
    let manager = viewer.is_some_and(|a| manages(a, &found));
    let province = viewer.is_some_and(Actor::is_province_admin);
    let moves = status
        .manual_moves()
        .filter(|next| manager || (province && *next == NeedStatus::Closed))
        .collect();
    let history = if viewer.is_some_and(|a| sees_everything_of(a, found.agency_id)) {
        history(conn, found.id).await?
    } else {
        Vec::new()
    };
    let facts = match &draft.details {
        NeedDetails::Competency(need) => NeedFacts::Competency {
            units: need.units.clone(),
            mode: need.preferred_mode,
            region: Region::by_code(&need.region_code).map(|r| r.name.to_owned()),
        },
        NeedDetails::Research(need) => NeedFacts::Research {
            expected_output: need.expected_output.clone(),
            outputs: need.outputs.clone(),
            starts_on: need.starts_on,
        },
    };
    let headcount = match &draft.details {
        NeedDetails::Competency(need) => i32::try_from(need.headcount).ok(),
        NeedDetails::Research(_) => None,
    };
    Ok(NeedDetail {
        card: NeedCard {
            slug: found.slug.clone(),
            kind: draft.kind(),
            title: found.title.clone(),
            summary: found.summary.clone(),
            status,
            is_public: found.is_public,
            agency_slug: agency.slug,
            agency_name: agency.name,
            deadline: found.deadline,
            budget_rupiah: found.budget_rupiah,
            competency,
            headcount,
        },
        description: found.description,
        facts,
        figures: draft.figures,
        editable: manager && status.is_editable(),
        moves,
        history,
    })
}

/// The need form: empty for a new need of `kind` of the agency `agency_slug`, or showing the
/// saved need `slug` (its agency's leads only, while it may still be edited).
pub async fn need_editor<C>(
    conn: &C,
    actor: &Actor,
    agency_slug: &str,
    slug: Option<&str>,
    kind: NeedKind,
) -> Result<NeedEditor, AppError>
where
    C: ConnectionTrait,
{
    let (agency, kind, form) = match slug {
        None => {
            let agency = authoring_agency(conn, actor, agency_slug).await?;
            let form = NeedForm { kind: kind.as_db().to_owned(), ..NeedForm::default() };
            (agency, kind, form)
        }
        Some(slug) => {
            let found = for_editing(conn, actor, slug).await?;
            let agency = organisation::Entity::find_by_id(found.agency_id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            let draft = saved_draft(conn, &found).await?;
            (agency, draft.kind(), NeedForm::from_draft(&draft))
        }
    };
    let competencies = competency::Entity::find()
        .order_by_asc(competency::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.code, c.name_id, c.name_en))
        .collect();
    let known_units: Vec<Option<String>> = membership::Entity::find()
        .select_only()
        .column(membership::Column::Unit)
        .distinct()
        .filter(membership::Column::OrganisationId.eq(agency.id))
        .filter(membership::Column::Unit.is_not_null())
        .order_by_asc(membership::Column::Unit)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(NeedEditor {
        agency_slug: agency.slug,
        agency_name: agency.name,
        slug: slug.map(str::to_owned),
        kind,
        form,
        competencies,
        known_units: known_units.into_iter().flatten().filter(|u| !u.is_empty()).collect(),
    })
}

/// The stored need as a draft: what the form shows and what the page describes.
async fn saved_draft<C: ConnectionTrait>(
    conn: &C,
    found: &need::Model,
) -> Result<NeedDraft, AppError> {
    let kind = NeedKind::from_db(&found.kind)
        .ok_or_else(|| AppError::internal(format!("need {} has kind {}", found.id, found.kind)))?;
    let details = match kind {
        NeedKind::Competency => {
            let (detail, competency) = competency_need_detail::Entity::find_by_id(found.id)
                .find_also_related(competency::Entity)
                .one(conn)
                .await?
                .ok_or_else(|| AppError::internal(format!("need {} has no details", found.id)))?;
            NeedDetails::Competency(CompetencyNeedDraft {
                competency: competency.map(|c| c.code).unwrap_or_default(),
                target_level: detail.target_level.into(),
                headcount: detail.headcount.into(),
                units: detail.units.lines().map(str::to_owned).collect(),
                preferred_mode: detail.preferred_mode.as_deref().and_then(DeliveryMode::from_db),
                region_code: detail.region_code.unwrap_or_default(),
            })
        }
        NeedKind::Research => {
            let detail = research_need_detail::Entity::find_by_id(found.id)
                .one(conn)
                .await?
                .ok_or_else(|| AppError::internal(format!("need {} has no details", found.id)))?;
            NeedDetails::Research(ResearchNeedDraft {
                expected_output: detail.expected_output,
                outputs: ResearchOutput::parse_list(&detail.outputs),
                starts_on: detail.starts_on,
            })
        }
    };
    let figures = need_figure::Entity::find()
        .filter(need_figure::Column::NeedId.eq(found.id))
        .order_by_asc(need_figure::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|f| NeedFigure { unit: f.unit, month: f.month, measure: f.measure, value: f.value })
        .collect();
    Ok(NeedDraft {
        title: found.title.clone(),
        summary: found.summary.clone(),
        description: found.description.clone(),
        deadline: found.deadline,
        budget_rupiah: found.budget_rupiah,
        is_public: found.is_public,
        figures,
        details,
    })
}

/// The competency of a competency need with its target level.
async fn tag<C: ConnectionTrait>(
    conn: &C,
    need: &CompetencyNeedDraft,
) -> Result<CompetencyTag, AppError> {
    let found = competency::Entity::find()
        .filter(competency::Column::Code.eq(&need.competency))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(CompetencyTag {
        code: found.code,
        name_id: found.name_id,
        name_en: found.name_en,
        level: u8::try_from(need.target_level).ok(),
    })
}

/// The need's lifecycle, oldest first.
async fn history<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
) -> Result<Vec<StatusChangeView<NeedStatus>>, AppError> {
    let rows: Vec<(String, String, chrono::DateTime<chrono::Utc>, String)> =
        need_status_change::Entity::find()
            .select_only()
            .column(need_status_change::Column::ToStatus)
            .column(person::Column::FullName)
            .column(need_status_change::Column::ChangedAt)
            .column(need_status_change::Column::Note)
            .join(
                JoinType::InnerJoin,
                need_status_change::Entity::belongs_to(person::Entity)
                    .from(need_status_change::Column::ChangedBy)
                    .to(person::Column::Id)
                    .into(),
            )
            .filter(need_status_change::Column::NeedId.eq(need_id))
            .order_by_asc(need_status_change::Column::Id)
            .into_tuple()
            .all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(to, by, at, note)| {
            NeedStatus::from_db(&to).map(|to| StatusChangeView {
                to,
                by,
                at: at.to_rfc3339(),
                note,
            })
        })
        .collect())
}
