//! The candidate index (migration 000022) and the queries that read it. Published courses are
//! kept one row per competency taught, in an index ordered by enrollment deadline; published
//! research offers one row per word, with what the text relevance credits it, in an index
//! ordered best first. A query walks the index in order and stops at its `LIMIT`, so it reads
//! about as many rows as it keeps whatever the size of the catalogue.
//!
//! The refresh worker keeps it: [`reindex_offer`] when an offer changes, [`rebuild`] when
//! everything is recomputed (after the migration that made it, and after a bulk load, which
//! bypasses the services).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};

use crate::backend::sql::Sql;
use crate::domain::matching::text::{OfferText, term_weights};
use crate::error::AppError;
use crate::model::DeliveryMode;

/// The index row of a course: the candidate query's columns, from the catalogue's tables.
/// `reach` is `daring` for an online course, else its kabupaten/kota (empty when none).
const COURSE_ROWS: &str = "INSERT INTO course_candidates \
     (offer_id, competency_id, type_code, level, reach, enrollment_closes_on) \
     SELECT o.id, oc.competency_id, c.type_code, oc.level, \
     CASE WHEN o.mode = 'daring' THEN 'daring' ELSE COALESCE(o.region_code, '') END, \
     d.enrollment_closes_on \
     FROM offers o \
     JOIN course_details d ON d.offer_id = o.id \
     JOIN offer_competencies oc ON oc.offer_id = o.id \
     JOIN competencies c ON c.id = oc.competency_id \
     WHERE o.kind = 'course' AND o.status = 'published'";

/// Published research offers' searchable text, by key (`{}`: the offers wanted).
const RESEARCH_TEXT: &str = "SELECT id, search_title, search_keywords, search_body FROM offers \
     WHERE kind = 'research' AND status = 'published'";

/// Word rows written per statement (three values each: far below either database's limit).
const TERM_ROWS_PER_INSERT: usize = 300;
/// Research offers read per round of a rebuild.
const REBUILD_PAGE: u64 = 500;

#[derive(FromQueryResult)]
struct ResearchText {
    id: i32,
    search_title: String,
    search_keywords: String,
    search_body: String,
}

/// Puts the offer in the index as it is now (a draft, withdrawn or deleted offer leaves it).
pub(super) async fn reindex_offer<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    for table in ["course_candidates", "research_terms"] {
        let mut sql = Sql::new(backend);
        sql.push_bound(&format!("DELETE FROM {table} WHERE offer_id = "), offer_id);
        conn.execute_raw(sql.statement()).await?;
    }
    let mut sql = Sql::new(backend);
    sql.push_bound(&format!("{COURSE_ROWS} AND o.id = "), offer_id);
    conn.execute_raw(sql.statement()).await?;
    let mut sql = Sql::new(backend);
    sql.push_bound(&format!("{RESEARCH_TEXT} AND id = "), offer_id);
    let texts = ResearchText::find_by_statement(sql.statement()).all(conn).await?;
    write_terms(conn, &texts).await
}

/// Builds the whole index afresh from the catalogue.
pub async fn rebuild<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    conn.execute_unprepared("DELETE FROM course_candidates").await?;
    conn.execute_unprepared(COURSE_ROWS).await?;
    conn.execute_unprepared("DELETE FROM research_terms").await?;
    let backend = conn.get_database_backend();
    let mut after = 0;
    loop {
        let mut sql = Sql::new(backend);
        sql.push_bound(&format!("{RESEARCH_TEXT} AND id > "), after);
        sql.push(&format!(" ORDER BY id LIMIT {REBUILD_PAGE}"));
        let texts = ResearchText::find_by_statement(sql.statement()).all(conn).await?;
        let Some(last) = texts.last() else { break };
        after = last.id;
        write_terms(conn, &texts).await?;
    }
    if backend == DbBackend::Postgres {
        // Every row is new: without fresh statistics PostgreSQL's planner guesses one row per
        // competency and sorts all matches instead of walking the index (7 ms against 0.1).
        conn.execute_unprepared("ANALYZE course_candidates, research_terms").await?;
    }
    Ok(())
}

