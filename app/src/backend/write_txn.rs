//! Write transactions that queue fairly on SQLite. SQLite has one writer at a time; a writer
//! that finds the lock taken sleeps in SQLite's busy handler (1, 2, 5 … 100 ms) and tries again,
//! so under a burst (a hundred people enrolling at once) most of the time went to sleeping: 11 ms
//! an enrollment where the work is well under one. Writers in this process therefore wait their
//! turn on a semaphore first, in arrival order, and only then begin. Other
//! processes on the same file still meet the busy timeout; PostgreSQL needs none of this.

use std::sync::{Arc, LazyLock};

use sea_orm::prelude::async_trait::async_trait;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, Statement,
};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A transaction begun by `db::begin_write`: use it as any connection, then `commit` it.
/// Dropping it rolls back, like the transaction it holds.
pub struct WriteTxn {
    txn: DatabaseTransaction,
    /// The SQLite file's turn, held until the transaction ends (none on PostgreSQL, or when
    /// nested in a transaction that already holds it).
    _turn: Option<OwnedSemaphorePermit>,
}

impl WriteTxn {
    pub(crate) fn new(txn: DatabaseTransaction, turn: Option<OwnedSemaphorePermit>) -> Self {
        Self { txn, _turn: turn }
    }

    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }

    /// The transaction itself, for APIs that name the type.
    pub fn inner(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

/// Waits for this process's turn to write to SQLite (at once on PostgreSQL). One turn for every
/// SQLite database of the process: a server has one (tests have several, briefly each).
pub(crate) async fn sqlite_turn(backend: DbBackend) -> Option<OwnedSemaphorePermit> {
    static TURN: LazyLock<Arc<Semaphore>> = LazyLock::new(|| Arc::new(Semaphore::new(1)));
    if backend != DbBackend::Sqlite {
        return None;
    }
    // The semaphore is never closed, so acquiring cannot fail.
    TURN.clone().acquire_owned().await.ok()
}

#[async_trait]
impl ConnectionTrait for WriteTxn {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }

    fn is_mock_connection(&self) -> bool {
        self.txn.is_mock_connection()
    }
}
