//! Keeping the stored matches fresh. A change to a need or an offer queues it (in the change's
//! own transaction, so no change is missed and a rolled-back one queues nothing); a background
//! worker works through the queue:
//!
//! - a need is ranked afresh: its candidates scored and the best [`TOP_K`] stored;
//! - an offer is scored against every open need of its kind and enters, stays in or leaves
//!   each need's list (leaving one short, that need is queued to be refilled);
//! - an offer also takes its place in the candidate index (or leaves it);
//! - `all` (the weights changed, or data came in bulk) rebuilds the candidate index and queues
//!   every open need.
//!
//! Work is idempotent, so two server processes picking the same item only repeat it; their
//! writes are serialised by a lock, so that one's delete sees the other's inserts.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::candidate_index;
use super::candidates::{self, NeedEntry, NeedsWanted, OfferEntry};
use super::queue::{NEED, OFFER, enqueue};
use super::weights;
use crate::backend::db::{self, Lock};
use crate::backend::entities::{matching_queue, need, need_match};
use crate::backend::sql::Sql;
use crate::backend::write_txn::WriteTxn;
use crate::domain::matching::{Match, OfferTiming, Weights, score};
use crate::error::AppError;
use crate::model::{NeedKind, NeedStatus, OfferKind};

/// Offers kept per need: more than a page shows, so that filters still leave a list.
pub const TOP_K: usize = 30;

/// Works through up to `limit` queued items, oldest first, as of `today` (WIB); how many it
/// refreshed. An item changed again meanwhile stays queued for the next round; one that fails is
/// logged and queued again at the back.
pub async fn run_queue<C>(conn: &C, today: NaiveDate, limit: u64) -> Result<usize, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let items = matching_queue::Entity::find()
        .order_by_asc(matching_queue::Column::QueuedAt)
        .limit(limit)
        .all(conn)
        .await?;
    if items.is_empty() {
        return Ok(0);
    }
    let weights = weights::current(conn).await?;
    let mut refreshed = 0;
    for item in &items {
        let done = match item.subject.as_str() {
            NEED => refresh_need(conn, item.subject_id, &weights, today).await,
            OFFER => refresh_offer(conn, item.subject_id, &weights, today).await,
            _ => rebuild_everything(conn).await,
        };
        if let Err(error) = done {
            // To the back of the queue, so that one failing item does not hold up the rest.
            tracing::warn!(?error, subject = %item.subject, id = item.subject_id, "match refresh failed");
            enqueue(conn, &item.subject, &[item.subject_id]).await?;
            continue;
        }
        matching_queue::Entity::delete_many()
            .filter(matching_queue::Column::Subject.eq(item.subject.as_str()))
            .filter(matching_queue::Column::SubjectId.eq(item.subject_id))
            .filter(matching_queue::Column::QueuedAt.lte(item.queued_at))
            .exec(conn)
            .await?;
        refreshed += 1;
    }
    Ok(refreshed)
}

/// Builds the candidate index afresh and queues every open need.
async fn rebuild_everything<C>(conn: &C) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = begin_matching_write(conn).await?;
    candidate_index::rebuild(&txn).await?;
    let ids: Vec<i32> = need::Entity::find()
        .select_only()
        .column(need::Column::Id)
        .filter(need::Column::Status.eq(NeedStatus::Open.as_db()))
        .into_tuple()
        .all(&txn)
        .await?;
    enqueue(&txn, NEED, &ids).await?;
    txn.commit().await?;
    Ok(())
}

/// Ranks the need `need_id` now, without storing: its best [`TOP_K`] offers, best first.
/// `None` when there is no such need.
pub async fn rank_need<C: ConnectionTrait>(
    conn: &C,
    need_id: i32,
    weights: &Weights,
    today: NaiveDate,
) -> Result<Option<Vec<(i32, Match)>>, AppError> {
    match candidates::needs(conn, NeedsWanted::Ids(&[need_id])).await?.pop() {
        Some(need) => Ok(Some(rank(conn, &need, weights, today).await?)),
        None => Ok(None),
    }
}

