//! Sending the outbox over SMTP. Mail is written to `outbox_messages` in the transaction of the
//! event that causes it; a [`Mailer`] in each server process sends what is due.
//!
//! - **Nothing is lost while SMTP is down**: a failed send stays in the outbox and is tried
//!   again later, waiting longer after each failure ([`backoff`]); after [`MAX_ATTEMPTS`] it is
//!   marked abandoned (with its last error) rather than retried forever.
//! - **Two processes never send the same mail**: a worker first claims a batch under a lease
//!   (`locked_by`, `locked_until`) in one statement — on PostgreSQL skipping rows another worker
//!   is claiming (`FOR UPDATE SKIP LOCKED`), on SQLite inside the one write transaction — and
//!   records the outcome only for messages it still holds. A worker that dies holding a batch
//!   loses it when the lease lapses, and another sends it then.
//! - Each mail carries a `Message-ID` made from its outbox id, so that the rare resend after a
//!   crash between "accepted by the server" and "recorded as sent" is recognisable as the same
//!   message by mail clients.

use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, FromQueryResult,
    QueryFilter,
};

use super::db;
use super::entities::outbox_message;
use super::services::notifications::PORTAL_URL;
use super::sql::Sql;
use crate::error::AppError;

/// How long a claimed message is held by its worker: far longer than one SMTP exchange.
const LEASE: chrono::Duration = chrono::Duration::minutes(5);
/// How long one SMTP exchange may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest wait between two attempts.
const MAX_BACKOFF: chrono::Duration = chrono::Duration::hours(6);
/// Failed attempts after which a message is abandoned: about a day of backoff, long enough for
/// an outage, short enough that a message nobody can deliver does not wait forever.
pub const MAX_ATTEMPTS: i32 = 12;

/// Where and how mail is sent.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtp://user:password@host:port` (STARTTLS with `?tls=required`), or `smtps://…` for
    /// TLS from the start; lettre's URL form.
    pub smtp_url: String,
    /// The sender, as `Name <address>`.
    pub from: String,
    /// The portal's public URL, put in front of the links in the mail.
    pub base_url: String,
}

/// What one round of sending did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: u64,
    pub failed: u64,
}

/// Sends outbox mail over SMTP on behalf of one worker.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    base_url: String,
    /// This worker's name in `locked_by`: unique per process.
    worker: String,
    /// The domain part of the Message-IDs.
    message_domain: String,
}

/// A message claimed for sending.
#[derive(FromQueryResult)]
struct Claimed {
    id: i32,
    recipient: String,
    subject: String,
    body: String,
    attempts: i32,
}

