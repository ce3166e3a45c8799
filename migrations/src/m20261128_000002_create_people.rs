//! People and their memberships: one person may hold several roles in several organisations.

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
                    .table(People::Table)
                    .col(pk_auto(People::Id))
                    .col(string_len(People::FullName, 200))
                    .col(string_len(People::Email, 254))
                    // The 18-digit NIP of a PNS; null for people who are not civil servants.
                    .col(string_len_null(People::Nip, 18))
                    .col(timestamp_with_time_zone(People::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [("uq_people_email", People::Email), ("uq_people_nip", People::Nip)] {
            manager
                .create_index(
                    Index::create().name(name).table(People::Table).col(column).unique().to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(pk_auto(Memberships::Id))
                    .col(integer(Memberships::PersonId))
                    .col(integer(Memberships::OrganisationId))
                    .col(string_len(Memberships::Role, 40).check(
                        Expr::col(Memberships::Role).is_in([
                            "university_coordinator",
                            "academic",
                            "agency_lead",
                            "asn",
                            "province_admin",
                        ]),
                    ))
                    // Position (jabatan) and unit, for agency members.
                    .col(string_len_null(Memberships::Position, 200))
                    .col(string_len_null(Memberships::Unit, 200))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_person")
                            .from(Memberships::Table, Memberships::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_organisation")
                            .from(Memberships::Table, Memberships::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_memberships_person_organisation_role")
                    .table(Memberships::Table)
                    .col(Memberships::PersonId)
                    .col(Memberships::OrganisationId)
                    .col(Memberships::Role)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_memberships_organisation")
                    .table(Memberships::Table)
                    .col(Memberships::OrganisationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Memberships::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(People::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum People {
    Table,
    Id,
    FullName,
    Email,
    Nip,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Memberships {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Role,
    Position,
    Unit,
    CreatedAt,
}
