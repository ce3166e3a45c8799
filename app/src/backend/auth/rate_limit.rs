//! Sign-in rate limiting per account and per address, kept in the database so that every server
//! process sharing it counts the same failures.
//!
//! Limits ([`LoginLimits::default`]): 5 failures per account or 20 per address within 15 minutes;
//! then sign-in is refused for that key until the oldest failure leaves the window.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::backend::entities::login_failure;
use crate::error::AppError;

/// How many failures are tolerated, and over which window.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    pub per_account: u64,
    pub per_address: u64,
    pub window: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        Self { per_account: 5, per_address: 20, window: Duration::minutes(15) }
    }
}

/// The keys one sign-in attempt is counted under.
#[derive(Debug, Clone)]
pub struct AttemptKeys {
    account: String,
    address: String,
}

impl AttemptKeys {
    pub fn new(email: &str, address: &str) -> Self {
        Self {
            account: format!("account:{}", email.trim().to_lowercase()),
            address: format!("address:{address}"),
        }
    }
}

/// `RateLimited` (with the seconds to wait) when either key has used up its failures.
pub async fn check<C: ConnectionTrait>(
    conn: &C,
    keys: &AttemptKeys,
    now: DateTime<Utc>,
    limits: LoginLimits,
) -> Result<(), AppError> {
    for (key, limit) in [(&keys.account, limits.per_account), (&keys.address, limits.per_address)] {
        let recent = login_failure::Entity::find()
            .filter(login_failure::Column::Key.eq(key.as_str()))
            .filter(login_failure::Column::FailedAt.gt(now - limits.window));
        if recent.clone().count(conn).await? >= limit {
            // The window reopens when enough old failures have aged out of it.
            let Some(unblocking) = recent
                .order_by_desc(login_failure::Column::FailedAt)
                .offset(limit - 1)
                .one(conn)
                .await?
            else {
                continue;
            };
            // Rounded up: a client that waits exactly this long must find the window open.
            let wait_ms = (unblocking.failed_at + limits.window - now).num_milliseconds();
            let wait = ((wait_ms + 999) / 1000).max(1);
            return Err(AppError::RateLimited { retry_after_secs: wait.unsigned_abs() });
        }
    }
    Ok(())
}

/// Records a failed attempt under both keys, and forgets failures older than the window.
pub async fn record_failure<C: ConnectionTrait>(
    conn: &C,
    keys: &AttemptKeys,
    now: DateTime<Utc>,
    limits: LoginLimits,
) -> Result<(), AppError> {
    login_failure::Entity::insert_many([&keys.account, &keys.address].map(|key| {
        login_failure::ActiveModel {
            key: Set(key.clone()),
            failed_at: Set(now),
            ..Default::default()
        }
    }))
    .exec(conn)
    .await?;
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::FailedAt.lt(now - limits.window))
        .exec(conn)
        .await?;
    Ok(())
}

/// A successful sign-in clears the account's failures (the address keeps its count).
pub async fn record_success<C: ConnectionTrait>(
    conn: &C,
    keys: &AttemptKeys,
) -> Result<(), AppError> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::Key.eq(keys.account.as_str()))
        .exec(conn)
        .await?;
    Ok(())
}
