//! The matching engine's candidate index, so that finding a need's candidates reads about as
//! many rows as it keeps, however large the catalogue:
//!
//! - `course_candidates`: one row per published course and competency it teaches, with what the
//!   candidate query filters and orders by (level, where it can be followed, the enrollment
//!   deadline) in one covering index;
//! - research offers by their words: on SQLite a full-text table of the published research
//!   offers only (`research_fts`), on PostgreSQL a partial index of their `search` vectors.
//!
//! Both are kept by the matching queue's worker (the app's `services::matching`); this migration
//! fills them from the offers published so far.

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let conn = manager.get_connection();
        conn.execute_unprepared(COURSE_CANDIDATES).await?;
        let search = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => SQLITE_RESEARCH,
            DatabaseBackend::Postgres => POSTGRES_RESEARCH,
            other => return Err(DbErr::Migration(format!("no full-text search for {other:?}"))),
        };
        conn.execute_unprepared(search).await?;
        conn.execute_unprepared(COURSE_BACKFILL).await?;
        if manager.get_database_backend() == DatabaseBackend::Sqlite {
            conn.execute_unprepared(SQLITE_RESEARCH_BACKFILL).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let search = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => "DROP TABLE IF EXISTS research_fts;",
            _ => "DROP INDEX IF EXISTS ix_offers_research_search;",
        };
        let conn = manager.get_connection();
        conn.execute_unprepared(search).await?;
        conn.execute_unprepared("DROP TABLE IF EXISTS course_candidates;").await.map(|_| ())
    }
}

/// The same text on both databases. `reach` is `daring` for an online course, else its
/// kabupaten/kota code (empty when it names none): the two values a need's region accepts.
const COURSE_CANDIDATES: &str = "
CREATE TABLE course_candidates (
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    type_code VARCHAR(20) NOT NULL,
    level SMALLINT NULL,
    reach VARCHAR(8) NOT NULL,
    enrollment_closes_on DATE NOT NULL,
    PRIMARY KEY (offer_id, competency_id)
);
CREATE INDEX ix_course_candidates_competency ON course_candidates
    (competency_id, enrollment_closes_on, offer_id, level, reach);
CREATE INDEX ix_course_candidates_type ON course_candidates
    (type_code, enrollment_closes_on, offer_id, competency_id, level, reach);
";

/// What the app's `matching::candidate_index` writes for every published course, as of now.
const COURSE_BACKFILL: &str = "
INSERT INTO course_candidates (offer_id, competency_id, type_code, level, reach, enrollment_closes_on)
SELECT o.id, oc.competency_id, c.type_code, oc.level,
       CASE WHEN o.mode = 'daring' THEN 'daring' ELSE COALESCE(o.region_code, '') END,
       d.enrollment_closes_on
FROM offers o
JOIN course_details d ON d.offer_id = o.id
JOIN offer_competencies oc ON oc.offer_id = o.id
JOIN competencies c ON c.id = oc.competency_id
WHERE o.kind = 'course' AND o.status = 'published';
";

const SQLITE_RESEARCH_BACKFILL: &str = "
INSERT INTO research_fts (rowid, search_title, search_keywords, search_body)
SELECT id, search_title, search_keywords, search_body FROM offers
WHERE kind = 'research' AND status = 'published';
";

/// Contentless, with deletes: the worker removes an offer by its id alone, whatever its text
/// was when it was indexed.
const SQLITE_RESEARCH: &str = "
CREATE VIRTUAL TABLE research_fts USING fts5(
    search_title, search_keywords, search_body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
";

/// The planner uses a partial index only for queries that spell out its condition: the
/// candidate query writes these two literals, not bound values.
const POSTGRES_RESEARCH: &str = "
CREATE INDEX ix_offers_research_search ON offers USING GIN (search)
    WHERE kind = 'research' AND status = 'published';
";
