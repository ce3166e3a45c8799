//! Local password accounts: setting a password under the policy, and checking a sign-in without
//! telling an unknown email from a wrong password.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::backend::entities::{local_credential, person};
use crate::error::AppError;
use crate::model::{FieldError, ValidationCode, validate_new_password};

/// Sets (or replaces) the password of a person, after checking it against the policy.
pub async fn set_password<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    password: &str,
) -> Result<(), AppError> {
    let person =
        person::Entity::find_by_id(person_id).one(conn).await?.ok_or(AppError::NotFound)?;
    validate_new_password(password, &person.email).map_err(|e| {
        AppError::Invalid(vec![FieldError::new("password", ValidationCode::Password(e))])
    })?;
    let hash = hash_password(password.to_owned()).await?;
    local_credential::Entity::insert(local_credential::ActiveModel {
        person_id: Set(person_id),
        password_hash: Set(hash),
        updated_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(local_credential::Column::PersonId)
            .update_columns([
                local_credential::Column::PasswordHash,
                local_credential::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(conn)
    .await?;
    Ok(())
}

/// The person whose email and password these are. Every failure — unknown email, no local
/// password, wrong password, deactivated account — is the same error, and takes the same time.
pub async fn verify_login<C: ConnectionTrait>(
    conn: &C,
    email: &str,
    password: &str,
) -> Result<i32, AppError> {
    let email = email.trim().to_lowercase();
    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .find_also_related(local_credential::Entity)
        .one(conn)
        .await?;
    let (person_id, hash, active) = match found {
        Some((p, Some(credential))) => {
            (Some(p.id), credential.password_hash, p.deactivated_at.is_none())
        }
        // Verify against a dummy hash anyway, so the answer takes as long as for a real account.
        _ => (None, DUMMY_HASH.clone(), false),
    };
    let matches = verify_password(password.to_owned(), hash).await?;
    match person_id {
        Some(id) if matches && active => Ok(id),
        _ => Err(AppError::Invalid(vec![FieldError::form(ValidationCode::WrongCredentials)])),
    }
}

static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(b"not a real password of anyone", &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Argon2id with the crate's default (OWASP-recommended) parameters, off the async threads.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

async fn verify_password(password: String, hash: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}
