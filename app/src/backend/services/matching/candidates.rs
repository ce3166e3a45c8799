//! What matching reads: needs as profiles, the candidate offers for a need (found by index, a
//! bounded number), and offers as profiles with their stemmed text.
//!
//! Candidates (read from the candidate index, `candidate_index`): for a competency need,
//! published courses still taking enrollments that teach the competency (the likeliest first:
//! at the target level and reachable, soonest enrollment deadline first) and a few that teach
//! another competency of its type; an offer that teaches neither is no answer to a competency
//! gap. For a research need, which names no competency, the published research offers that the
//! need's topic words credit most (the word index, read best first per word).

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter};

use super::candidate_index::{self, CourseQuery};

use crate::backend::entities::{
    competency, competency_need_detail, course_detail, course_session, need, offer,
    offer_competency, research_detail,
};
use crate::backend::search::analyse;
use crate::backend::services::evaluations;
use crate::domain::calendar::WIB;
use crate::domain::evaluation::Summary;
use crate::domain::matching::text::{OfferText, relevance, topic_terms};
use crate::domain::matching::{CompetencyRef, NeedProfile, OfferCost, OfferProfile, OfferTiming};
use crate::error::AppError;
use crate::model::{DeliveryMode, NeedKind, OfferKind, OfferStatus};

/// Courses teaching the need's own competency taken as candidates, the likeliest first.
const SAME_COMPETENCY: u64 = 100;
/// Courses teaching another competency of the same type, when too few teach the competency
/// itself up to the target level.
const SAME_TYPE: u64 = 40;
/// Research offers read per topic word from the word index, the ones it credits most.
const PER_WORD: u64 = 100;
/// Research offers kept of those, the ones the words credit most in all.
const BY_TEXT: u64 = 150;

/// A need as matching sees it.
#[derive(Debug, Clone)]
pub(super) struct NeedEntry {
    pub id: i32,
    pub kind: NeedKind,
    /// Matches are kept for open needs only.
    pub open: bool,
    pub competency_id: Option<i32>,
    pub profile: NeedProfile,
    /// The topic words of its title and summary (stems).
    pub topic: Vec<String>,
}

/// Which needs to read.
pub(super) enum NeedsWanted<'a> {
    Ids(&'a [i32]),
    /// Every open need of a kind.
    OpenOfKind(NeedKind),
}

/// The needs asked for, as profiles.
pub(super) async fn needs<C: ConnectionTrait>(
    conn: &C,
    wanted: NeedsWanted<'_>,
) -> Result<Vec<NeedEntry>, AppError> {
    let rows = match wanted {
        NeedsWanted::Ids(ids) => need::Entity::find().filter(need::Column::Id.is_in(ids.to_vec())),
        NeedsWanted::OpenOfKind(kind) => need::Entity::find()
            .filter(need::Column::Kind.eq(kind.as_db()))
            .filter(need::Column::Status.eq(crate::model::NeedStatus::Open.as_db())),
    }
    .all(conn)
    .await?;
    let ids: Vec<i32> = rows.iter().map(|n| n.id).collect();
    let mut details: HashMap<i32, competency_need_detail::Model> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for detail in competency_need_detail::Entity::find()
            .filter(competency_need_detail::Column::NeedId.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            details.insert(detail.need_id, detail);
        }
    }
    let named: Vec<i32> = details.values().map(|d| d.competency_id).collect();
    let competencies = competencies_by_id(conn, named).await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(kind) = NeedKind::from_db(&row.kind) else { continue };
        let detail = details.get(&row.id);
        let wanted = detail.and_then(|d| {
            let c = competencies.get(&d.competency_id)?;
            let level = u8::try_from(d.target_level).ok()?;
            Some((CompetencyRef { code: c.code.clone(), type_code: c.type_code.clone() }, level))
        });
        let profile = NeedProfile {
            competency: wanted,
            headcount: detail.and_then(|d| u32::try_from(d.headcount).ok()),
            preferred_mode: detail
                .and_then(|d| d.preferred_mode.as_deref())
                .and_then(DeliveryMode::from_db),
            region: detail.and_then(|d| d.region_code.clone()),
            deadline: row.deadline,
            budget: (row.budget_rupiah > 0).then_some(row.budget_rupiah),
        };
        entries.push(NeedEntry {
            id: row.id,
            kind,
            open: row.status == crate::model::NeedStatus::Open.as_db(),
            competency_id: detail.map(|d| d.competency_id),
            profile,
            topic: topic_terms(&analyse(&format!("{} {}", row.title, row.summary))),
        });
    }
    Ok(entries)
}

