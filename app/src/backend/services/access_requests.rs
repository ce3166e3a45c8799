//! Access requests: a person who signed in with a login provider but has no account asks a
//! verified organisation for a role; that organisation's administrators (or the province)
//! approve — creating the account, the membership and the link to the provider in one
//! transaction — or refuse.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use super::organisations::{administered_by, find_by_slug, kind_of, summary};
use crate::backend::auth::external::VerifiedIdentity;
use crate::backend::auth::{Actor, sessions};
use crate::backend::db;
use crate::backend::entities::{
    access_request, external_identity, membership, organisation, person,
};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    AccessRequestForm, AccessRequestStatus, FieldError, OrganisationKind, PendingAccessRequest,
    Role, SentAccessRequest, ValidationCode,
};

/// The longest message a requester may write.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// The request-access page for the identity waiting in the visitor's session.
pub async fn form<C: ConnectionTrait>(
    conn: &C,
    identity: &VerifiedIdentity,
) -> Result<AccessRequestForm, AppError> {
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Verified.eq(true))
        .filter(organisation::Column::Kind.ne(OrganisationKind::Province.as_db()))
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?
        .iter()
        .map(summary)
        .collect::<Result<_, _>>()?;
    let sent = access_request::Entity::find()
        .filter(access_request::Column::Provider.eq(&identity.provider))
        .filter(access_request::Column::Subject.eq(&identity.subject))
        .find_also_related(organisation::Entity)
        .order_by_asc(access_request::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(request, organisation)| {
            Some(SentAccessRequest {
                organisation_name: organisation?.name,
                role: Role::from_db(&request.role)?,
                status: AccessRequestStatus::from_db(&request.status)?,
            })
        })
        .collect();
    Ok(AccessRequestForm {
        email: identity.email.clone().unwrap_or_default(),
        full_name: identity.full_name.clone().unwrap_or_default(),
        organisations,
        sent,
    })
}

/// Records a request of `identity` for `role` at the organisation `slug`.
pub async fn submit<C>(
    conn: &C,
    identity: &VerifiedIdentity,
    slug: &str,
    role: Role,
    full_name: &str,
    message: Option<String>,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let mut errors = Vec::new();
    let full_name = full_name.trim();
    if full_name.is_empty() {
        errors.push(FieldError::new("full_name", ValidationCode::Required));
    } else if full_name.chars().count() > 200 {
        errors.push(FieldError::new("full_name", ValidationCode::TooLong { max: 200 }));
    }
    let message = message.map(|m| m.trim().to_owned()).filter(|m| !m.is_empty());
    if message.as_ref().is_some_and(|m| m.chars().count() > MAX_MESSAGE_CHARS) {
        let max = MAX_MESSAGE_CHARS as u32;
        errors.push(FieldError::new("message", ValidationCode::TooLong { max }));
    }
    let organisation = find_by_slug(conn, slug).await;
    let fits = organisation.as_ref().is_ok_and(|o| {
        o.verified
            && kind_of(o).is_ok_and(|kind| {
                kind != OrganisationKind::Province && role.organisation_kind() == kind
            })
    });
    if !fits {
        // An unknown, unverified or province organisation, or a role it does not have.
        errors.push(FieldError::new("organisation", ValidationCode::Malformed));
    }
    let email = identity.email.clone().filter(|_| identity.email_verified);
    if email.is_none() {
        errors.push(FieldError::form(ValidationCode::Malformed));
    }
    let (Ok(organisation), Some(email), true) = (organisation, email, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    access_request::ActiveModel {
        provider: Set(identity.provider.clone()),
        subject: Set(identity.subject.clone()),
        email: Set(email),
        full_name: Set(full_name.to_owned()),
        organisation_id: Set(organisation.id),
        role: Set(role.as_db().to_owned()),
        message: Set(message),
        status: Set(AccessRequestStatus::Pending.as_db().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Pending requests to the organisation `slug`, for its administrators and the province.
pub async fn pending<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<Vec<PendingAccessRequest>, AppError> {
    let (organisation, _) = administered_by(conn, actor, slug).await?;
    let rows = access_request::Entity::find()
        .filter(access_request::Column::OrganisationId.eq(organisation.id))
        .filter(access_request::Column::Status.eq(AccessRequestStatus::Pending.as_db()))
        .order_by_asc(access_request::Column::Id)
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(PendingAccessRequest {
                id: r.id,
                role: Role::from_db(&r.role)?,
                full_name: r.full_name,
                email: r.email,
                message: r.message,
                provider: r.provider,
                created_at: r.created_at.to_rfc3339(),
            })
        })
        .collect())
}

/// Approves (`approve = true`) or refuses a pending request to the organisation `slug`.
/// Approval makes the account (or finds it by email), the membership and the provider link.
pub async fn decide<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    request_id: i32,
    approve: bool,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let (organisation, _) = administered_by(conn, actor, slug).await?;
    let txn = db::begin_write(conn).await?;
    let request = access_request::Entity::find_by_id(request_id)
        .filter(access_request::Column::OrganisationId.eq(organisation.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    let status = if approve { AccessRequestStatus::Approved } else { AccessRequestStatus::Refused };
    // Claim the request with one conditional update: of two administrators deciding at once,
    // exactly one changes it; the other is told it was decided meanwhile.
    let claimed = access_request::Entity::update_many()
        .col_expr(access_request::Column::Status, Expr::value(status.as_db()))
        .col_expr(access_request::Column::DecidedBy, Expr::value(actor.person_id))
        .col_expr(access_request::Column::DecidedAt, Expr::value(now))
        .filter(access_request::Column::Id.eq(request.id))
        .filter(access_request::Column::Status.eq(AccessRequestStatus::Pending.as_db()))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    if approve {
        let existing = person::Entity::find()
            .filter(person::Column::Email.eq(&request.email))
            .one(&txn)
            .await?;
        let person_id = match existing {
            Some(found) => found.id,
            None => {
                person::ActiveModel {
                    full_name: Set(request.full_name.clone()),
                    email: Set(request.email.to_lowercase()),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let has_role = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .filter(membership::Column::OrganisationId.eq(organisation.id))
            .filter(membership::Column::Role.eq(&request.role))
            .one(&txn)
            .await?
            .is_some();
        if !has_role {
            // A new role for an existing account: its sessions end, so that the next one starts
            // fresh with the new rights (rotation on role change).
            sessions::end_all_for_person(&txn, person_id).await?;
            membership::ActiveModel {
                person_id: Set(person_id),
                organisation_id: Set(organisation.id),
                role: Set(request.role.clone()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let linked = external_identity::Entity::find()
            .filter(external_identity::Column::Provider.eq(&request.provider))
            .filter(external_identity::Column::Subject.eq(&request.subject))
            .one(&txn)
            .await?
            .is_some();
        if !linked {
            external_identity::ActiveModel {
                provider: Set(request.provider.clone()),
                subject: Set(request.subject.clone()),
                person_id: Set(person_id),
                email: Set(request.email.clone()),
                created_at: Set(now),
                last_login_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    tracing::info!(request = request_id, approve, by = actor.person_id, "access request decided");
    Ok(())
}
