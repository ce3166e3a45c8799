//! `Config`: every setting of the server, read from the environment (or flags) with defaults that
//! run the portal on a local SQLite file.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Server configuration. Each field is documented in README.md's configuration table.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Database URL. `sqlite://…` (the default, a file in the data directory) or `postgres://…`.
    /// When unset, `sqlite://<data dir>/sinergi.db` is used.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Folder for the embedded SQLite database; created on first start.
    #[arg(long, env = "SINERGI_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Largest number of pooled database connections.
    #[arg(long, env = "SINERGI_DB_MAX_CONNECTIONS", default_value_t = 16)]
    pub db_max_connections: u32,

    /// Address and port the HTTP server listens on.
    #[arg(long, env = "SINERGI_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// The public URL people reach the portal at (used in links, mails and QR codes).
    #[arg(long, env = "SINERGI_BASE_URL", default_value = "http://127.0.0.1:3000")]
    pub base_url: String,

    /// Mark cookies `Secure` (and send HSTS). Turn on whenever the portal is served over TLS.
    #[arg(long, env = "SINERGI_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Load the demo data into an empty database at start-up. Off by default so that a
    /// production database never receives invented people; `scripts/run.sh` turns it on.
    #[arg(long, env = "SINERGI_DEMO_DATA", default_value_t = false, action = clap::ArgAction::Set)]
    pub demo_data: bool,

    /// Log filter in `tracing` syntax, e.g. `info` or `info,sea_orm=debug`. `RUST_LOG`, when set,
    /// takes precedence.
    #[arg(long, env = "SINERGI_LOG", default_value = "info")]
    pub log: String,

    /// Log as JSON lines (for log collectors) instead of human-readable text.
    #[arg(long, env = "SINERGI_LOG_JSON", default_value_t = false)]
    pub log_json: bool,

    /// The mail server, as `smtp://user:password@host:587?tls=required` (STARTTLS) or
    /// `smtps://user:password@host:465`. Unset: mail waits in the outbox, unsent.
    #[arg(long, env = "SINERGI_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// The sender of the portal's mail, as `Name <address>`; required with an SMTP URL.
    #[arg(long, env = "SINERGI_MAIL_FROM")]
    pub mail_from: Option<String>,
}

impl Config {
    /// How to send mail, if an SMTP server is configured; an error names what is missing.
    pub fn mail_settings(&self) -> Result<Option<super::mail::MailSettings>, String> {
        let Some(smtp_url) = self.smtp_url.clone().filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let from = self
            .mail_from
            .clone()
            .filter(|f| !f.is_empty())
            .ok_or("SINERGI_SMTP_URL is set but SINERGI_MAIL_FROM is not: name the sender")?;
        Ok(Some(super::mail::MailSettings { smtp_url, from, base_url: self.base_url.clone() }))
    }

    /// The database URL to connect to, after applying the SQLite default.
    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", self.data_dir.join("sinergi.db").display())
        })
    }
}
