//! HTTP tests of the whole router (tower `oneshot`), on a real SQLite file with the demo data;
//! `crash` runs real server processes instead.

// Test helpers may panic: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assessments;
mod auth;
mod catalogue;
mod certificates;
mod collaborations;
mod crash;
mod dashboards;
mod dictionary;
mod enrollments;
mod evaluations;
mod exports;
mod external_login;
mod invitations;
mod jp;
mod locale;
mod matching;
mod matrix;
mod mentoring;
mod needs;
mod nominations;
mod page_cache;
mod pages;
mod process_trials;
mod processes;
mod proposals;
mod roster;
mod scores;
mod security;
mod support;
