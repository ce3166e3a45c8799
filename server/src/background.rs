//! Work the server does besides answering requests: purging ended sessions, keeping stored
//! matches fresh from the matching queue, opening the behaviour reviews that fell due, and
//! sending the outbox's mail. Every task is safe to
//! run in several processes at once (see each function).

use std::time::Duration;

use app::backend::mail::Mailer;
use app::domain::calendar::WIB;
use sea_orm::DatabaseConnection;

/// Starts the background tasks on the current runtime (mail only with a mailer).
pub fn spawn_all(db: &DatabaseConnection, mailer: Option<Mailer>) {
    tokio::spawn(purge_sessions(db.clone()));
    tokio::spawn(refresh_matches(db.clone()));
    tokio::spawn(open_behaviour_reviews(db.clone()));
    if let Some(mailer) = mailer {
        tokio::spawn(send_mail(db.clone(), mailer));
    }
}

/// Every ten minutes, deletes the sessions that ended without being presented again. Several
/// processes may do it at once: deleting what is already gone is harmless.
async fn purge_sessions(db: DatabaseConnection) {
    use app::backend::auth::sessions::{SessionPolicy, purge_expired};
    let mut every = tokio::time::interval(Duration::from_secs(600));
    loop {
        every.tick().await;
        match purge_expired(&db, chrono::Utc::now(), SessionPolicy::default()).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "ended sessions deleted"),
            Err(error) => tracing::warn!(?error, "session purge failed"),
        }
    }
}

/// Every hour, opens the behaviour reviews that fell due and tells who rates each. Several
/// processes may: each review is inserted once, and only its inserter announces it.
async fn open_behaviour_reviews(db: DatabaseConnection) {
    let mut every = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every.tick().await;
        match app::backend::services::evaluations::open_due_reviews(&db).await {
            Ok(0) => {}
            Ok(opened) => tracing::info!(opened, "behaviour reviews opened"),
            Err(error) => tracing::warn!(?error, "opening behaviour reviews failed"),
        }
    }
}

/// Queue items taken per round: small, so that one round's write lock is short.
const MATCHING_BATCH: u64 = 20;
/// How long an empty queue is left before it is looked at again: a need's list appears within
/// this long of the change.
const MATCHING_IDLE: Duration = Duration::from_secs(2);

/// Works the matching queue: at once while it has items, every [`MATCHING_IDLE`] when empty.
/// Several processes may: refreshing is idempotent and its writes are serialised.
async fn refresh_matches(db: DatabaseConnection) {
    loop {
        let today = chrono::Utc::now().with_timezone(&WIB).date_naive();
        match app::backend::services::matching::run_queue(&db, today, MATCHING_BATCH).await {
            Ok(0) => tokio::time::sleep(MATCHING_IDLE).await,
            Ok(done) => tracing::debug!(done, "matches refreshed"),
            Err(error) => {
                tracing::warn!(?error, "refreshing matches failed");
                tokio::time::sleep(5 * MATCHING_IDLE).await;
            }
        }
    }
}

/// Messages sent per round.
const MAIL_BATCH: u64 = 20;
/// How long the worker rests when nothing was due: new mail leaves within this long.
const MAIL_IDLE: Duration = Duration::from_secs(5);

/// Sends the outbox: at once while full rounds go out, every [`MAIL_IDLE`] otherwise. Several
/// processes may: each message is claimed under a lease by one of them (`backend::mail`).
async fn send_mail(db: DatabaseConnection, mailer: Mailer) {
    loop {
        match mailer.run_once(&db, chrono::Utc::now(), MAIL_BATCH).await {
            Ok(round) if round.sent + round.failed == MAIL_BATCH => {
                tracing::debug!(?round, "mail sent");
            }
            Ok(round) => {
                if round.sent + round.failed > 0 {
                    tracing::info!(sent = round.sent, failed = round.failed, "mail round");
                }
                tokio::time::sleep(MAIL_IDLE).await;
            }
            Err(error) => {
                tracing::warn!(?error, "sending mail failed");
                tokio::time::sleep(6 * MAIL_IDLE).await;
            }
        }
    }
}