impl Mailer {
    /// A mailer for the worker `worker` (unique among the processes sharing the database).
    pub fn new(settings: &MailSettings, worker: impl Into<String>) -> Result<Self, AppError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
            .map_err(|e| AppError::internal(format!("SMTP URL: {e}")))?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = settings
            .from
            .parse()
            .map_err(|e| AppError::internal(format!("mail sender {:?}: {e}", settings.from)))?;
        let base_url = settings.base_url.trim_end_matches('/').to_owned();
        let message_domain = base_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', ':']).next())
            .filter(|host| !host.is_empty())
            .unwrap_or("sinergi.invalid")
            .to_owned();
        Ok(Self { transport, from, base_url, worker: worker.into(), message_domain })
    }

    /// Sends up to `batch` messages due at `now`; what was sent and what failed (to be tried
    /// again after its backoff).
    pub async fn run_once(
        &self,
        conn: &DatabaseConnection,
        now: DateTime<Utc>,
        batch: u64,
    ) -> Result<Round, AppError> {
        let claimed = self.claim(conn, now, batch).await?;
        let mut round = Round::default();
        for message in claimed {
            // A slow server may have outlasted the lease on the rest of the batch: send only
            // what this worker still holds, for a fresh lease.
            if !self.renew(conn, &message, now).await? {
                continue;
            }
            match self.send(&message).await {
                Ok(()) => {
                    self.record(conn, &message, None, now).await?;
                    round.sent += 1;
                }
                Err(error) => {
                    tracing::warn!(id = message.id, %error, "sending a mail failed");
                    self.record(conn, &message, Some(error), now).await?;
                    round.failed += 1;
                }
            }
        }
        Ok(round)
    }

    /// Takes a lease on up to `batch` due messages no other worker holds.
    async fn claim(
        &self,
        conn: &DatabaseConnection,
        now: DateTime<Utc>,
        batch: u64,
    ) -> Result<Vec<Claimed>, AppError> {
        let txn = db::begin_write(conn).await?;
        let backend = txn.get_database_backend();
        let mut sql = Sql::new(backend);
        sql.push_bound("UPDATE outbox_messages SET locked_by = ", self.worker.clone());
        sql.push_bound(", locked_until = ", now + LEASE);
        sql.push(" WHERE id IN (SELECT id FROM outbox_messages");
        sql.push(" WHERE sent_at IS NULL AND abandoned_at IS NULL");
        sql.push_bound(" AND next_attempt_at <= ", now);
        sql.push_bound(" AND (locked_until IS NULL OR locked_until < ", now);
        sql.push(") ORDER BY id");
        sql.push_bound(" LIMIT ", i64::try_from(batch).map_err(AppError::internal)?);
        if backend == DbBackend::Postgres {
            sql.push(" FOR UPDATE SKIP LOCKED");
        }
        sql.push(") RETURNING id, recipient, subject, body, attempts");
        let claimed = Claimed::find_by_statement(sql.statement()).all(&txn).await?;
        txn.commit().await?;
        Ok(claimed)
    }

    /// Extends this worker's lease on `message` if it still holds it; whether it does. `now` is
    /// the round's clock, moved on by the time the round has taken.
    async fn renew(
        &self,
        conn: &DatabaseConnection,
        message: &Claimed,
        round_start: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        let now = round_start + elapsed_since(round_start);
        let renewed = outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::LockedUntil, Some(now + LEASE).into())
            .filter(outbox_message::Column::Id.eq(message.id))
            .filter(outbox_message::Column::LockedBy.eq(self.worker.as_str()))
            .filter(outbox_message::Column::LockedUntil.gt(now))
            .filter(outbox_message::Column::SentAt.is_null())
            .exec(conn)
            .await?;
        Ok(renewed.rows_affected == 1)
    }

    /// One message over SMTP; the reason it failed.
    async fn send(&self, message: &Claimed) -> Result<(), String> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| format!("recipient {}: {e}", message.recipient))?;
        let mail = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(format!("<outbox-{}@{}>", message.id, self.message_domain)))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.replace(PORTAL_URL, &self.base_url))
            .map_err(|e| e.to_string())?;
        self.transport.send(mail).await.map(drop).map_err(|e| e.to_string())
    }

    /// Records the outcome of sending `message` (an error, or none when sent), if this worker
    /// still holds it.
    async fn record(
        &self,
        conn: &DatabaseConnection,
        message: &Claimed,
        error: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let attempts = message.attempts + 1;
        let update = outbox_message::Entity::update_many()
            .col_expr(outbox_message::Column::Attempts, attempts.into())
            .col_expr(outbox_message::Column::LockedBy, Option::<String>::None.into())
            .col_expr(outbox_message::Column::LockedUntil, Option::<DateTime<Utc>>::None.into());
        let update = match error {
            None => update.col_expr(outbox_message::Column::SentAt, Some(Utc::now()).into()),
            Some(error) => {
                let update = update
                    .col_expr(outbox_message::Column::LastError, Some(truncate(&error)).into())
                    .col_expr(
                        outbox_message::Column::NextAttemptAt,
                        (now + elapsed_since(now) + backoff(attempts)).into(),
                    );
                if attempts >= MAX_ATTEMPTS {
                    tracing::error!(id = message.id, %error, "mail abandoned after its last attempt");
                    update.col_expr(outbox_message::Column::AbandonedAt, Some(Utc::now()).into())
                } else {
                    update
                }
            }
        };
        update
            .filter(outbox_message::Column::Id.eq(message.id))
            .filter(outbox_message::Column::LockedBy.eq(self.worker.as_str()))
            .exec(conn)
            .await?;
        Ok(())
    }
}

/// How long the wall clock moved since `start` (zero if `start` is not the wall clock's past,
/// as in tests that run a round "later").
fn elapsed_since(start: DateTime<Utc>) -> chrono::Duration {
    (Utc::now() - start).max(chrono::Duration::zero())
}

/// The wait after the `attempts`-th failure: 30 s, doubling each time, at most six hours.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(16);
    (chrono::Duration::seconds(30) * 2_i32.pow(doublings)).min(MAX_BACKOFF)
}

/// An error as stored: its first 1,000 characters.
fn truncate(error: &str) -> String {
    error.chars().take(1_000).collect()
}

/// A unique worker name for this process: host, process id and a random part.
pub fn worker_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "sinergi".to_owned());
    format!("{host}-{}-{}", std::process::id(), &uuid::Uuid::new_v4().simple().to_string()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_from_thirty_seconds_up_to_six_hours() {
        let waits: Vec<i64> = [1, 2, 3, 4].map(|n| backoff(n).num_seconds()).to_vec();
        assert_eq!(waits, [30, 60, 120, 240]);
        assert_eq!(backoff(20), MAX_BACKOFF);
        assert_eq!(backoff(i32::MAX), MAX_BACKOFF, "no overflow however many failures");
    }
}
