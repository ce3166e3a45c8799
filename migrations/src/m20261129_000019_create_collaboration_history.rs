//! The history of a collaboration: each move along agreed → running → completed | cancelled,
//! with who made it, when, and why (a cancellation must say why).

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000002_create_people::People;
use crate::m20261129_000017_create_proposals::Collaborations;

#[derive(DeriveMigrationName)]
pub struct Migration;

const STATUSES: [&str; 4] = ["agreed", "running", "completed", "cancelled"];

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
                    .table(CollaborationStatusChanges::Table)
                    .col(pk_auto(CollaborationStatusChanges::Id))
                    .col(integer(CollaborationStatusChanges::CollaborationId))
                    .col(
                        string_len(CollaborationStatusChanges::FromStatus, 10).check(
                            Expr::col(CollaborationStatusChanges::FromStatus).is_in(STATUSES),
                        ),
                    )
                    .col(
                        string_len(CollaborationStatusChanges::ToStatus, 10)
                            .check(Expr::col(CollaborationStatusChanges::ToStatus).is_in(STATUSES)),
                    )
                    .col(string_len(CollaborationStatusChanges::Note, 1000))
                    .col(integer(CollaborationStatusChanges::ChangedBy))
                    .col(timestamp_with_time_zone(CollaborationStatusChanges::ChangedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_collaboration_status_changes_collaboration")
                            .from(
                                CollaborationStatusChanges::Table,
                                CollaborationStatusChanges::CollaborationId,
                            )
                            .to(Collaborations::Table, Collaborations::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_collaboration_status_changes_person")
                            .from(
                                CollaborationStatusChanges::Table,
                                CollaborationStatusChanges::ChangedBy,
                            )
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_collaboration_status_changes_collaboration")
                    .table(CollaborationStatusChanges::Table)
                    .col(CollaborationStatusChanges::CollaborationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CollaborationStatusChanges::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
pub enum CollaborationStatusChanges {
    Table,
    Id,
    CollaborationId,
    FromStatus,
    ToStatus,
    Note,
    ChangedBy,
    ChangedAt,
}
