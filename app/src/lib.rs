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

// `pub mod i18n`: typed translations generated from `locales/*.json` by `build.rs` (leptos_i18n).
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use ui::{App, shell};
