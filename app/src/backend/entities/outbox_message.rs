//! Entity of the `outbox_messages` table: mail written with the event that causes it, sent later.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
    pub created_at: DateTimeUtc,
    /// The worker tries again no earlier than this (backoff after a failure).
    pub next_attempt_at: DateTimeUtc,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// Set once the mail server accepted the message.
    pub sent_at: Option<DateTimeUtc>,
    /// The worker holding the message while it sends it (see `backend::mail`).
    pub locked_by: Option<String>,
    /// When that hold lapses, should the worker die holding it.
    pub locked_until: Option<DateTimeUtc>,
    /// Set when the worker gave up after `mail::MAX_ATTEMPTS` failures.
    pub abandoned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
