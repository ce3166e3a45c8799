//! Notifications: what happened that a person should know (a proposal received, accepted or
//! declined), shown in the portal until read; and a lease on outbox mail, so that of several
//! server processes only one sends each message.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;
use crate::m20261128_000008_create_invitations_and_outbox::OutboxMessages;

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
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::PersonId))
                    // The event as JSON (`model::NotificationEvent`): each page renders it in
                    // the reader's language.
                    .col(text(Notifications::Event))
                    .col(string_len(Notifications::Link, 300))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_notifications_person")
                            .from(Notifications::Table, Notifications::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // The list (newest first) and the unread count in every page's header.
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_person")
                    .table(Notifications::Table)
                    .col(Notifications::PersonId)
                    .col(Notifications::ReadAt)
                    .col(Notifications::Id)
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters a table one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMessages::Table)
                    .add_column(string_len_null(Lease::LockedBy, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMessages::Table)
                    .add_column(timestamp_with_time_zone_null(Lease::LockedUntil))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Lease::LockedUntil, Lease::LockedBy] {
            manager
                .alter_table(
                    Table::alter().table(OutboxMessages::Table).drop_column(column).to_owned(),
                )
                .await?;
        }
        manager.drop_table(Table::drop().table(Notifications::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum Notifications {
    Table,
    Id,
    PersonId,
    Event,
    Link,
    CreatedAt,
    ReadAt,
}

/// The outbox's lease: which worker holds a message, and until when.
#[derive(DeriveIden)]
enum Lease {
    LockedBy,
    LockedUntil,
}
