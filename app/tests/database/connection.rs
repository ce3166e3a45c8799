//! How the server connects to PostgreSQL: without TLS to a server on this machine (where it
//! protects nothing and, with sqlx 0.9.0, stalls small writes), with it when the URL asks.

use app::backend::db;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use crate::harness::skip_postgres_loudly;

/// Whether the connection `url` opens (as the server opens it) runs over TLS.
async fn encrypted(url: &str) -> bool {
    let conn = Database::connect(db::connect_options(url, 1).unwrap()).await.unwrap();
    let sql = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    let row = conn.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await;
    let ssl: bool = row.unwrap().unwrap().try_get("", "ssl").unwrap();
    conn.close().await.unwrap();
    ssl
}

#[tokio::test]
async fn a_local_postgresql_is_reached_without_tls_unless_the_url_asks_for_it() {
    let Ok(url) = std::env::var("SINERGI_TEST_POSTGRES_URL") else {
        skip_postgres_loudly();
        return;
    };
    assert!(url.contains("127.0.0.1") || url.contains("localhost"), "a local server: {url}");
    assert!(!encrypted(&url).await, "loopback: plain TCP");
    let separator = if url.contains('?') { '&' } else { '?' };
    // The machine's server offers TLS: asked for, it is used.
    assert!(encrypted(&format!("{url}{separator}sslmode=require")).await, "as the URL asks");
}
