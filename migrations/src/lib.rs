//! Schema migrations of Sinergi, applied in order at server start-up and by `server migrate`.
//!
//! Names follow `m<date>_<seq>_<verb>_<object>`. A migration, once on main, is never edited:
//! add a new one. Unique indexes are named `uq_<table>_<field>` so that a violation becomes a
//! conflict on that form field (`app::backend::db::UNIQUE_CONSTRAINTS`); foreign keys `fk_…`.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_organisations;
mod m20261128_000002_create_people;
mod m20261128_000003_create_competency_dictionary;
mod m20261128_000004_create_credentials_and_sessions;
mod m20261128_000005_create_login_failures;
mod m20261128_000006_create_organisation_reviews;
mod m20261128_000007_create_external_identities;
mod m20261128_000008_create_invitations_and_outbox;
mod m20261128_000009_create_roster_imports;
mod m20261128_000010_create_learning_forms;
mod m20261128_000011_create_positions;
mod m20261129_000012_create_offers;
mod m20261129_000013_create_offer_search;
mod m20261129_000014_create_needs;
mod m20261129_000015_extend_dictionary;
mod m20261129_000016_create_matching;
mod m20261129_000017_create_proposals;
mod m20261129_000018_create_notifications;
mod m20261129_000019_create_collaboration_history;
mod m20261129_000020_create_shortlists;
mod m20261129_000021_outbox_abandoned;
mod m20261129_000022_create_match_candidates;
mod m20261129_000023_reopen_after_cancellation;
mod m20261129_000024_create_enrollments;
mod m20261129_000025_create_attendance;
mod m20261130_000026_create_certificates;
mod m20261130_000027_create_jp_entries;
mod m20261130_000028_create_competency_assessments;
mod m20261130_000029_create_course_evaluations;
mod m20261130_000030_create_mentoring;
mod m20261202_000031_create_current_levels;

/// The ordered list of every migration.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_organisations::Migration),
            Box::new(m20261128_000002_create_people::Migration),
            Box::new(m20261128_000003_create_competency_dictionary::Migration),
            Box::new(m20261128_000004_create_credentials_and_sessions::Migration),
            Box::new(m20261128_000005_create_login_failures::Migration),
            Box::new(m20261128_000006_create_organisation_reviews::Migration),
            Box::new(m20261128_000007_create_external_identities::Migration),
            Box::new(m20261128_000008_create_invitations_and_outbox::Migration),
            Box::new(m20261128_000009_create_roster_imports::Migration),
            Box::new(m20261128_000010_create_learning_forms::Migration),
            Box::new(m20261128_000011_create_positions::Migration),
            Box::new(m20261129_000012_create_offers::Migration),
            Box::new(m20261129_000013_create_offer_search::Migration),
            Box::new(m20261129_000014_create_needs::Migration),
            Box::new(m20261129_000015_extend_dictionary::Migration),
            Box::new(m20261129_000016_create_matching::Migration),
            Box::new(m20261129_000017_create_proposals::Migration),
            Box::new(m20261129_000018_create_notifications::Migration),
            Box::new(m20261129_000019_create_collaboration_history::Migration),
            Box::new(m20261129_000020_create_shortlists::Migration),
            Box::new(m20261129_000021_outbox_abandoned::Migration),
            Box::new(m20261129_000022_create_match_candidates::Migration),
            Box::new(m20261129_000023_reopen_after_cancellation::Migration),
            Box::new(m20261129_000024_create_enrollments::Migration),
            Box::new(m20261129_000025_create_attendance::Migration),
            Box::new(m20261130_000026_create_certificates::Migration),
            Box::new(m20261130_000027_create_jp_entries::Migration),
            Box::new(m20261130_000028_create_competency_assessments::Migration),
            Box::new(m20261130_000029_create_course_evaluations::Migration),
            Box::new(m20261130_000030_create_mentoring::Migration),
            Box::new(m20261202_000031_create_current_levels::Migration),
        ]
    }
}