/// The word rows of these research offers.
async fn write_terms<C: ConnectionTrait>(conn: &C, texts: &[ResearchText]) -> Result<(), AppError> {
    let rows: Vec<(i32, String, u8)> = texts
        .iter()
        .flat_map(|offer| {
            let text = OfferText {
                title: &offer.search_title,
                keywords: &offer.search_keywords,
                body: &offer.search_body,
            };
            term_weights(text).into_iter().map(|(term, weight)| (offer.id, term, weight))
        })
        .collect();
    for chunk in rows.chunks(TERM_ROWS_PER_INSERT) {
        let mut sql = Sql::new(conn.get_database_backend());
        sql.push("INSERT INTO research_terms (offer_id, term, weight) VALUES ");
        for (i, (offer_id, term, weight)) in chunk.iter().enumerate() {
            sql.push(if i == 0 { "" } else { ", " });
            sql.push_list([
                sea_orm::Value::from(*offer_id),
                term.clone().into(),
                i16::from(*weight).into(),
            ]);
        }
        conn.execute_raw(sql.statement()).await?;
    }
    Ok(())
}

/// Which courses a competency need looks for, soonest enrollment deadline first.
pub(super) struct CourseQuery<'a> {
    pub competency_id: i32,
    /// Enrollment still open on this day.
    pub today: NaiveDate,
    /// Only courses bringing the competency to at least this level.
    pub min_level: Option<u8>,
    /// Only courses the need's staff can follow: online, or in this kabupaten/kota.
    pub region: Option<&'a str>,
    pub limit: u64,
}

/// Courses teaching the competency, as asked.
pub(super) fn courses_teaching(backend: DbBackend, query: &CourseQuery<'_>) -> Statement {
    let mut sql = Sql::new(backend);
    sql.push("SELECT offer_id AS id, level FROM course_candidates");
    sql.push_bound(" WHERE competency_id = ", query.competency_id);
    sql.push_bound(" AND enrollment_closes_on >= ", query.today);
    if let Some(level) = query.min_level {
        sql.push_bound(" AND level >= ", i16::from(level));
    }
    if let Some(region) = query.region {
        sql.push_bound(" AND reach IN (", DeliveryMode::Daring.as_db());
        sql.push_bound(", ", region.to_owned());
        sql.push(")");
    }
    // The index's own order: the walk stops at the limit instead of sorting every match.
    sql.push(" ORDER BY enrollment_closes_on, offer_id");
    sql.push(&format!(" LIMIT {}", query.limit));
    sql.statement()
}

/// Courses teaching another competency of the type `type_code` than `competency_id`, still
/// taking enrollments on `today`, soonest deadline first (a course may come once per competency).
pub(super) fn courses_of_type(
    backend: DbBackend,
    type_code: &str,
    competency_id: i32,
    today: NaiveDate,
    limit: u64,
) -> Statement {
    let mut sql = Sql::new(backend);
    sql.push("SELECT offer_id AS id, level FROM course_candidates");
    sql.push_bound(" WHERE type_code = ", type_code.to_owned());
    sql.push_bound(" AND enrollment_closes_on >= ", today);
    sql.push_bound(" AND competency_id <> ", competency_id);
    sql.push(" ORDER BY enrollment_closes_on, offer_id");
    sql.push(&format!(" LIMIT {limit}"));
    sql.statement()
}

/// For each topic word, the published research offers its index rows credit most (best first,
/// then the newest), at most `per_word` each: `(offer id, weight in tenths)`, an offer once per
/// word it carries. Summed per offer, the weights are its text relevance as far as these rows go.
pub(super) fn research_by_words(
    backend: DbBackend,
    topic: &[String],
    per_word: u64,
) -> Option<Statement> {
    if topic.is_empty() {
        return None;
    }
    let mut sql = Sql::new(backend);
    for (i, term) in topic.iter().enumerate() {
        sql.push(if i == 0 { "" } else { " UNION ALL " });
        sql.push_bound(
            "SELECT * FROM (SELECT offer_id AS id, weight FROM research_terms WHERE term = ",
            term.clone(),
        );
        // The index's order, backwards: the walk stops at the limit.
        sql.push(&format!(" ORDER BY weight DESC, offer_id DESC LIMIT {per_word}) w{i}"));
    }
    Some(sql.statement())
}
