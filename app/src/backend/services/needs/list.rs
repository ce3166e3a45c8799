//! The needs list: open needs the viewer may see, newest first, a page at a time (keyset on the
//! id), filtered by kind, competency and agency; an agency's leads and the province also see all
//! of that agency's needs, drafts and finished ones included. Four statements a page.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{ExprTrait, Query},
};

use super::{sees_everything_of, status_of, verified_universities_of};
use crate::backend::auth::Actor;
use crate::backend::entities::{competency, competency_need_detail, need, organisation};
use crate::backend::services::organisations;
use crate::error::AppError;
use crate::model::{
    CompetencyTag, NEEDS_PAGE_SIZE, NeedCard, NeedKind, NeedPage, NeedQuery, NeedStatus,
};

/// One page of the list for `viewer` (None: an anonymous visitor).
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    query: &NeedQuery,
) -> Result<NeedPage, AppError> {
    let mut select = need::Entity::find();
    let agency = match query.agency.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => Some(organisations::find_by_slug(conn, slug).await?),
        None => None,
    };
    let whole_agency = agency
        .as_ref()
        .is_some_and(|agency| viewer.is_some_and(|a| sees_everything_of(a, agency.id)));
    if let Some(agency) = &agency {
        select = select.filter(need::Column::AgencyId.eq(agency.id));
    }
    if !whole_agency {
        select = select
            .filter(need::Column::Status.eq(NeedStatus::Open.as_db()))
            .filter(visible_to(conn, viewer).await?);
    }
    if let Some(kind) = query.kind {
        select = select.filter(need::Column::Kind.eq(kind.as_db()));
    }
    if let Some(code) = query.competency.as_deref().filter(|c| !c.is_empty()) {
        select = select.filter(
            need::Column::Id.in_subquery(
                Query::select()
                    .column(competency_need_detail::Column::NeedId)
                    .from(competency_need_detail::Entity)
                    .inner_join(
                        competency::Entity,
                        sea_orm::sea_query::Expr::col((competency::Entity, competency::Column::Id))
                            .equals((
                                competency_need_detail::Entity,
                                competency_need_detail::Column::CompetencyId,
                            )),
                    )
                    .and_where(competency::Column::Code.eq(code))
                    .to_owned(),
            ),
        );
    }
    if let Some(after) = query.after.as_deref().and_then(|a| a.parse::<i32>().ok()) {
        select = select.filter(need::Column::Id.lt(after));
    }
    let mut rows =
        select.order_by_desc(need::Column::Id).limit(NEEDS_PAGE_SIZE + 1).all(conn).await?;
    let more = rows.len() as u64 > NEEDS_PAGE_SIZE;
    rows.truncate(NEEDS_PAGE_SIZE as usize);
    let next_after = more.then(|| rows.last().map(|r| r.id.to_string())).flatten();
    Ok(NeedPage { needs: cards(conn, rows).await?, next_after })
}

/// The condition on `needs` of what `viewer` may see among open needs: everything for the
/// province and verified universities; else public needs and their own agency's.
async fn visible_to<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
) -> Result<Condition, AppError> {
    let public = Condition::any().add(need::Column::IsPublic.eq(true));
    let Some(actor) = viewer else { return Ok(public) };
    if actor.is_province_admin() || !verified_universities_of(conn, actor).await?.is_empty() {
        return Ok(Condition::all());
    }
    let own: Vec<i32> = actor.grants.iter().map(|g| g.organisation_id).collect();
    Ok(public.add(need::Column::AgencyId.is_in(own)))
}

/// The cards of the rows, with their agencies and (competency needs) competencies.
pub(super) async fn cards<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<need::Model>,
) -> Result<Vec<NeedCard>, AppError> {
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let agency_ids: Vec<i32> = rows.iter().map(|r| r.agency_id).collect();
    let agencies: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(agency_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let details: HashMap<i32, (competency_need_detail::Model, Option<competency::Model>)> =
        competency_need_detail::Entity::find()
            .find_also_related(competency::Entity)
            .filter(competency_need_detail::Column::NeedId.is_in(ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|(d, c)| (d.need_id, (d, c)))
            .collect();
    rows.into_iter()
        .map(|row| {
            let agency = agencies.get(&row.agency_id).ok_or(AppError::NotFound)?;
            let detail = details.get(&row.id);
            Ok(NeedCard {
                kind: NeedKind::from_db(&row.kind).unwrap_or(NeedKind::Competency),
                status: status_of(&row)?,
                competency: detail.and_then(|(d, c)| {
                    c.as_ref().map(|c| CompetencyTag {
                        code: c.code.clone(),
                        name_id: c.name_id.clone(),
                        name_en: c.name_en.clone(),
                        level: u8::try_from(d.target_level).ok(),
                    })
                }),
                headcount: detail.map(|(d, _)| d.headcount),
                slug: row.slug,
                title: row.title,
                summary: row.summary,
                is_public: row.is_public,
                agency_slug: agency.slug.clone(),
                agency_name: agency.name.clone(),
                deadline: row.deadline,
                budget_rupiah: row.budget_rupiah,
            })
        })
        .collect()
}
