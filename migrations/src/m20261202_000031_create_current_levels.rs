//! Each civil servant's current level per competency: the profile rule applied to their ratings
//! and the evidence of their certificates, kept in a table so that gaps over a whole agency or the
//! whole province are one grouped query instead of re-reading every rating. Derived data: the
//! application rewrites a person's rows whenever what they derive from changes, and rebuilds the
//! table at start-up when it is empty (so a database from before this migration fills itself).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;
use crate::m20261128_000003_create_competency_dictionary::Competencies;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CurrentLevels::Table)
                    .col(integer(CurrentLevels::PersonId))
                    .col(integer(CurrentLevels::CompetencyId))
                    .col(
                        small_integer(CurrentLevels::Level)
                            .check(Expr::col(CurrentLevels::Level).between(1, 5)),
                    )
                    .col(string_len(CurrentLevels::Kind, 12).check(
                        Expr::col(CurrentLevels::Kind).is_in(["self", "evidence", "supervisor"]),
                    ))
                    .col(timestamp_with_time_zone(CurrentLevels::RatedAt))
                    // One current level per person and competency; the key also serves the
                    // gap queries' lookup by (person, competency).
                    .primary_key(
                        Index::create()
                            .col(CurrentLevels::PersonId)
                            .col(CurrentLevels::CompetencyId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_current_levels_person")
                            .from(CurrentLevels::Table, CurrentLevels::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_current_levels_competency")
                            .from(CurrentLevels::Table, CurrentLevels::CompetencyId)
                            .to(Competencies::Table, Competencies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CurrentLevels::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum CurrentLevels {
    Table,
    PersonId,
    CompetencyId,
    /// 1 to 5.
    Level,
    /// Where the level comes from: `self`, `evidence` or `supervisor`.
    Kind,
    /// When the rating that counts was made (a certificate's issue for evidence).
    RatedAt,
}
