//! Runs one test body on every database: a fresh SQLite file, then a fresh PostgreSQL schema.
//!
//! PostgreSQL comes from `SINERGI_TEST_POSTGRES_URL` (e.g. `postgres://postgres@127.0.0.1:5432/test`).
//! Without it the PostgreSQL half is skipped with a loud notice, unless
//! `SINERGI_REQUIRE_POSTGRES=1` (set by the test script and CI), which turns the skip into a failure.

use std::future::Future;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Once;

use app::backend::db;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use tokio::sync::OnceCell;

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
    each_database_shared(name, 1, |mut pools, backend| test(pools.remove(0), backend)).await;
}

/// Like [`each_database`], but hands the test `pools` separate connection pools on the same
/// database: what several server processes sharing one database look like.
pub async fn each_database_shared<F, Fut>(name: &str, pools: usize, test: F)
where
    F: Fn(Vec<DatabaseConnection>, Backend) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = TempDir::new(name);
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.0.display());
    let first = db::connect_and_migrate(&url, 8).await.expect("SQLite test database");
    let mut conns = vec![first];
    for _ in 1..pools {
        let options = db::connect_options(&url, 8).expect("options");
        conns.push(Database::connect(options).await.expect("second SQLite pool"));
    }
    test(conns.clone(), Backend::Sqlite).await;
    for conn in conns {
        conn.close().await.expect("close SQLite");
    }

    match std::env::var("SINERGI_TEST_POSTGRES_URL") {
        Ok(pg_url) if !pg_url.is_empty() => {
            let schema = PgSchema::create(&pg_url, name).await;
            let mut conns = Vec::new();
            for _ in 0..pools {
                let mut options = db::connect_options(&pg_url, 8).expect("options");
                options.set_schema_search_path(schema.name.clone());
                conns.push(Database::connect(options).await.expect("connect to the test schema"));
            }
            db::migrate(&conns[0]).await.expect("migrate PostgreSQL");
            test(conns.clone(), Backend::Postgres).await;
            for conn in conns {
                conn.close().await.expect("close PostgreSQL");
            }
            schema.drop().await;
        }
        _ => skip_postgres_loudly(),
    }
}

/// A temporary folder for one SQLite database, removed even when the test panics.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        Self(std::env::temp_dir().join(format!("sinergi-test-{name}-{unique}")))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Schemas of this suite are named `sinergi_test_<pid>_<test>_<random>`.
const SCHEMA_PREFIX: &str = "sinergi_test_";

/// A fresh PostgreSQL schema for one test. A panicking test cannot drop its schema, so the first
/// test of each run drops what earlier runs (other process ids) left behind.
struct PgSchema {
    name: String,
    admin: DatabaseConnection,
}

impl PgSchema {
    async fn create(url: &str, test: &str) -> Self {
        let admin = Database::connect(url).await.unwrap_or_else(|e| {
            panic!("SINERGI_TEST_POSTGRES_URL is set but PostgreSQL is unreachable at {url}: {e}")
        });
        let pid = std::process::id();
        LEFTOVERS_DROPPED
            .get_or_init(|| async {
                let leftovers = admin
                    .query_all_raw(Statement::from_string(
                        DbBackend::Postgres,
                        format!(
                            "SELECT nspname FROM pg_namespace WHERE nspname LIKE '{SCHEMA_PREFIX}%' \
                             AND nspname NOT LIKE '{SCHEMA_PREFIX}{pid}\\_%'"
                        ),
                    ))
                    .await
                    .expect("list leftover schemas");
                for row in leftovers {
                    let name: String = row.try_get("", "nspname").expect("schema name");
                    let _ = admin.execute_unprepared(&format!("DROP SCHEMA \"{name}\" CASCADE")).await;
                }
            })
            .await;
        let random = &uuid::Uuid::new_v4().simple().to_string()[..8];
        let name = format!("{SCHEMA_PREFIX}{pid}_{test}_{random}");
        admin
            .execute_unprepared(&format!("CREATE SCHEMA \"{name}\""))
            .await
            .expect("create test schema");
        Self { name, admin }
    }

    async fn drop(self) {
        self.admin
            .execute_unprepared(&format!("DROP SCHEMA \"{}\" CASCADE", self.name))
            .await
            .expect("drop test schema");
    }
}

static LEFTOVERS_DROPPED: OnceCell<()> = OnceCell::const_new();

pub fn skip_postgres_loudly() {
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
