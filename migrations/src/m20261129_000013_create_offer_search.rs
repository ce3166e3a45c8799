//! Full-text search over offers, the database's own: an FTS5 table kept by triggers on SQLite, a
//! generated `tsvector` column with a GIN index on PostgreSQL. Both index the `search_*` columns,
//! which the application fills with Indonesian-stemmed text (`app::backend::search`) so that
//! both databases find the same offers.

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
        let sql = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => SQLITE_SEARCH,
            DatabaseBackend::Postgres => POSTGRES_SEARCH,
            other => return Err(DbErr::Migration(format!("no full-text search for {other:?}"))),
        };
        manager.get_connection().execute_unprepared(sql).await.map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sql = match manager.get_database_backend() {
            DatabaseBackend::Sqlite => SQLITE_DROP_SEARCH,
            _ => POSTGRES_DROP_SEARCH,
        };
        manager.get_connection().execute_unprepared(sql).await.map(|_| ())
    }
}

/// The title weighs most, then keywords (summary, competencies, university), then the body.
const SQLITE_SEARCH: &str = "
CREATE VIRTUAL TABLE offers_fts USING fts5(
    search_title, search_keywords, search_body,
    content='offers', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN
    INSERT INTO offers_fts(rowid, search_title, search_keywords, search_body)
    VALUES (new.id, new.search_title, new.search_keywords, new.search_body);
END;
CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN
    INSERT INTO offers_fts(offers_fts, rowid, search_title, search_keywords, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_keywords, old.search_body);
END;
CREATE TRIGGER offers_fts_update AFTER UPDATE OF search_title, search_keywords, search_body
ON offers BEGIN
    INSERT INTO offers_fts(offers_fts, rowid, search_title, search_keywords, search_body)
    VALUES ('delete', old.id, old.search_title, old.search_keywords, old.search_body);
    INSERT INTO offers_fts(rowid, search_title, search_keywords, search_body)
    VALUES (new.id, new.search_title, new.search_keywords, new.search_body);
END;
";

const SQLITE_DROP_SEARCH: &str = "
DROP TRIGGER IF EXISTS offers_fts_update;
DROP TRIGGER IF EXISTS offers_fts_delete;
DROP TRIGGER IF EXISTS offers_fts_insert;
DROP TABLE IF EXISTS offers_fts;
";

/// `simple`: the text is already stemmed by the application, the same way for both databases.
const POSTGRES_SEARCH: &str = "
ALTER TABLE offers ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', search_title), 'A')
    || setweight(to_tsvector('simple', search_keywords), 'B')
    || setweight(to_tsvector('simple', search_body), 'C')
) STORED;
CREATE INDEX ix_offers_search ON offers USING GIN (search);
";

const POSTGRES_DROP_SEARCH: &str = "
DROP INDEX IF EXISTS ix_offers_search;
ALTER TABLE offers DROP COLUMN IF EXISTS search;
";
