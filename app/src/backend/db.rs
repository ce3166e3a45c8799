//! Connecting to SQLite or PostgreSQL, migrating, and write transactions that behave on both.

use std::time::Duration;

use sea_orm::sqlx::postgres::PgSslMode;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use super::write_txn::{self, WriteTxn};

/// Opens the database at `url` (creating an SQLite file and its folder if missing) and applies
/// pending migrations.
pub async fn connect_and_migrate(
    url: &str,
    max_connections: u32,
) -> Result<DatabaseConnection, DbErr> {
    let db = Database::connect(connect_options(url, max_connections)?).await?;
    migrate(&db).await?;
    Ok(db)
}

/// Applies pending migrations in one write transaction. On PostgreSQL it first takes an advisory
/// lock, so that several servers starting at once on one database migrate one after another.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = begin_write(db).await?;
    lock_for_transaction(&txn, Lock::Migrations).await?;
    migrations::Migrator::up(txn.inner(), None).await?;
    txn.commit().await
}

/// Pool options for `url`.
///
/// SQLite: WAL so readers never wait for the writer, foreign keys on, a busy timeout so a writer
/// waits for the lock instead of failing, and a pool of several connections (sea-orm would default
/// to one, serialising every request). The folder of the file is created if missing.
pub fn connect_options(url: &str, max_connections: u32) -> Result<ConnectOptions, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections.max(1))
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if is_sqlite(url) {
        if let Some(dir) = sqlite_path(url).and_then(|p| p.parent().map(ToOwned::to_owned))
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(&dir).map_err(|e| {
                DbErr::Custom(format!("cannot create data directory {}: {e}", dir.display()))
            })?;
        }
        options.map_sqlx_sqlite_opts(|o| {
            o.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    } else if !url.contains("sslmode=") {
        options.map_sqlx_postgres_opts(|o| {
            // TLS to a server on this machine protects nothing, and with sqlx 0.9.0 (which no
            // longer sets TCP_NODELAY, sqlx#4335) its small writes wait out the peer's delayed
            // ACK: 40 ms on many round trips (measured: a full match recompute several times
            // slower). Unencrypted unless the URL asks otherwise; a remote server keeps the
            // default (`prefer`).
            let host = o.get_host();
            let local = matches!(host, "localhost" | "127.0.0.1" | "::1") || host.starts_with('/');
            if local { o.ssl_mode(PgSslMode::Disable) } else { o }
        });
    }
    Ok(options)
}

/// Work that must not run twice at once across server processes.
#[derive(Debug, Clone, Copy)]
pub enum Lock {
    Migrations = 7_426_001,
    DemoSeed = 7_426_002,
    /// Writing stored matches (`services::matching`).
    Matching = 7_426_003,
}

/// Serialises `lock`'s work across processes until `txn` ends. SQLite needs nothing more: a write
/// transaction (`begin_write`) already holds the database's single write lock. PostgreSQL takes
/// a transaction-scoped advisory lock.
pub async fn lock_for_transaction(txn: &WriteTxn, lock: Lock) -> Result<(), DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        let sql = format!("SELECT pg_advisory_xact_lock({})", lock as i64);
        txn.execute_unprepared(&sql).await?;
    }
    Ok(())
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that upgrades to a write can fail with SQLITE_BUSY
/// immediately, ignoring the busy timeout. PostgreSQL ignores the mode.
///
/// On SQLite the writers of this process first queue for their turn (see `write_txn`).
pub async fn begin_write<C>(conn: &C) -> Result<WriteTxn, DbErr>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let turn = write_txn::sqlite_turn(conn.get_database_backend()).await;
    let txn = conn
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    Ok(WriteTxn::new(txn, turn))
}

/// Whether `url` names an SQLite database.
pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| path.into())
}

/// Every unique constraint, by name (as PostgreSQL reports it) and by columns (as SQLite reports
/// it), with the form field a user sees the conflict on.
const UNIQUE_CONSTRAINTS: &[(&str, &str, &str)] = &[
    ("uq_organisations_slug", "organisations.slug", "slug"),
    ("uq_people_email", "people.email", "email"),
    ("uq_people_nip", "people.nip", "nip"),
    (
        "uq_memberships_person_organisation_role",
        "memberships.person_id, memberships.organisation_id, memberships.role",
        "role",
    ),
    ("uq_competencies_code", "competencies.code", "code"),
    (
        "uq_competency_levels_competency_level",
        "competency_levels.competency_id, competency_levels.level",
        "level",
    ),
    (
        "uq_external_identities_subject",
        "external_identities.provider, external_identities.subject",
        "subject",
    ),
    (
        "uq_access_requests_pending",
        "access_requests.provider, access_requests.subject, access_requests.organisation_id",
        "organisation",
    ),
    ("uq_invitations_token_hash", "invitations.token_hash", "token"),
    ("uq_proposals_submitted", "proposals.need_id, proposals.university_id", "proposal"),
    ("uq_collaborations_need_live", "collaborations.need_id", "need"),
    ("uq_collaborations_proposal", "collaborations.proposal_id", "proposal"),
    (
        "uq_proposal_invitations_need_offer",
        "proposal_invitations.need_id, proposal_invitations.offer_id",
        "offer",
    ),
    ("uq_learning_forms_code", "learning_forms.code", "code"),
    ("uq_positions_code", "positions.code", "code"),
    ("uq_offers_slug", "offers.slug", "slug"),
    // The slug comes from the title: a race between two needs of one title is shown there.
    ("uq_needs_slug", "needs.slug", "title"),
    (
        "uq_position_requirements_position_competency",
        "position_requirements.position_id, position_requirements.competency_id",
        "competency",
    ),
    // One active enrollment per person and course: a race of the same person's two requests.
    ("uq_enrollments_active", "enrollments.person_id, enrollments.offer_id", "enrollment"),
    // One reaction per completed enrollment: the participant rated the course already.
    ("uq_course_evaluations_enrollment", "course_evaluations.enrollment_id", "level"),
    ("uq_mentorships_open", "mentorships.mentee_id, mentorships.competency_id", "competency"),
];

/// The form field behind a unique-constraint violation message of either database.
pub fn unique_field(message: &str) -> Option<String> {
    UNIQUE_CONSTRAINTS.iter().find_map(|(name, columns, field)| {
        let postgres = message.contains(&format!("\"{name}\""));
        let sqlite = message
            .split_once("UNIQUE constraint failed: ")
            .is_some_and(|(_, cols)| cols.trim() == *columns);
        (postgres || sqlite).then(|| (*field).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sqlite_file_path() {
        assert_eq!(
            sqlite_path("sqlite://data/sinergi.db?mode=rwc"),
            Some("data/sinergi.db".into())
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert!(is_sqlite("sqlite://x.db") && !is_sqlite("postgres://localhost/test"));
    }

    #[test]
    fn maps_violation_messages_of_both_databases_to_fields() {
        let pg = r#"duplicate key value violates unique constraint "uq_people_email""#;
        assert_eq!(unique_field(pg).as_deref(), Some("email"));
        let lite = "UNIQUE constraint failed: people.nip";
        assert_eq!(unique_field(lite).as_deref(), Some("nip"));
        assert_eq!(unique_field("UNIQUE constraint failed: people.full_name"), None);
    }
}
