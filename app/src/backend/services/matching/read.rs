//! Reading stored matches: a need's ranked offers for its agency's leads and the province, with
//! the parts of each score and the lead's shortlist and invitations, filtered as asked.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::backend::auth::Actor;
use crate::backend::entities::{competency, matching_queue, need_match};
use crate::backend::services::{needs, offers};
use crate::domain::matching::{Part, Reason};
use crate::error::AppError;
use crate::model::{MatchQuery, MatchedOffer, NeedMatchList, NeedStatus};

/// The stored ranking of the need `slug` as `actor` may see it (its agency's leads and the
/// province; a university that may see the need is `Forbidden`, anyone else `NotFound`).
pub async fn offers_for_need<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    query: &MatchQuery,
) -> Result<NeedMatchList, AppError> {
    let (found, card) = needs::for_ranking(conn, actor, slug).await?;
    let rows = need_match::Entity::find()
        .filter(need_match::Column::NeedId.eq(found.id))
        .order_by_desc(need_match::Column::Total)
        .order_by_asc(need_match::Column::OfferId)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.offer_id).collect();
    let mut cards = offers::published_cards(conn, &ids).await?;
    let pending = matching_queue::Entity::find()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(matching_queue::Column::Subject.eq("need"))
                        .add(matching_queue::Column::SubjectId.eq(found.id)),
                )
                .add(matching_queue::Column::Subject.eq("all")),
        )
        .one(conn)
        .await?
        .is_some();
    let (shortlisted, invited) = super::shortlist::marks(conn, found.id).await?;
    let mut listed = 0u32;
    let mut shown = Vec::new();
    for row in rows {
        // An offer withdrawn since the last refresh is not shown, nor counted.
        let Some(card) = cards.remove(&row.offer_id) else { continue };
        listed += 1;
        let on_shortlist = shortlisted.contains(&row.offer_id);
        if !query.admits(&card) || (query.shortlist_only && !on_shortlist) {
            continue;
        }
        let parts: Vec<Part> = serde_json::from_str(&row.parts)
            .map_err(|e| AppError::internal(format!("stored match parts: {e}")))?;
        shown.push(MatchedOffer {
            rank: listed,
            card,
            total: u8::try_from(row.total).unwrap_or(0),
            parts,
            shortlisted: on_shortlist,
            invited: invited.contains(&row.offer_id),
        });
    }
    let competencies = competency_names(conn, &shown).await?;
    let may_act = needs::manages(actor, &found) && card.status == NeedStatus::Open;
    Ok(NeedMatchList { need: card, offers: shown, listed, pending, competencies, may_act })
}

/// (code, Indonesian, English) of every competency the shown reasons name.
async fn competency_names<C: ConnectionTrait>(
    conn: &C,
    shown: &[MatchedOffer],
) -> Result<Vec<(String, String, String)>, AppError> {
    let mut codes: Vec<&str> = Vec::new();
    for reason in shown.iter().flat_map(|m| &m.parts).flat_map(|p| &p.reasons) {
        match reason {
            Reason::BringsToLevel { code, .. }
            | Reason::BelowTarget { code, .. }
            | Reason::CoversCompetency { code } => codes.push(code),
            Reason::RelatedCompetency { code, wanted } => {
                codes.extend([code.as_str(), wanted.as_str()])
            }
            Reason::OtherCompetencies { wanted } => codes.push(wanted),
            _ => {}
        }
    }
    codes.sort_unstable();
    codes.dedup();
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(competency::Entity::find()
        .filter(competency::Column::Code.is_in(codes))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.code, c.name_id, c.name_en))
        .collect())
}
