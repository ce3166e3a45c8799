//! Organisations: the universities, agencies (OPD) and the province office that use Sinergi.

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
                    .table(Organisations::Table)
                    .col(pk_auto(Organisations::Id))
                    .col(string_len(Organisations::Slug, 80))
                    .col(string_len(Organisations::Name, 200))
                    .col(string_len(Organisations::ShortName, 40))
                    .col(string_len(Organisations::Kind, 20).check(
                        Expr::col(Organisations::Kind).is_in(["university", "agency", "province"]),
                    ))
                    .col(boolean(Organisations::Verified).default(false))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_organisations_slug")
                    .table(Organisations::Table)
                    .col(Organisations::Slug)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Organisations::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Organisations {
    Table,
    Id,
    Slug,
    Name,
    ShortName,
    Kind,
    Verified,
    CreatedAt,
}
