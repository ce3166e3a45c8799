//! Outbox mail the worker gave up on: after many failed attempts (a day's worth of backoff) a
//! message is marked abandoned instead of being retried forever; `last_error` says why.

use sea_orm_migration::{prelude::*, schema::*};

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
            .alter_table(
                Table::alter()
                    .table(OutboxMessages::Table)
                    .add_column(timestamp_with_time_zone_null(Abandoned::AbandonedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutboxMessages::Table)
                    .drop_column(Abandoned::AbandonedAt)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Abandoned {
    AbandonedAt,
}
