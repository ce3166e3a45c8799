//! The Sinergi server: start-up, the HTTP router and its middleware. `main.rs` only parses the CLI.

pub mod background;
pub mod bench_dashboards;
pub mod bench_enrollment;
pub mod bench_export;
pub mod bench_http;
pub mod bench_matching;
pub mod bench_participants;
pub mod bench_stats;
pub mod certificates;
pub mod csrf;
pub mod dashboards;
pub mod dictionary;
pub mod exports;
pub mod health;
pub mod locale;
pub mod oauth;
pub mod page_cache;
pub mod roster;
pub mod router;
pub mod scores;
pub mod security_headers;
pub mod session;
pub mod telemetry;
pub mod upload;

use std::sync::Arc;

use app::backend::auth::external::{LoginProviders, providers as login_providers};
use app::backend::{
    AppState, Config, db,
    services::{assessments, seed},
};
use axum::serve::ListenerExt as _;
use leptos::config::get_configuration;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("{0}")]
    App(#[from] app::error::AppError),
    #[error("mail: {0}")]
    Mail(String),
    #[error("leptos configuration: {0}")]
    Leptos(String),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("benchmark: {0}")]
    Bench(String),
    #[error("login providers: {0}")]
    LoginProviders(#[from] app::backend::auth::external::providers::ProviderConfigError),
}

/// Connects (migrating and, if configured, seeding an empty database) and serves until Ctrl-C or
/// SIGTERM.
pub async fn serve(config: Config) -> Result<(), StartError> {
    // A mistake in the providers' settings stops the start, naming the variable to fix.
    let providers = login_providers::from_env(std::env::vars())?;
    let login = LoginProviders::new(providers, &config.base_url)?;
    let url = config.database_url();
    let conn = db::connect_and_migrate(&url, config.db_max_connections).await?;
    if config.demo_data {
        seed::seed_demo(&conn).await?;
    }
    // A database from before the stored current levels gets them once, before any page reads them.
    assessments::fill_levels_if_empty(&conn).await?;
    let mut leptos_options =
        get_configuration(None).map_err(|e| StartError::Leptos(e.to_string()))?.leptos_options;
    leptos_options.site_addr = config.listen;
    let names: Vec<String> = login.views().into_iter().map(|p| p.name).collect();
    tracing::info!(providers = ?names, "external login providers");
    let login = Arc::new(login);
    let warm = login.clone();
    tokio::spawn(async move { warm.discover_all(chrono::Utc::now()).await });
    let mail = config.mail_settings().map_err(StartError::Mail)?;
    let mailer = match &mail {
        Some(settings) => {
            Some(app::backend::mail::Mailer::new(settings, app::backend::mail::worker_name())?)
        }
        None => {
            tracing::warn!("SINERGI_SMTP_URL is not set: mail stays in the outbox, unsent");
            None
        }
    };
    let state = AppState { db: conn, config: Arc::new(config), leptos_options, login };
    background::spawn_all(&state.db, mailer);
    let listen = state.config.listen;
    let app = router::app(state);

    // TCP_NODELAY: a response written in several pieces (headers, then a file body) must not
    // wait for the client's delayed ACK (measured: +40 ms per static file without it).
    let listener = tokio::net::TcpListener::bind(listen).await?.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::debug!(%error, "cannot set TCP_NODELAY");
        }
    });
    tracing::info!(address = %listen, database = %redact(&url), "Sinergi is listening");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// The database URL without its password, for the log.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…{}", &url[..scheme], &url[at..]),
        _ => url.to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords_from_database_urls() {
        assert_eq!(super::redact("postgres://u:secret@db/x"), "postgres://…@db/x");
        assert_eq!(super::redact("sqlite://data/sinergi.db"), "sqlite://data/sinergi.db");
    }
}
