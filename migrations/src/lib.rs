//! Schema migrations of Sinergi, applied in order at server start-up and by `server migrate`.
//!
//! Names follow `m<date>_<seq>_<verb>_<object>`. A migration, once on main, is never edited:
//! add a new one. Constraints are named (`uq_…`, `fk_…`, `ck_…`) so services can turn a violation
//! into a user-facing error.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_organisations;
mod m20261128_000002_create_people;
mod m20261128_000003_create_competency_dictionary;

/// The ordered list of every migration.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_organisations::Migration),
            Box::new(m20261128_000002_create_people::Migration),
            Box::new(m20261128_000003_create_competency_dictionary::Migration),
        ]
    }
}
