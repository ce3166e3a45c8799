//! Local password credentials, server-side sessions, and deactivation of people.

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
        // A deactivated person cannot sign in and loses every session.
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .add_column(timestamp_with_time_zone_null(Alias::new("deactivated_at")))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LocalCredentials::Table)
                    .col(integer(LocalCredentials::PersonId).primary_key())
                    // Argon2id in PHC string form (algorithm, parameters and salt included).
                    .col(string_len(LocalCredentials::PasswordHash, 255))
                    .col(timestamp_with_time_zone(LocalCredentials::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_local_credentials_person")
                            .from(LocalCredentials::Table, LocalCredentials::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(pk_auto(Sessions::Id))
                    // SHA-256 of the cookie's token (hex): a copy of the table opens no session.
                    .col(string_len(Sessions::TokenHash, 64))
                    // Null for a session that has not signed in yet (it carries login state).
                    .col(integer_null(Sessions::PersonId))
                    .col(text(Sessions::Data).default("{}"))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sessions_person")
                            .from(Sessions::Table, Sessions::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_sessions_token_hash")
                    .table(Sessions::Table)
                    .col(Sessions::TokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sessions_person")
                    .table(Sessions::Table)
                    .col(Sessions::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Sessions::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(LocalCredentials::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(People::Table)
                    .drop_column(Alias::new("deactivated_at"))
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
pub enum LocalCredentials {
    Table,
    PersonId,
    PasswordHash,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum Sessions {
    Table,
    Id,
    TokenHash,
    PersonId,
    Data,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}
