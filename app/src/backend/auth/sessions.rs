//! Server-side sessions: the browser holds only a random token; the database holds its SHA-256,
//! who signed in, and the two clocks (idle and absolute) that end it.
//!
//! Timeouts ([`SessionPolicy::default`]): a session ends after 2 hours without a request, and
//! 12 hours after it began whatever happens — a working day, then sign in again.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait as _,
    QueryFilter,
};

use crate::backend::entities::{person, session};
use crate::error::AppError;

/// How long sessions live.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// Ends a session this long after its last request.
    pub idle: Duration,
    /// Ends a session this long after it began, however active.
    pub absolute: Duration,
    /// `last_seen_at` is written at most this often, not on every request.
    pub touch_every: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::hours(2),
            absolute: Duration::hours(12),
            touch_every: Duration::minutes(1),
        }
    }
}

/// The secret in the session cookie: 256 random bits, base64url.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)") // never in logs
    }
}

impl SessionToken {
    fn generate() -> Self {
        Self(super::secret::generate())
    }

    /// Accepts a cookie value only if it has the shape of a token we issue.
    pub fn from_cookie(value: &str) -> Option<Self> {
        let well_formed = value.len() == 43
            && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        well_formed.then(|| Self(value.to_owned()))
    }

    /// The value to put in the cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        super::secret::stored_hash(&self.0)
    }
}

/// Starts a session for `person_id` (`None`: not signed in yet) and returns its token.
pub async fn start<C: ConnectionTrait>(
    conn: &C,
    person_id: Option<i32>,
    now: DateTime<Utc>,
    policy: SessionPolicy,
) -> Result<SessionToken, AppError> {
    insert(conn, person_id, "{}".to_owned(), now, now + policy.absolute).await
}

/// Starts a session nobody has signed in to yet, carrying `data` (JSON): an external login in
/// progress (state, nonce, PKCE verifier), or an identity waiting to request access. It ends
/// `lifetime` after it began: such sessions are short, so that starting logins in a loop cannot
/// pile up rows for long.
pub async fn start_pre_login<C: ConnectionTrait>(
    conn: &C,
    data: String,
    now: DateTime<Utc>,
    lifetime: Duration,
) -> Result<SessionToken, AppError> {
    insert(conn, None, data, now, now + lifetime).await
}

/// Ends the pre-login session of `token` and returns its data, if it is live and nobody has
/// signed in to it. Single use: a second call (a replayed callback) finds nothing.
pub async fn take_pre_login<C: ConnectionTrait>(
    conn: &C,
    token: &SessionToken,
    now: DateTime<Utc>,
    policy: SessionPolicy,
) -> Result<Option<String>, AppError> {
    let Some(found) = resolve(conn, token, now, policy).await? else { return Ok(None) };
    if found.person_id.is_some() {
        return Ok(None);
    }
    // Deleting by id and counting the rows makes two simultaneous callbacks race for one row:
    // only the one that deleted it goes on.
    let deleted = session::Entity::delete_by_id(found.id).exec(conn).await?;
    Ok((deleted.rows_affected == 1).then_some(found.data))
}

async fn insert<C: ConnectionTrait>(
    conn: &C,
    person_id: Option<i32>,
    data: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<SessionToken, AppError> {
    let token = SessionToken::generate();
    session::ActiveModel {
        token_hash: Set(token.hash()),
        person_id: Set(person_id),
        data: Set(data),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(token)
}

/// The live session of `token`, or `None` when it is unknown, timed out, or its person was
/// deactivated (an ended session is deleted on the way).
pub async fn resolve<C: ConnectionTrait>(
    conn: &C,
    token: &SessionToken,
    now: DateTime<Utc>,
    policy: SessionPolicy,
) -> Result<Option<session::Model>, AppError> {
    let Some((found, person)) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .find_also_related(person::Entity)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let timed_out = now >= found.expires_at || now - found.last_seen_at >= policy.idle;
    let deactivated = person.is_some_and(|p| p.deactivated_at.is_some());
    if timed_out || deactivated {
        session::Entity::delete_by_id(found.id).exec(conn).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= policy.touch_every {
        let mut touched: session::ActiveModel = found.clone().into();
        touched.last_seen_at = Set(now);
        return Ok(Some(touched.update(conn).await?));
    }
    Ok(Some(found))
}

/// Replaces the session of `old` (if any) by a fresh one for `person_id`: at sign-in and on a role
/// change, so that a token known before cannot ride along (session fixation).
pub async fn rotate<C: ConnectionTrait>(
    conn: &C,
    old: Option<&SessionToken>,
    person_id: i32,
    now: DateTime<Utc>,
    policy: SessionPolicy,
) -> Result<SessionToken, AppError> {
    if let Some(old) = old {
        end(conn, old).await?;
    }
    start(conn, Some(person_id), now, policy).await
}

/// Ends the session of `token` (sign-out).
pub async fn end<C: ConnectionTrait>(conn: &C, token: &SessionToken) -> Result<(), AppError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token.hash()))
        .exec(conn)
        .await?;
    Ok(())
}

/// Deletes every session that has ended (absolute or idle timeout) but was never presented
/// again, so that abandoned sessions and unfinished logins do not pile up. Returns how many.
pub async fn purge_expired<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
    policy: SessionPolicy,
) -> Result<u64, AppError> {
    let result = session::Entity::delete_many()
        .filter(
            session::Column::ExpiresAt
                .lte(now)
                .or(session::Column::LastSeenAt.lte(now - policy.idle)),
        )
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// Ends every session of a person (deactivation, password change).
pub async fn end_all_for_person<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<u64, AppError> {
    let result = session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_well_formed_and_never_printed() {
        let (a, b) = (SessionToken::generate(), SessionToken::generate());
        assert_ne!(a, b);
        assert_eq!(SessionToken::from_cookie(a.as_str()), Some(a.clone()));
        assert_eq!(format!("{a:?}"), "SessionToken(…)");
        assert_eq!(a.hash().len(), 64);
        assert_ne!(a.hash(), a.as_str());
        assert_eq!(SessionToken::from_cookie("short"), None);
        assert_eq!(SessionToken::from_cookie(&"!".repeat(43)), None);
    }
}
