//! Reading proposals: the ones on a need that the viewer may see, and the proposal form of a
//! university for a need.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency_need_detail, need, offer, organisation, person, proposal, research_need_detail,
};
use crate::backend::services::{collaborations, needs, organisations};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    NeedKind, NeedProposals, NeedStatus, OfferKind, OfferStatus, ProposalCard, ProposalEditor,
    ProposalForm, ProposalKind, ProposalStatus, ResearchOutput, Role,
};

/// The proposals on the need `slug` the viewer may see (see [`NeedProposals`]), and what they
/// may do with them. `NotFound` for a viewer who may not see the need.
pub async fn for_need<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    slug: &str,
) -> Result<NeedProposals, AppError> {
    let found = needs::find(conn, slug).await?;
    if !needs::may_see(conn, viewer, &found).await? {
        return Err(AppError::NotFound);
    }
    let Some(actor) = viewer else { return Ok(NeedProposals::default()) };
    let open = needs::status_of(&found)? == NeedStatus::Open;
    let sees_all = needs::sees_everything_of(actor, found.agency_id);
    let own = universities_of(conn, actor).await?;
    if !sees_all && own.is_empty() {
        return Ok(NeedProposals::default());
    }
    let mut query = proposal::Entity::find().filter(proposal::Column::NeedId.eq(found.id));
    if !sees_all {
        query = query.filter(proposal::Column::UniversityId.is_in(own.iter().map(|u| u.id)));
    }
    let rows = query
        .order_by_desc(proposal::Column::CreatedAt)
        .order_by_desc(proposal::Column::Id)
        .all(conn)
        .await?;
    let proposals = cards(conn, actor, rows).await?;
    let may_propose_for = own
        .iter()
        .filter(|u| open && u.verified)
        .find(|u| {
            !proposals
                .iter()
                .any(|p| p.university_slug == u.slug && p.status == ProposalStatus::Submitted)
        })
        .map(|u| u.slug.clone());
    Ok(NeedProposals {
        proposals,
        may_decide: open && needs::manages(actor, &found),
        may_propose_for,
        collaboration: collaborations::of_need(conn, actor, found.id).await?,
    })
}

/// The proposal form of the university `university_slug` for the need `need_slug`: its
/// academics and coordinators, while the need is open. `kept` is input refused a moment ago.
pub async fn proposal_editor<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    need_slug: &str,
    university_slug: &str,
    kept: Option<ProposalForm>,
) -> Result<ProposalEditor, AppError> {
    let university = organisations::find_by_slug(conn, university_slug).await?;
    Actor::require(organisations::speaks_for_university(actor, &university)?)?;
    organisations::ensure_may_publish(&university)?;
    let found = needs::find(conn, need_slug).await?;
    if !needs::may_see(conn, Some(actor), &found).await? {
        return Err(AppError::NotFound);
    }
    if needs::status_of(&found)? != NeedStatus::Open {
        return Err(AppError::Conflict(ConflictReason::NeedNotOpen));
    }
    let need_kind =
        NeedKind::from_db(&found.kind).ok_or_else(|| AppError::internal("need kind"))?;
    let wanted = match need_kind {
        NeedKind::Competency => OfferKind::Course,
        NeedKind::Research => OfferKind::Research,
    };
    let offers: Vec<(String, String)> = offer::Entity::find()
        .filter(offer::Column::UniversityId.eq(university.id))
        .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
        .filter(offer::Column::Kind.eq(wanted.as_db()))
        .order_by_asc(offer::Column::Title)
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.slug, o.title))
        .collect();
    let form = match kept {
        Some(form) => form,
        None => fresh_form(conn, &found, need_kind, !offers.is_empty()).await?,
    };
    let agency = organisation::Entity::find_by_id(found.agency_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ProposalEditor {
        need_slug: found.slug,
        need_title: found.title,
        need_kind,
        agency_name: agency.name,
        university_slug: university.slug,
        university_name: university.name,
        offers,
        form,
    })
}

/// A new proposal's form, filled in from the need: its headcount as the seats, its outputs.
async fn fresh_form<C: ConnectionTrait>(
    conn: &C,
    found: &need::Model,
    kind: NeedKind,
    has_offers: bool,
) -> Result<ProposalForm, AppError> {
    let proposal_kind = if has_offers { ProposalKind::Existing } else { ProposalKind::Tailored };
    let mut form =
        ProposalForm { kind: proposal_kind.as_db().to_owned(), ..ProposalForm::default() };
    match kind {
        NeedKind::Competency => {
            if let Some(details) =
                competency_need_detail::Entity::find_by_id(found.id).one(conn).await?
            {
                form.seats = details.headcount.to_string();
            }
        }
        NeedKind::Research => {
            if let Some(details) =
                research_need_detail::Entity::find_by_id(found.id).one(conn).await?
            {
                form.outputs = ResearchOutput::parse_list(&details.outputs)
                    .into_iter()
                    .map(|o| o.as_db().to_owned())
                    .collect();
            }
        }
    }
    Ok(form)
}

/// The universities where `actor` is an academic or coordinator.
async fn universities_of<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<organisation::Model>, AppError> {
    let ids: Vec<i32> = actor
        .grants
        .iter()
        .filter(|g| matches!(g.role, Role::Academic | Role::UniversityCoordinator))
        .map(|g| g.organisation_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?)
}

/// The rows as cards: three queries for the names, whatever the number of proposals.
async fn cards<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rows: Vec<proposal::Model>,
) -> Result<Vec<ProposalCard>, AppError> {
    let universities: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|p| p.university_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let authors: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(rows.iter().map(|p| p.created_by)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let offers: HashMap<i32, (String, String)> = offer::Entity::find()
        .filter(offer::Column::Id.is_in(rows.iter().filter_map(|p| p.offer_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, (o.slug, o.title)))
        .collect();
    rows.into_iter()
        .map(|row| {
            let university = universities
                .get(&row.university_id)
                .ok_or_else(|| AppError::internal("proposal without its university"))?;
            let status = ProposalStatus::from_db(&row.status)
                .ok_or_else(|| AppError::internal(format!("proposal status {}", row.status)))?;
            Ok(ProposalCard {
                id: row.id,
                university_slug: university.slug.clone(),
                university_name: university.name.clone(),
                kind: ProposalKind::from_db(&row.kind)
                    .ok_or_else(|| AppError::internal(format!("proposal kind {}", row.kind)))?,
                offer: row.offer_id.and_then(|id| offers.get(&id).cloned()),
                seats: row.seats,
                price_rupiah: row.price_rupiah,
                starts_on: row.starts_on,
                ends_on: row.ends_on,
                outputs: ResearchOutput::parse_list(&row.outputs),
                message: row.message,
                status,
                decision_note: row.decision_note,
                author: authors.get(&row.created_by).cloned().unwrap_or_default(),
                created_at: row.created_at,
                may_withdraw: status == ProposalStatus::Submitted
                    && organisations::speaks_for_university(actor, university)?,
            })
        })
        .collect()
}
