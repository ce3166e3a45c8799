//! Service and schema tests against real databases: every test runs on an SQLite file and on
//! PostgreSQL (see `harness`).

// Test helpers may panic: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assessments;
mod attendance;
mod auth;
mod candidate_index;
mod catalogue;
mod certificates;
mod collaborations;
mod connection;
mod current_levels;
mod enrollment_trials;
mod enrollments;
mod evaluations;
mod external;
mod fulfilment;
mod gaps;
mod harness;
mod invitations;
mod jp_ledger;
mod large_course;
mod mail;
mod matching;
mod mentoring;
mod needs;
mod offers;
mod people;
mod proposal_views;
mod proposals;
mod reference;
mod roster;
mod schema;
mod seed;
mod shortlist;
mod smtp;
mod tenancy;
