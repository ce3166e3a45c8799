//! Service and schema tests against real databases: every test runs on an SQLite file and on
//! PostgreSQL (see `harness`).

mod harness;
mod schema;
mod seed;
