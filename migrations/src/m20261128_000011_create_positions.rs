//! Positions (jabatan) and the level each requires per competency: the standard an ASN's
//! competency profile is measured against.

use sea_orm_migration::{prelude::*, schema::*};

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
                    .table(Positions::Table)
                    .col(pk_auto(Positions::Id))
                    .col(string_len(Positions::Code, 80))
                    .col(string_len(Positions::Name, 200))
                    .col(timestamp_with_time_zone(Positions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_positions_code")
                    .table(Positions::Table)
                    .col(Positions::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PositionRequirements::Table)
                    .col(pk_auto(PositionRequirements::Id))
                    .col(integer(PositionRequirements::PositionId))
                    .col(integer(PositionRequirements::CompetencyId))
                    .col(
                        small_integer(PositionRequirements::Level)
                            .check(Expr::col(PositionRequirements::Level).between(1, 5)),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_position_requirements_position")
                            .from(PositionRequirements::Table, PositionRequirements::PositionId)
                            .to(Positions::Table, Positions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_position_requirements_competency")
                            .from(PositionRequirements::Table, PositionRequirements::CompetencyId)
                            .to(Alias::new("competencies"), Alias::new("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_position_requirements_position_competency")
                    .table(PositionRequirements::Table)
                    .col(PositionRequirements::PositionId)
                    .col(PositionRequirements::CompetencyId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PositionRequirements::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Positions::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Positions {
    Table,
    Id,
    Code,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum PositionRequirements {
    Table,
    Id,
    PositionId,
    CompetencyId,
    Level,
}
