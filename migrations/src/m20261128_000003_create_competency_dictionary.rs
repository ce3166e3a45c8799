//! The competency dictionary (SKJ, Permen PANRB 38/2017): types, competencies, five level descriptors.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;

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
                    .table(CompetencyTypes::Table)
                    // teknis | manajerial | sosial_kultural
                    .col(string_len(CompetencyTypes::Code, 20).primary_key())
                    .col(string_len(CompetencyTypes::NameId, 100))
                    .col(string_len(CompetencyTypes::NameEn, 100))
                    .col(small_integer(CompetencyTypes::SortOrder))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Competencies::Table)
                    .col(pk_auto(Competencies::Id))
                    .col(string_len(Competencies::Code, 40))
                    .col(string_len(Competencies::TypeCode, 20))
                    .col(string_len(Competencies::NameId, 200))
                    .col(string_len(Competencies::NameEn, 200))
                    .col(text(Competencies::DefinitionId))
                    // Technical competencies may belong to one agency; null means shared.
                    .col(integer_null(Competencies::OwnerOrganisationId))
                    .col(timestamp_with_time_zone(Competencies::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_competencies_type")
                            .from(Competencies::Table, Competencies::TypeCode)
                            .to(CompetencyTypes::Table, CompetencyTypes::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_competencies_owner_organisation")
                            .from(Competencies::Table, Competencies::OwnerOrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_competencies_code")
                    .table(Competencies::Table)
                    .col(Competencies::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(CompetencyLevels::Table)
                    .col(pk_auto(CompetencyLevels::Id))
                    .col(integer(CompetencyLevels::CompetencyId))
                    .col(
                        small_integer(CompetencyLevels::Level)
                            .check(Expr::col(CompetencyLevels::Level).between(1, 5)),
                    )
                    .col(text(CompetencyLevels::DescriptionId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_competency_levels_competency")
                            .from(CompetencyLevels::Table, CompetencyLevels::CompetencyId)
                            .to(Competencies::Table, Competencies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_competency_levels_competency_level")
                    .table(CompetencyLevels::Table)
                    .col(CompetencyLevels::CompetencyId)
                    .col(CompetencyLevels::Level)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CompetencyLevels::Table.into_iden(),
            Competencies::Table.into_iden(),
            CompetencyTypes::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub enum CompetencyTypes {
    Table,
    Code,
    NameId,
    NameEn,
    SortOrder,
}

#[derive(DeriveIden)]
pub enum Competencies {
    Table,
    Id,
    Code,
    TypeCode,
    NameId,
    NameEn,
    DefinitionId,
    OwnerOrganisationId,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum CompetencyLevels {
    Table,
    Id,
    CompetencyId,
    Level,
    DescriptionId,
}
