//! Server-side code (compiled with `ssr` only): state, database access, entities and services.

pub mod auth;
pub mod config;
pub mod csp;
pub mod csv_upload;
pub mod db;
pub mod entities;
pub mod mail;
pub mod markdown;
pub mod search;
pub mod services;
pub(crate) mod sql;
pub mod state;
pub mod write_txn;

pub use config::Config;
pub use state::AppState;