/// The dictionary entries of these competency ids, by id.
async fn competencies_by_id<C: ConnectionTrait>(
    conn: &C,
    mut ids: Vec<i32>,
) -> Result<HashMap<i32, competency::Model>, AppError> {
    ids.sort_unstable();
    ids.dedup();
    Ok(competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// Ids bound per `IN` list: far below either database's limit on bound values.
const CHUNK: usize = 500;

#[derive(FromQueryResult)]
struct Candidate {
    id: i32,
    /// The level the course brings its competency to (the need's own competency only).
    level: Option<i16>,
}

/// The candidate offers for `need` on `today`, each once, from the candidate index.
pub(super) async fn candidate_ids<C: ConnectionTrait>(
    conn: &C,
    need: &NeedEntry,
    today: NaiveDate,
) -> Result<Vec<i32>, AppError> {
    let backend = conn.get_database_backend();
    let mut ids: Vec<i32> = Vec::new();
    match (&need.profile.competency, need.competency_id) {
        (Some((wanted, target)), Some(competency_id)) => {
            // The likeliest first: courses at the target level the staff can follow.
            let mut query = CourseQuery {
                competency_id,
                today,
                min_level: Some(*target),
                region: need.profile.region.as_deref(),
                limit: SAME_COMPETENCY,
            };
            let likeliest = fetch(conn, candidate_index::courses_teaching(backend, &query)).await?;
            ids.extend(likeliest.iter().map(|r| r.id));
            let mut at_target = likeliest.len();
            if likeliest.len() < SAME_COMPETENCY as usize {
                // Too few: the others teaching the competency (below the level, or far away).
                query.min_level = None;
                query.region = None;
                for row in fetch(conn, candidate_index::courses_teaching(backend, &query)).await? {
                    if ids.len() < SAME_COMPETENCY as usize && !ids.contains(&row.id) {
                        ids.push(row.id);
                        at_target += usize::from(row.level.unwrap_or(0) >= i16::from(*target));
                    }
                }
            }
            // Enough courses close the gap itself: related competencies would only rank below.
            if at_target < super::refresh::TOP_K {
                let statement = candidate_index::courses_of_type(
                    backend,
                    &wanted.type_code,
                    competency_id,
                    today,
                    SAME_TYPE,
                );
                for row in fetch(conn, statement).await? {
                    if !ids.contains(&row.id) {
                        ids.push(row.id);
                    }
                }
            }
        }
        _ => {
            if let Some(statement) =
                candidate_index::research_by_words(backend, &need.topic, PER_WORD)
            {
                let hits = WordHit::find_by_statement(statement).all(conn).await?;
                ids.extend(best_by_words(&hits, BY_TEXT as usize));
            }
        }
    }
    Ok(ids)
}

#[derive(FromQueryResult)]
struct WordHit {
    id: i32,
    /// What the word earns the offer, in tenths.
    weight: i16,
}

/// The `keep` offers the word hits credit most in all (then the newest).
fn best_by_words(hits: &[WordHit], keep: usize) -> Vec<i32> {
    let mut credit: HashMap<i32, i32> = HashMap::new();
    for hit in hits {
        *credit.entry(hit.id).or_default() += i32::from(hit.weight);
    }
    let mut best: Vec<(i32, i32)> = credit.into_iter().collect();
    best.sort_unstable_by(|(a_id, a), (b_id, b)| b.cmp(a).then(b_id.cmp(a_id)));
    best.into_iter().take(keep).map(|(id, _)| id).collect()
}

async fn fetch<C: ConnectionTrait>(
    conn: &C,
    statement: sea_orm::Statement,
) -> Result<Vec<Candidate>, AppError> {
    Ok(Candidate::find_by_statement(statement).all(conn).await?)
}

/// A published offer ready to be scored: its profile (text relevance still 0: it depends on
/// the need) and its stemmed text.
#[derive(Debug, Clone)]
pub(super) struct OfferEntry {
    pub id: i32,
    pub kind: OfferKind,
    pub profile: OfferProfile,
    title: String,
    keywords: String,
    body: String,
}

impl OfferEntry {
    /// The profile with the text relevance for a need of `topic`.
    pub fn profile_for(&self, topic: &[String]) -> OfferProfile {
        let text = OfferText { title: &self.title, keywords: &self.keywords, body: &self.body };
        OfferProfile { text_relevance: relevance(topic, text), ..self.profile.clone() }
    }
}

/// The published offers among `ids`, as profiles.
pub(super) async fn offers<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<Vec<OfferEntry>, AppError> {
    let mut entries = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        entries.extend(offers_chunk(conn, chunk).await?);
    }
    Ok(entries)
}

async fn offers_chunk<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<Vec<OfferEntry>, AppError> {
    // The status is checked here, not in SQL: given it, SQLite's planner may walk the status
    // index over every published offer instead of fetching these few by key (9 ms at 100,000).
    let rows: Vec<offer::Model> = offer::Entity::find()
        .filter(offer::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .filter(|o| o.status == OfferStatus::Published.as_db())
        .collect();
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    let courses: HashMap<i32, course_detail::Model> = course_detail::Entity::find()
        .filter(course_detail::Column::OfferId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.offer_id, d))
        .collect();
    let research: HashMap<i32, research_detail::Model> = research_detail::Entity::find()
        .filter(research_detail::Column::OfferId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.offer_id, d))
        .collect();
    let mut last_days: HashMap<i32, NaiveDate> = HashMap::new();
    for session in course_session::Entity::find()
        .filter(course_session::Column::OfferId.is_in(ids.clone()))
        .all(conn)
        .await?
    {
        let day = session.ends_at.with_timezone(&WIB).date_naive();
        let last = last_days.entry(session.offer_id).or_insert(day);
        *last = (*last).max(day);
    }
    let links = offer_competency::Entity::find()
        .filter(offer_competency::Column::OfferId.is_in(ids))
        .all(conn)
        .await?;
    let competencies =
        competencies_by_id(conn, links.iter().map(|l| l.competency_id).collect()).await?;
    let mut taught: HashMap<i32, Vec<(CompetencyRef, Option<u8>)>> = HashMap::new();
    for link in links {
        let Some(c) = competencies.get(&link.competency_id) else { continue };
        let level = link.level.and_then(|l| u8::try_from(l).ok());
        taught
            .entry(link.offer_id)
            .or_default()
            .push((CompetencyRef { code: c.code.clone(), type_code: c.type_code.clone() }, level));
    }
    // A university's record is all its courses', not this offer's alone: a new course of a
    // university that has taught well starts with that record.
    let mut universities: Vec<i32> = rows.iter().map(|o| o.university_id).collect();
    universities.sort_unstable();
    universities.dedup();
    let records = evaluations::university_summaries(conn, &universities).await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(kind) = OfferKind::from_db(&row.kind) else { continue };
        let (timing, seats, cost) = match kind {
            OfferKind::Course => {
                let Some(detail) = courses.get(&row.id) else { continue };
                let last_day =
                    last_days.get(&row.id).copied().unwrap_or(detail.enrollment_closes_on);
                (
                    OfferTiming::Course {
                        last_day,
                        enrollment_closes: detail.enrollment_closes_on,
                    },
                    u32::try_from(detail.capacity).ok(),
                    OfferCost::PerParticipant(row.fee_rupiah.unwrap_or(0)),
                )
            }
            OfferKind::Research => {
                let Some(detail) = research.get(&row.id) else { continue };
                (
                    OfferTiming::Research {
                        months: u32::try_from(detail.duration_months).unwrap_or(0),
                    },
                    None,
                    OfferCost::Range {
                        min: detail.budget_min_rupiah,
                        max: detail.budget_max_rupiah,
                    },
                )
            }
        };
        entries.push(OfferEntry {
            id: row.id,
            kind,
            profile: OfferProfile {
                competencies: taught.remove(&row.id).unwrap_or_default(),
                timing,
                seats,
                mode: row.mode.as_deref().and_then(DeliveryMode::from_db),
                region: row.region_code,
                cost,
                text_relevance: 0.0,
                track_record: records.get(&row.university_id).and_then(Summary::track_record),
            },
            title: row.search_title,
            keywords: row.search_keywords,
            body: row.search_body,
        });
    }
    Ok(entries)
}
