//! From a verified external identity to a person: a known link signs in; a first login links
//! to an existing (invited) account by the email the provider vouches for; anyone else is sent
//! to request access.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::{ExternalLoginError, VerifiedIdentity};
use crate::backend::db;
use crate::backend::entities::{external_identity, person};
use crate::error::{AppError, ConflictReason};
use crate::model::LoginFailure;

/// Where an external login leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    /// The identity belongs to this person: sign them in.
    SignedIn { person_id: i32 },
    /// Nobody here has this identity or its email: the person may request access.
    NeedsAccess,
}

/// Finds or makes the link between `identity` and a person.
pub async fn link_or_request<C>(
    conn: &C,
    identity: &VerifiedIdentity,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ExternalLoginError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    match try_link(conn, identity, now).await {
        // Two first logins at once (two tabs): the other one made the link; use it.
        Err(ExternalLoginError::App(AppError::Conflict(ConflictReason::AlreadyExists {
            ..
        }))) => try_link(conn, identity, now).await,
        other => other,
    }
}

async fn try_link<C>(
    conn: &C,
    identity: &VerifiedIdentity,
    now: DateTime<Utc>,
) -> Result<LinkOutcome, ExternalLoginError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let linked = external_identity::Entity::find()
        .filter(external_identity::Column::Provider.eq(&identity.provider))
        .filter(external_identity::Column::Subject.eq(&identity.subject))
        .find_also_related(person::Entity)
        .one(&txn)
        .await?;
    if let Some((link, Some(found))) = linked {
        if found.deactivated_at.is_some() {
            return Err(LoginFailure::AccountDeactivated.into());
        }
        let mut touched: external_identity::ActiveModel = link.into();
        touched.last_login_at = Set(now);
        touched.update(&txn).await?;
        txn.commit().await?;
        return Ok(LinkOutcome::SignedIn { person_id: found.id });
    }
    // Without an email the provider vouches for, nothing can be linked or requested safely.
    let Some(email) = identity.email.as_deref().filter(|_| identity.email_verified) else {
        return Err(LoginFailure::EmailUnverified.into());
    };
    let Some(found) =
        person::Entity::find().filter(person::Column::Email.eq(email)).one(&txn).await?
    else {
        return Ok(LinkOutcome::NeedsAccess);
    };
    if found.deactivated_at.is_some() {
        return Err(LoginFailure::AccountDeactivated.into());
    }
    external_identity::ActiveModel {
        provider: Set(identity.provider.clone()),
        subject: Set(identity.subject.clone()),
        person_id: Set(found.id),
        email: Set(email.to_owned()),
        created_at: Set(now),
        last_login_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(person = found.id, provider = %identity.provider, "external identity linked");
    Ok(LinkOutcome::SignedIn { person_id: found.id })
}