/// The need's candidates, scored: its best [`TOP_K`].
async fn rank<C: ConnectionTrait>(
    conn: &C,
    need: &NeedEntry,
    weights: &Weights,
    today: NaiveDate,
) -> Result<Vec<(i32, Match)>, AppError> {
    let ids = candidates::candidate_ids(conn, need, today).await?;
    let offers = candidates::offers(conn, &ids).await?;
    Ok(best(need, &offers, weights, today))
}

/// The best [`TOP_K`] of `offers` for `need`: total descending, then offer id.
fn best(
    need: &NeedEntry,
    offers: &[OfferEntry],
    weights: &Weights,
    today: NaiveDate,
) -> Vec<(i32, Match)> {
    let mut scored: Vec<(i32, Match)> = offers
        .iter()
        .filter(|offer| eligible(need, offer, today))
        .map(|offer| {
            (offer.id, score(&need.profile, &offer.profile_for(&need.topic), weights, today))
        })
        .collect();
    scored.sort_by(|(a_id, a), (b_id, b)| b.total.cmp(&a.total).then(a_id.cmp(b_id)));
    scored.truncate(TOP_K);
    scored
}

/// Whether `offer` may answer `need` at all (the candidate rules, for an offer judged alone):
/// research for research; a course still taking enrollments that teaches the competency or one
/// of its type; a research offer sharing a topic word.
fn eligible(need: &NeedEntry, offer: &OfferEntry, today: NaiveDate) -> bool {
    match (need.kind, offer.kind) {
        (NeedKind::Competency, OfferKind::Course) => {
            let open = matches!(offer.profile.timing,
                OfferTiming::Course { enrollment_closes, .. } if enrollment_closes >= today);
            let teaches = need.profile.competency.as_ref().is_some_and(|(wanted, _)| {
                offer.profile.competencies.iter().any(|(c, _)| c.type_code == wanted.type_code)
            });
            open && teaches
        }
        (NeedKind::Research, OfferKind::Research) => {
            offer.profile_for(&need.topic).text_relevance > 0.0
        }
        _ => false,
    }
}

