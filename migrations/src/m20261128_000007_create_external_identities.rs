//! External identities (a provider's subject linked to a person) and access requests from people
//! who signed in with a provider but have no account yet.

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
                    .table(ExternalIdentities::Table)
                    .col(pk_auto(ExternalIdentities::Id))
                    // The configured provider name (`SINERGI_LOGIN_PROVIDERS`).
                    .col(string_len(ExternalIdentities::Provider, 40))
                    // The provider's stable identifier of the person (`sub`).
                    .col(string_len(ExternalIdentities::Subject, 255))
                    .col(integer(ExternalIdentities::PersonId))
                    .col(string_len(ExternalIdentities::Email, 254))
                    .col(timestamp_with_time_zone(ExternalIdentities::CreatedAt))
                    .col(timestamp_with_time_zone(ExternalIdentities::LastLoginAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_external_identities_person")
                            .from(ExternalIdentities::Table, ExternalIdentities::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_external_identities_subject")
                    .table(ExternalIdentities::Table)
                    .col(ExternalIdentities::Provider)
                    .col(ExternalIdentities::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AccessRequests::Table)
                    .col(pk_auto(AccessRequests::Id))
                    .col(string_len(AccessRequests::Provider, 40))
                    .col(string_len(AccessRequests::Subject, 255))
                    .col(string_len(AccessRequests::Email, 254))
                    .col(string_len(AccessRequests::FullName, 200))
                    .col(integer(AccessRequests::OrganisationId))
                    .col(string_len(AccessRequests::Role, 40).check(
                        Expr::col(AccessRequests::Role).is_in([
                            "university_coordinator",
                            "academic",
                            "agency_lead",
                            "asn",
                            "province_admin",
                        ]),
                    ))
                    .col(text_null(AccessRequests::Message))
                    .col(string_len(AccessRequests::Status, 20).default("pending").check(
                        Expr::col(AccessRequests::Status).is_in(["pending", "approved", "refused"]),
                    ))
                    .col(integer_null(AccessRequests::DecidedBy))
                    .col(timestamp_with_time_zone_null(AccessRequests::DecidedAt))
                    .col(timestamp_with_time_zone(AccessRequests::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_access_requests_organisation")
                            .from(AccessRequests::Table, AccessRequests::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_access_requests_decider")
                            .from(AccessRequests::Table, AccessRequests::DecidedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // One open request per identity and organisation; decided ones stay as history.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX uq_access_requests_pending ON access_requests \
                 (provider, subject, organisation_id) WHERE status = 'pending'",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_access_requests_organisation")
                    .table(AccessRequests::Table)
                    .col(AccessRequests::OrganisationId)
                    .col(AccessRequests::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AccessRequests::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ExternalIdentities::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum ExternalIdentities {
    Table,
    Id,
    Provider,
    Subject,
    PersonId,
    Email,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
pub enum AccessRequests {
    Table,
    Id,
    Provider,
    Subject,
    Email,
    FullName,
    OrganisationId,
    Role,
    Message,
    Status,
    DecidedBy,
    DecidedAt,
    CreatedAt,
}
