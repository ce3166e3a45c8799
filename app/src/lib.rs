//! Sinergi: the collaboration portal of Lampung's universities and provincial agencies.
//!
//! One crate for both sides. With `ssr` it renders pages and runs server functions and services;
//! with `hydrate` it compiles to WASM and brings the `#[island]` components to life. Data flows
//! one way: UI → server function (`api`) → service (`backend::services`) → database.

pub mod api;
pub mod domain;
pub mod error;
pub mod model;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod backend;

/// Typed translations generated from `locales/*.json` by `build.rs` (leptos_i18n). The generated
/// code parses its two fixed locale tags with `expect`, which cannot fail.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n;

pub use ui::{App, shell};
