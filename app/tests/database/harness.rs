//! Runs one test body on every database: a fresh SQLite file, then a fresh PostgreSQL schema.
//!
//! PostgreSQL comes from `SINERGI_TEST_POSTGRES_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`).
//! Without it the PostgreSQL half is skipped with a loud notice, unless
//! `SINERGI_REQUIRE_POSTGRES=1` (set by the test script and CI), which turns the skip into a failure.

use std::future::Future;
use std::io::Write as _;
use std::sync::Once;

use app::backend::db;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use sea_orm_migration::MigratorTrait;

/// Which database a test body is running on, for assertion messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs `test` once per database, each time on a freshly migrated, empty database.
pub async fn each_database<F, Fut>(name: &str, test: F)
where
    F: Fn(DatabaseConnection, Backend) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir =
        std::env::temp_dir().join(format!("sinergi-test-{name}-{}", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.display());
    let conn = db::connect_and_migrate(&url, 8).await.expect("SQLite test database");
    test(conn.clone(), Backend::Sqlite).await;
    conn.close().await.expect("close SQLite");
    let _ = std::fs::remove_dir_all(&dir);

    match std::env::var("SINERGI_TEST_POSTGRES_URL") {
        Ok(pg_url) if !pg_url.is_empty() => {
            let (conn, schema, admin) = fresh_postgres_schema(&pg_url, name).await;
            test(conn.clone(), Backend::Postgres).await;
            conn.close().await.expect("close PostgreSQL");
            admin
                .execute_unprepared(&format!("DROP SCHEMA \"{schema}\" CASCADE"))
                .await
                .expect("drop test schema");
        }
        _ => skip_postgres_loudly(),
    }
}

async fn fresh_postgres_schema(
    url: &str,
    name: &str,
) -> (DatabaseConnection, String, DatabaseConnection) {
    let schema = format!("t_{}_{}", name, &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let admin = Database::connect(url).await.unwrap_or_else(|e| {
        panic!("SINERGI_TEST_POSTGRES_URL is set but PostgreSQL is unreachable at {url}: {e}")
    });
    admin
        .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
        .await
        .expect("create test schema");
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(8).sqlx_logging(false).set_schema_search_path(schema.clone());
    let conn = Database::connect(options).await.expect("connect to test schema");
    migrations::Migrator::up(&conn, None).await.expect("migrate PostgreSQL");
    (conn, schema, admin)
}

fn skip_postgres_loudly() {
    if std::env::var("SINERGI_REQUIRE_POSTGRES").as_deref() == Ok("1") {
        panic!("SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_POSTGRES_URL is not set");
    }
    static NOTICE: Once = Once::new();
    NOTICE.call_once(|| {
        // Written straight to stderr so that the test harness does not capture it.
        let _ = writeln!(
            std::io::stderr(),
            "\n!!! SINERGI_TEST_POSTGRES_URL is not set: the PostgreSQL half of the database \
             tests was SKIPPED. Only SQLite was tested. !!!\n"
        );
    });
}
