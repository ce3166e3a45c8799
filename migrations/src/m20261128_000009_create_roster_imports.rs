//! Roster imports: each upload of an agency's ASN list, with its outcome (imported, or the
//! problems that stopped it), so the result page and its error report can be opened again.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
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
            .create_table(
                Table::create()
                    .table(RosterImports::Table)
                    .col(pk_auto(RosterImports::Id))
                    .col(integer(RosterImports::OrganisationId))
                    .col(integer(RosterImports::UploadedBy))
                    .col(string_len(RosterImports::FileName, 255))
                    .col(integer(RosterImports::Rows))
                    .col(integer(RosterImports::Created))
                    .col(integer(RosterImports::Updated))
                    // The problems as JSON (`[RosterRowError]`); `[]` when imported.
                    .col(text(RosterImports::Errors))
                    .col(timestamp_with_time_zone(RosterImports::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_roster_imports_organisation")
                            .from(RosterImports::Table, RosterImports::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_roster_imports_uploader")
                            .from(RosterImports::Table, RosterImports::UploadedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RosterImports::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum RosterImports {
    Table,
    Id,
    OrganisationId,
    UploadedBy,
    FileName,
    Rows,
    Created,
    Updated,
    Errors,
    CreatedAt,
}