/// Ranks the need afresh and stores its list (or clears it when the need is no longer open).
async fn refresh_need<C>(
    conn: &C,
    need_id: i32,
    weights: &Weights,
    today: NaiveDate,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let need = candidates::needs(conn, NeedsWanted::Ids(&[need_id])).await?.pop();
    let ranked = match &need {
        Some(need) if need.open => rank(conn, need, weights, today).await?,
        _ => Vec::new(),
    };
    let txn = begin_matching_write(conn).await?;
    need_match::Entity::delete_many()
        .filter(need_match::Column::NeedId.eq(need_id))
        .exec(&txn)
        .await?;
    if !ranked.is_empty() {
        let now = Utc::now();
        let mut rows = Vec::with_capacity(ranked.len());
        for (offer_id, found) in &ranked {
            rows.push(row(need_id, *offer_id, found, now)?);
        }
        need_match::Entity::insert_many(rows).exec_without_returning(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Scores the offer against every open need of its kind and updates each need's list.
async fn refresh_offer<C>(
    conn: &C,
    offer_id: i32,
    weights: &Weights,
    today: NaiveDate,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    // Unpublished offers are not loaded: they leave every list.
    let offer = candidates::offers(conn, &[offer_id]).await?.pop();
    let scored: HashMap<i32, Match> = match &offer {
        Some(offer) => {
            let kind = match offer.kind {
                OfferKind::Course => NeedKind::Competency,
                OfferKind::Research => NeedKind::Research,
            };
            let needs = candidates::needs(conn, NeedsWanted::OpenOfKind(kind)).await?;
            needs
                .iter()
                .filter(|need| eligible(need, offer, today))
                .map(|need| {
                    let profile = offer.profile_for(&need.topic);
                    (need.id, score(&need.profile, &profile, weights, today))
                })
                .collect()
        }
        None => HashMap::new(),
    };
    let txn = begin_matching_write(conn).await?;
    candidate_index::reindex_offer(&txn, offer_id).await?;
    let held: HashMap<i32, i16> = need_match::Entity::find()
        .select_only()
        .column(need_match::Column::NeedId)
        .column(need_match::Column::Total)
        .filter(need_match::Column::OfferId.eq(offer_id))
        .into_tuple::<(i32, i16)>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    // Lists it leaves are one short, and lists where it fell may now rank another offer above
    // it: rank those needs afresh from their candidates.
    let mut recheck: Vec<i32> = Vec::new();
    let left: Vec<i32> = held.keys().copied().filter(|id| !scored.contains_key(id)).collect();
    if !left.is_empty() {
        need_match::Entity::delete_many()
            .filter(need_match::Column::OfferId.eq(offer_id))
            .filter(need_match::Column::NeedId.is_in(left.clone()))
            .exec(&txn)
            .await?;
        recheck.extend(&left);
    }
    let floors = floors(&txn, &scored.keys().copied().collect::<Vec<_>>()).await?;
    let now = Utc::now();
    for (need_id, found) in &scored {
        let (count, weakest) = floors.get(need_id).copied().unwrap_or((0, 0));
        let before = held.get(need_id).copied();
        // A tie with the weakest enters too: dropping the weakest by the list's own order (total,
        // then offer id) then keeps exactly what a fresh ranking would.
        let enters =
            before.is_none() && (count < TOP_K as i64 || i64::from(found.total) >= weakest);
        if before.is_none() && !enters {
            continue;
        }
        upsert(&txn, row(*need_id, offer_id, found, now)?).await?;
        if enters && count >= TOP_K as i64 {
            drop_weakest(&txn, *need_id).await?;
        }
        if before.is_some_and(|total| i16::from(found.total) < total) {
            recheck.push(*need_id);
        }
    }
    enqueue(&txn, NEED, &recheck).await?;
    txn.commit().await?;
    Ok(())
}

/// A transaction for writing matches, serialised across server processes.
async fn begin_matching_write<C>(conn: &C) -> Result<WriteTxn, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    db::lock_for_transaction(&txn, Lock::Matching).await?;
    Ok(txn)
}

fn row(
    need_id: i32,
    offer_id: i32,
    found: &Match,
    now: chrono::DateTime<Utc>,
) -> Result<need_match::ActiveModel, AppError> {
    let parts = serde_json::to_string(&found.parts)
        .map_err(|e| AppError::internal(format!("match parts as JSON: {e}")))?;
    Ok(need_match::ActiveModel {
        need_id: Set(need_id),
        offer_id: Set(offer_id),
        total: Set(i16::from(found.total)),
        parts: Set(parts),
        computed_at: Set(now),
    })
}

async fn upsert(txn: &WriteTxn, row: need_match::ActiveModel) -> Result<(), AppError> {
    need_match::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([need_match::Column::NeedId, need_match::Column::OfferId])
                .update_columns([
                    need_match::Column::Total,
                    need_match::Column::Parts,
                    need_match::Column::ComputedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

#[derive(FromQueryResult)]
struct Floor {
    need_id: i32,
    count: i64,
    weakest: i64,
}

/// For each of `need_ids` with a stored list: its length and its weakest total.
async fn floors(txn: &WriteTxn, need_ids: &[i32]) -> Result<HashMap<i32, (i64, i64)>, AppError> {
    let mut floors = HashMap::new();
    for chunk in need_ids.chunks(500) {
        let mut sql = Sql::new(txn.get_database_backend());
        sql.push("SELECT need_id, CAST(COUNT(*) AS BIGINT) AS count,");
        sql.push(" CAST(MIN(total) AS BIGINT) AS weakest FROM need_matches WHERE need_id IN ");
        sql.push_list(chunk.iter().copied());
        sql.push(" GROUP BY need_id");
        for floor in Floor::find_by_statement(sql.statement()).all(txn).await? {
            floors.insert(floor.need_id, (floor.count, floor.weakest));
        }
    }
    Ok(floors)
}

/// Drops the last of the need's list (lowest total, then highest offer id).
async fn drop_weakest(txn: &WriteTxn, need_id: i32) -> Result<(), AppError> {
    let weakest: Option<i32> = need_match::Entity::find()
        .select_only()
        .column(need_match::Column::OfferId)
        .filter(need_match::Column::NeedId.eq(need_id))
        .order_by_asc(need_match::Column::Total)
        .order_by_desc(need_match::Column::OfferId)
        .into_tuple()
        .one(txn)
        .await?;
    if let Some(offer_id) = weakest {
        need_match::Entity::delete_by_id((need_id, offer_id)).exec(txn).await?;
    }
    Ok(())
}
