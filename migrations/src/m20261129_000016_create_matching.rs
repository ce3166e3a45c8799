//! Matching at rest: the weights the province sets (each change a new row, the latest applies),
//! the stored top offers of every open need with their parts, and the queue of needs and offers
//! whose matches must be recomputed because they changed.

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
        create_weights(manager).await?;
        create_need_matches(manager).await?;
        create_queue(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MatchingQueue::Table.into_iden(),
            NeedMatches::Table.into_iden(),
            MatchWeights::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

/// A weight column: 0–100 (they are shared out over the parts that apply, so only ratios count).
fn weight(column: MatchWeights) -> ColumnDef {
    small_integer(column.clone()).check(Expr::col(column).between(0, 100)).to_owned()
}

async fn create_weights(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(MatchWeights::Table)
                .col(pk_auto(MatchWeights::Id))
                .col(weight(MatchWeights::Competency))
                .col(weight(MatchWeights::TextRelevance))
                .col(weight(MatchWeights::Timing))
                .col(weight(MatchWeights::Capacity))
                .col(weight(MatchWeights::Place))
                .col(weight(MatchWeights::Cost))
                .col(weight(MatchWeights::TrackRecord))
                // Why the province changed them, for whoever reads the history.
                .col(string_len(MatchWeights::Note, 1000))
                .col(integer(MatchWeights::ChangedBy))
                .col(timestamp_with_time_zone(MatchWeights::ChangedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_match_weights_changer")
                        .from(MatchWeights::Table, MatchWeights::ChangedBy)
                        .to(People::Table, People::Id),
                )
                .to_owned(),
        )
        .await
}

async fn create_need_matches(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(NeedMatches::Table)
                .col(integer(NeedMatches::NeedId))
                .col(integer(NeedMatches::OfferId))
                .col(
                    small_integer(NeedMatches::Total)
                        .check(Expr::col(NeedMatches::Total).between(0, 100)),
                )
                // The parts and their reasons as JSON (`[domain::matching::Part]`).
                .col(text(NeedMatches::Parts))
                .col(timestamp_with_time_zone(NeedMatches::ComputedAt))
                .primary_key(Index::create().col(NeedMatches::NeedId).col(NeedMatches::OfferId))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_need_matches_need")
                        .from(NeedMatches::Table, NeedMatches::NeedId)
                        .to(Alias::new("needs"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_need_matches_offer")
                        .from(NeedMatches::Table, NeedMatches::OfferId)
                        .to(Alias::new("offers"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
    // A need's page reads its offers best first; a refresh finds the weakest to drop.
    manager
        .create_index(
            Index::create()
                .name("ix_need_matches_total")
                .table(NeedMatches::Table)
                .col(NeedMatches::NeedId)
                .col(NeedMatches::Total)
                .to_owned(),
        )
        .await?;
    // A university's page reads the needs its offers match; an offer's change finds its rows.
    manager
        .create_index(
            Index::create()
                .name("ix_need_matches_offer")
                .table(NeedMatches::Table)
                .col(NeedMatches::OfferId)
                .col(NeedMatches::Total)
                .to_owned(),
        )
        .await
}

async fn create_queue(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(MatchingQueue::Table)
                // `need`, `offer`, or `all` (the weights changed: every open need).
                .col(
                    string_len(MatchingQueue::Subject, 8)
                        .check(Expr::col(MatchingQueue::Subject).is_in(["need", "offer", "all"])),
                )
                // The need's or offer's id; 0 for `all`.
                .col(integer(MatchingQueue::SubjectId))
                // The latest change: a worker deletes the row only if no change came since it read it.
                .col(timestamp_with_time_zone(MatchingQueue::QueuedAt))
                .primary_key(
                    Index::create().col(MatchingQueue::Subject).col(MatchingQueue::SubjectId),
                )
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden, Clone)]
enum MatchWeights {
    Table,
    Id,
    Competency,
    TextRelevance,
    Timing,
    Capacity,
    Place,
    Cost,
    TrackRecord,
    Note,
    ChangedBy,
    ChangedAt,
}

#[derive(DeriveIden)]
enum NeedMatches {
    Table,
    NeedId,
    OfferId,
    Total,
    Parts,
    ComputedAt,
}

#[derive(DeriveIden)]
enum MatchingQueue {
    Table,
    Subject,
    SubjectId,
    QueuedAt,
}
