//! The other side of the ranking: the open needs a university's published offers match, best
//! first, for its academics and coordinators (and the province). Read from the stored lists, so
//! a need appears once one of the university's offers is among its best.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::backend::auth::Actor;
use crate::backend::entities::{need, need_match, offer, proposal};
use crate::backend::services::{needs, organisations};
use crate::error::AppError;
use crate::model::{
    MatchedNeed, NeedStatus, OfferKind, OfferStatus, OrganisationKind, ProposalStatus,
    UNIVERSITY_MATCHES_SHOWN, UniversityMatchList,
};

/// The open needs the university `slug`'s offers match, best first (each need once, with its
/// best-ranked offer of the university). For its academics and coordinators and the province;
/// a university not yet verified sees only public needs, as it does everywhere.
pub async fn needs_for_university<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<UniversityMatchList, AppError> {
    let university = organisations::find_by_slug(conn, slug).await?;
    if organisations::kind_of(&university)? != OrganisationKind::University {
        return Err(AppError::NotFound);
    }
    Actor::require(
        organisations::speaks_for_university(actor, &university)? || actor.is_province_admin(),
    )?;
    let own_offers = Query::select()
        .column(offer::Column::Id)
        .from(offer::Entity)
        .and_where(offer::Column::UniversityId.eq(university.id))
        .and_where(offer::Column::Status.eq(OfferStatus::Published.as_db()))
        .to_owned();
    let mut open_needs = Query::select()
        .column(need::Column::Id)
        .from(need::Entity)
        .and_where(need::Column::Status.eq(NeedStatus::Open.as_db()))
        .to_owned();
    if !university.verified {
        open_needs.and_where(need::Column::IsPublic.eq(true));
    }
    // Best first; an offer's rows for needs already listed by a better one are skipped below.
    let rows = need_match::Entity::find()
        .filter(need_match::Column::OfferId.in_subquery(own_offers))
        .filter(need_match::Column::NeedId.in_subquery(open_needs))
        .order_by_desc(need_match::Column::Total)
        .order_by_asc(need_match::Column::NeedId)
        .limit(20 * UNIVERSITY_MATCHES_SHOWN as u64)
        .all(conn)
        .await?;
    let mut seen = HashSet::new();
    let best: Vec<need_match::Model> = rows
        .into_iter()
        .filter(|row| seen.insert(row.need_id))
        .take(UNIVERSITY_MATCHES_SHOWN)
        .collect();
    let need_ids: Vec<i32> = best.iter().map(|r| r.need_id).collect();
    let mut models: HashMap<i32, need::Model> = need::Entity::find()
        .filter(need::Column::Id.is_in(need_ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|n| (n.id, n))
        .collect();
    let ordered: Vec<need::Model> = need_ids.iter().filter_map(|id| models.remove(id)).collect();
    let cards = needs::cards_of(conn, ordered).await?;
    let offers: HashMap<i32, offer::Model> = offer::Entity::find()
        .filter(offer::Column::Id.is_in(best.iter().map(|r| r.offer_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let proposed: HashSet<i32> = proposal::Entity::find()
        .select_only()
        .column(proposal::Column::NeedId)
        .filter(proposal::Column::UniversityId.eq(university.id))
        .filter(proposal::Column::Status.eq(ProposalStatus::Submitted.as_db()))
        .filter(proposal::Column::NeedId.is_in(need_ids.clone()))
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let needs = best
        .iter()
        .zip(cards)
        .filter_map(|(row, card)| {
            let chosen = offers.get(&row.offer_id)?;
            Some(MatchedNeed {
                need: card,
                offer_slug: chosen.slug.clone(),
                offer_title: chosen.title.clone(),
                offer_kind: OfferKind::from_db(&chosen.kind)?,
                total: u8::try_from(row.total).unwrap_or(0),
                proposed: proposed.contains(&row.need_id),
            })
        })
        .collect();
    Ok(UniversityMatchList {
        university_slug: university.slug,
        university_name: university.name,
        needs,
    })
}
