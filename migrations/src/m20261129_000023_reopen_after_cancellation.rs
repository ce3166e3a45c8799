//! A cancelled collaboration gives its need back: the need reopens, and a second university's
//! proposal may be accepted. So a need has at most one collaboration that is not cancelled
//! (before, one collaboration at all).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// SQLite too: a failed migration must not leave the schema half-applied.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let conn = manager.get_connection();
        conn.execute_unprepared("DROP INDEX uq_collaborations_need").await?;
        // Still the second acceptance of a race that fails here.
        conn.execute_unprepared(
            "CREATE UNIQUE INDEX uq_collaborations_need_live ON collaborations (need_id) \
             WHERE status <> 'cancelled'",
        )
        .await
        .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let conn = manager.get_connection();
        conn.execute_unprepared("DROP INDEX uq_collaborations_need_live").await?;
        conn.execute_unprepared(
            "CREATE UNIQUE INDEX uq_collaborations_need ON collaborations (need_id)",
        )
        .await
        .map(|_| ())
    }
}
