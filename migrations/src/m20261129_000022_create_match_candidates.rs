//! The matching engine's candidate index, so that finding a need's candidates reads about as
//! many rows as it keeps, however large the catalogue:
//!
//! - `course_candidates`: one row per published course and competency it teaches, with what the
//!   candidate query filters and orders by (level, where it can be followed, the enrollment
//!   deadline) in one covering index;
//! - `research_terms`: one row per published research offer and word it carries, with what the
//!   engine's text relevance credits it (title 10, tags 6, body 3), read best first per word.
//!
//! Both are kept by the matching queue's worker (the app's `services::matching`), which also
//! builds them: the words need the app's analyser, so this migration queues a rebuild (`all`)
//! for the worker's next round instead of filling them here.

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
        conn.execute_unprepared(TABLES).await?;
        // The oldest time there is, as the app writes times on each database (SQLite: RFC 3339
        // text), so the rebuild comes first and the worker's delete (`queued_at <=` what it
        // read) matches it.
        let oldest = match manager.get_database_backend() {
            DatabaseBackend::Postgres => "TIMESTAMPTZ '2000-01-01 00:00:00+00'",
            _ => "'2000-01-01T00:00:00+00:00'",
        };
        let queue = format!(
            "INSERT INTO matching_queue (subject, subject_id, queued_at) VALUES ('all', 0, {oldest}) \
             ON CONFLICT (subject, subject_id) DO NOTHING"
        );
        conn.execute_unprepared(&queue).await.map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let conn = manager.get_connection();
        conn.execute_unprepared("DROP TABLE IF EXISTS research_terms;").await?;
        conn.execute_unprepared("DROP TABLE IF EXISTS course_candidates;").await.map(|_| ())
    }
}

/// The same text on both databases. `reach` is `daring` for an online course, else its
/// kabupaten/kota code (empty when it names none): the two values a need's region accepts.
const TABLES: &str = "
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
CREATE TABLE research_terms (
    offer_id INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    weight SMALLINT NOT NULL CHECK (weight BETWEEN 1 AND 10),
    PRIMARY KEY (offer_id, term)
);
CREATE INDEX ix_research_terms_best ON research_terms (term, weight, offer_id);
";
