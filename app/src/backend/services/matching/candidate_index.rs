//! The candidate index (migration 000022) and the queries that read it. Published courses are
//! kept one row per competency taught, in an index ordered by enrollment deadline; published
//! research offers by their words. A query walks the index in order and stops at its `LIMIT`, so
//! it reads about as many rows as it keeps whatever the size of the catalogue.
//!
//! The refresh worker keeps it: [`reindex_offer`] when an offer changes, [`rebuild`] when
//! everything is recomputed (and after a bulk load, which bypasses the services).

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::backend::sql::Sql;
use crate::error::AppError;
use crate::model::{DeliveryMode, OfferKind, OfferStatus};

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

/// SQLite's research index: a contentless full-text table of the published research offers.
const RESEARCH_ROWS: &str = "INSERT INTO research_fts \
     (rowid, search_title, search_keywords, search_body) \
     SELECT id, search_title, search_keywords, search_body FROM offers \
     WHERE kind = 'research' AND status = 'published'";

/// Puts the offer in the index as it is now (a draft, withdrawn or deleted offer leaves it).
pub(super) async fn reindex_offer<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    let only = |text: &str, column: &str| {
        let mut sql = Sql::new(backend);
        sql.push_bound(&format!("{text} AND {column} = "), offer_id);
        sql.statement()
    };
    let mut sql = Sql::new(backend);
    sql.push_bound("DELETE FROM course_candidates WHERE offer_id = ", offer_id);
    conn.execute_raw(sql.statement()).await?;
    conn.execute_raw(only(COURSE_ROWS, "o.id")).await?;
    if backend == DbBackend::Sqlite {
        let mut sql = Sql::new(backend);
        sql.push_bound("DELETE FROM research_fts WHERE rowid = ", offer_id);
        conn.execute_raw(sql.statement()).await?;
        conn.execute_raw(only(RESEARCH_ROWS, "id")).await?;
    }
    Ok(())
}

/// Builds the whole index afresh from the catalogue.
pub async fn rebuild<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    conn.execute_unprepared("DELETE FROM course_candidates").await?;
    conn.execute_unprepared(COURSE_ROWS).await?;
    if conn.get_database_backend() == DbBackend::Sqlite {
        conn.execute_unprepared("INSERT INTO research_fts (research_fts) VALUES ('delete-all')")
            .await?;
        conn.execute_unprepared(RESEARCH_ROWS).await?;
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

/// Published research offers carrying any of the topic words, the index's best first.
pub(super) fn research_by_text(backend: DbBackend, topic: &[String], limit: u64) -> Statement {
    let mut sql = Sql::new(backend);
    // Topic words are the analyser's tokens (letters and digits only): safe in either syntax.
    if backend == DbBackend::Postgres {
        let query: Vec<&str> = topic.iter().map(String::as_str).collect();
        sql.push_bound(
            "SELECT o.id AS id, CAST(NULL AS SMALLINT) AS level \
             FROM offers o, to_tsquery('simple', ",
            query.join(" | "),
        );
        // Literals, not bound values: the partial index applies only to a query that says so.
        sql.push(&format!(
            ") q WHERE o.search @@ q AND o.kind = '{}' AND o.status = '{}'",
            OfferKind::Research.as_db(),
            OfferStatus::Published.as_db()
        ));
        sql.push(" ORDER BY ts_rank(o.search, q) DESC, o.id DESC");
    } else {
        let query: Vec<String> = topic.iter().map(|t| format!("\"{t}\"")).collect();
        sql.push_bound(
            "SELECT rowid AS id, CAST(NULL AS SMALLINT) AS level FROM research_fts \
             WHERE research_fts MATCH ",
            query.join(" OR "),
        );
        sql.push(" ORDER BY rank, rowid DESC");
    }
    sql.push(&format!(" LIMIT {limit}"));
    sql.statement()
}
