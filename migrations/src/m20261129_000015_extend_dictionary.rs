//! The competency dictionary as the province maintains it: behavioural indicators for every
//! level descriptor, and a record of each CSV import (competencies or positions) with its
//! outcome.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;

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
            .alter_table(
                Table::alter()
                    .table(CompetencyLevels::Table)
                    // What someone at this level is seen doing, one indicator per line.
                    .add_column(text(CompetencyLevels::Indicators).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DictionaryImports::Table)
                    .col(pk_auto(DictionaryImports::Id))
                    // `competencies` (the dictionary) or `positions` (jabatan and their levels).
                    .col(string_len(DictionaryImports::Kind, 20).check(
                        Expr::col(DictionaryImports::Kind).is_in(["competencies", "positions"]),
                    ))
                    .col(integer(DictionaryImports::UploadedBy))
                    .col(string_len(DictionaryImports::FileName, 255))
                    .col(integer(DictionaryImports::Rows))
                    .col(integer(DictionaryImports::Created))
                    .col(integer(DictionaryImports::Updated))
                    // The problems as JSON (`[ImportRowError]`); `[]` when imported.
                    .col(text(DictionaryImports::Errors))
                    .col(timestamp_with_time_zone(DictionaryImports::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_dictionary_imports_uploader")
                            .from(DictionaryImports::Table, DictionaryImports::UploadedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DictionaryImports::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CompetencyLevels::Table)
                    .drop_column(CompetencyLevels::Indicators)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum CompetencyLevels {
    Table,
    Indicators,
}

#[derive(DeriveIden)]
pub enum DictionaryImports {
    Table,
    Id,
    Kind,
    UploadedBy,
    FileName,
    Rows,
    Created,
    Updated,
    Errors,
    CreatedAt,
}
