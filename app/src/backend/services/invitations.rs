//! Invitations: an organisation's administrator invites someone by email. The account and the
//! role exist from that moment (so a first login with a provider vouching for that email links
//! to it); the mail, written to the outbox in the same transaction, carries a single-use link,
//! valid for [`INVITATION_VALIDITY`], to set a password.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::organisations::administered_by;
use crate::backend::auth::{Actor, passwords, secret, sessions};
use crate::backend::db;
use crate::backend::entities::{invitation, membership, organisation, outbox_message, person};
use crate::error::{AppError, ConflictReason};
use crate::model::{FieldError, InvitationView, Role, ValidationCode, normalise_email};

/// How long an invitation link works.
pub const INVITATION_VALIDITY: Duration = Duration::days(7);

/// What an administrator fills in.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub email: String,
    pub full_name: String,
    pub role: Role,
}

/// Invites someone into the organisation `slug` (its administrators, or the province). Returns
/// the token of the link (also in the outbox mail), for the caller's tests and logs never.
pub async fn invite<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    new: NewInvitation,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let (organisation, kind) = administered_by(conn, actor, slug).await?;
    let mut errors = Vec::new();
    let email = normalise_email(&new.email)
        .map_err(|e| errors.push(FieldError::new("email", ValidationCode::Email(e))))
        .ok();
    let full_name = new.full_name.trim().to_owned();
    if full_name.is_empty() {
        errors.push(FieldError::new("full_name", ValidationCode::Required));
    } else if full_name.chars().count() > 200 {
        errors.push(FieldError::new("full_name", ValidationCode::TooLong { max: 200 }));
    }
    if new.role.organisation_kind() != kind {
        errors.push(FieldError::new("role", ValidationCode::RoleNotInOrganisation));
    }
    let (Some(email), true) = (email, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };

    let txn = db::begin_write(conn).await?;
    let existing =
        person::Entity::find().filter(person::Column::Email.eq(&email)).one(&txn).await?;
    let person_id = match existing {
        Some(found) => {
            // An account that exists already may only get another role here if the inviter
            // already administers everything it belongs to: otherwise inviting would pull
            // someone from another organisation into view. Both cases answer the same, so the
            // form does not reveal who has an account elsewhere.
            let memberships = membership::Entity::find()
                .filter(membership::Column::PersonId.eq(found.id))
                .all(&txn)
                .await?;
            let has_role = memberships
                .iter()
                .any(|m| m.organisation_id == organisation.id && m.role == new.role.as_db());
            let only_ours = actor.is_province_admin()
                || memberships.iter().all(|m| m.organisation_id == organisation.id);
            if has_role || !only_ours {
                let field = "email".to_owned();
                return Err(AppError::Conflict(ConflictReason::AlreadyExists { field }));
            }
            // A role change: the person's sessions start afresh.
            sessions::end_all_for_person(&txn, found.id).await?;
            found.id
        }
        None => {
            person::ActiveModel {
                full_name: Set(full_name.clone()),
                email: Set(email.clone()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    membership::ActiveModel {
        person_id: Set(person_id),
        organisation_id: Set(organisation.id),
        role: Set(new.role.as_db().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let token = secret::generate();
    invitation::ActiveModel {
        token_hash: Set(secret::stored_hash(&token)),
        person_id: Set(person_id),
        organisation_id: Set(organisation.id),
        role: Set(new.role.as_db().to_owned()),
        invited_by: Set(actor.person_id),
        created_at: Set(now),
        expires_at: Set(now + INVITATION_VALIDITY),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let link = format!("{}/undangan/{token}", base_url.trim_end_matches('/'));
    outbox_message::ActiveModel {
        recipient: Set(email),
        subject: Set(format!("Undangan bergabung dengan {} di Sinergi", organisation.name)),
        body: Set(format!(
            "Yth. {full_name},\n\n{inviter} mengundang Anda bergabung dengan {org} di Sinergi, \
             portal kolaborasi perguruan tinggi dan perangkat daerah Provinsi Lampung.\n\n\
             Buat kata sandi Anda melalui tautan berikut (berlaku 7 hari, sekali pakai):\n{link}\n\n\
             Bila institusi Anda memiliki layanan login yang terhubung dengan Sinergi, Anda juga \
             dapat langsung masuk dengan akun institusi yang memakai alamat email ini.\n",
            inviter = actor.full_name,
            org = organisation.name,
        )),
        created_at: Set(now),
        next_attempt_at: Set(now),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    tracing::info!(person = person_id, organisation = %organisation.slug, by = actor.person_id, "invited");
    Ok(token)
}

/// A live invitation and its organisation, or `NotFound` (unknown, used or expired: a link
/// tells nothing about why it does not work).
async fn live<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(invitation::Model, organisation::Model, person::Model), AppError> {
    let (found, organisation) = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(secret::stored_hash(token)))
        .find_also_related(organisation::Entity)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let organisation = organisation.ok_or(AppError::NotFound)?;
    if found.accepted_at.is_some() || now >= found.expires_at {
        return Err(AppError::NotFound);
    }
    let invited = person::Entity::find_by_id(found.person_id)
        .filter(person::Column::DeactivatedAt.is_null())
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((found, organisation, invited))
}

/// What the invitation page shows.
pub async fn view<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    now: DateTime<Utc>,
) -> Result<InvitationView, AppError> {
    let (found, organisation, invited) = live(conn, token, now).await?;
    Ok(InvitationView {
        full_name: invited.full_name,
        email: invited.email,
        organisation_name: organisation.name,
        role: Role::from_db(&found.role).ok_or(AppError::NotFound)?,
    })
}

/// Uses the link: sets the password (under the policy) and returns the person, whom the caller
/// signs in. The link is spent in the same transaction, so two tabs cannot both use it.
pub async fn accept<C>(
    conn: &C,
    token: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<i32, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    let (found, _, invited) = live(&txn, token, now).await?;
    passwords::set_password(&txn, invited.id, password).await?;
    let spent = invitation::Entity::update_many()
        .col_expr(invitation::Column::AcceptedAt, sea_orm::sea_query::Expr::value(now))
        .filter(invitation::Column::Id.eq(found.id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(&txn)
        .await?;
    if spent.rows_affected != 1 {
        return Err(AppError::NotFound); // spent meanwhile by another request
    }
    txn.commit().await?;
    Ok(invited.id)
}
