//! Failed sign-ins, one row each, counted per account and per address for rate limiting. Rows,
//! not in-memory counters, so that every server process sharing the database agrees.

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
                    .table(LoginFailures::Table)
                    .col(pk_auto(LoginFailures::Id))
                    // `account:<email>` or `address:<ip>`.
                    .col(string_len(LoginFailures::Key, 300))
                    .col(timestamp_with_time_zone(LoginFailures::FailedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_login_failures_key_failed_at")
                    .table(LoginFailures::Table)
                    .col(LoginFailures::Key)
                    .col(LoginFailures::FailedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(LoginFailures::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum LoginFailures {
    Table,
    Id,
    Key,
    FailedAt,
}
