//! Verification of organisations by the province (who decided what, when) and ASN ranks.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_organisations::Organisations;
use crate::m20261128_000002_create_people::{Memberships, People};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Every decision of a province administrator on an organisation, newest last; the
        // current state stays in `organisations.verified` for cheap checks.
        manager
            .create_table(
                Table::create()
                    .table(OrganisationReviews::Table)
                    .col(pk_auto(OrganisationReviews::Id))
                    .col(integer(OrganisationReviews::OrganisationId))
                    .col(boolean(OrganisationReviews::Verified))
                    .col(integer(OrganisationReviews::ReviewedBy))
                    .col(text_null(OrganisationReviews::Note))
                    .col(timestamp_with_time_zone(OrganisationReviews::ReviewedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisation_reviews_organisation")
                            .from(OrganisationReviews::Table, OrganisationReviews::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisation_reviews_reviewer")
                            .from(OrganisationReviews::Table, OrganisationReviews::ReviewedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_organisation_reviews_organisation")
                    .table(OrganisationReviews::Table)
                    .col(OrganisationReviews::OrganisationId)
                    .to_owned(),
            )
            .await?;

        // Pangkat/golongan of a civil servant in their agency (e.g. "Penata Muda, III/a").
        manager
            .alter_table(
                Table::alter()
                    .table(Memberships::Table)
                    .add_column(string_len_null(Alias::new("rank"), 80))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Memberships::Table).drop_column(Alias::new("rank")).to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(OrganisationReviews::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum OrganisationReviews {
    Table,
    Id,
    OrganisationId,
    Verified,
    ReviewedBy,
    Note,
    ReviewedAt,
}
