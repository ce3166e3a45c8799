//! Invitations (single-use, expiring links to join an organisation) and the outbox of mail:
//! written in the same transaction as the event, sent later by a worker, so nothing is lost
//! while SMTP is down.

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
                    .table(Invitations::Table)
                    .col(pk_auto(Invitations::Id))
                    // SHA-256 (hex) of the link's token: a copy of the table opens nothing.
                    .col(string_len(Invitations::TokenHash, 64))
                    .col(integer(Invitations::PersonId))
                    .col(integer(Invitations::OrganisationId))
                    .col(string_len(Invitations::Role, 40))
                    .col(integer(Invitations::InvitedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Invitations::AcceptedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_person")
                            .from(Invitations::Table, Invitations::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_organisation")
                            .from(Invitations::Table, Invitations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_inviter")
                            .from(Invitations::Table, Invitations::InvitedBy)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_invitations_token_hash")
                    .table(Invitations::Table)
                    .col(Invitations::TokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboxMessages::Table)
                    .col(pk_auto(OutboxMessages::Id))
                    .col(string_len(OutboxMessages::Recipient, 254))
                    .col(string_len(OutboxMessages::Subject, 300))
                    .col(text(OutboxMessages::Body))
                    .col(timestamp_with_time_zone(OutboxMessages::CreatedAt))
                    // When the worker may next try (backoff after failures).
                    .col(timestamp_with_time_zone(OutboxMessages::NextAttemptAt))
                    .col(integer(OutboxMessages::Attempts).default(0))
                    .col(text_null(OutboxMessages::LastError))
                    .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_outbox_messages_due")
                    .table(OutboxMessages::Table)
                    .col(OutboxMessages::SentAt)
                    .col(OutboxMessages::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OutboxMessages::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Invitations::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Invitations {
    Table,
    Id,
    TokenHash,
    PersonId,
    OrganisationId,
    Role,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AcceptedAt,
}

#[derive(DeriveIden)]
pub enum OutboxMessages {
    Table,
    Id,
    Recipient,
    Subject,
    Body,
    CreatedAt,
    NextAttemptAt,
    Attempts,
    LastError,
    SentAt,
}
