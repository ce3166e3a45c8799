//! `AppError`: the one error type of Sinergi, from services through server functions to the page.
//!
//! Each variant says what the user can do about it, maps to one HTTP status, and crosses the wire
//! as JSON so the browser shows the same translated message the server would render. Causes of
//! internal errors stay in the server log under an incident id; the client only sees the id.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::model::FieldError;

/// What went wrong, in terms the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or the asker may not know it exists).
    #[error("not found")]
    NotFound,
    /// The request needs a signed-in user.
    #[error("sign-in required")]
    Unauthenticated,
    /// The signed-in user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The input is wrong; one entry per offending field, nothing was changed.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The request is valid but clashes with the current state (e.g. no seats left).
    #[error("conflict: {0:?}")]
    Conflict(ConflictReason),
    /// Too many attempts; try again after the given number of seconds.
    #[error("rate limited, retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// The server could not reach a dependency it needs (e.g. the database) for a moment.
    #[error("service unavailable")]
    Unavailable,
    /// A fault on our side; the cause is logged on the server under this incident id.
    #[error("internal error, incident {incident}")]
    Internal { incident: String },
}

/// Why a request conflicts with the current state. Each reason has a translated message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictReason {
    /// A unique value (slug, email, NIP, code) is already taken; names the field.
    AlreadyExists { field: String },
    /// The record changed or was removed since it was read.
    Stale,
    /// The organisation is not verified by the province yet, so it may not publish or post.
    OrganisationNotVerified,
    /// An administrator tried to deactivate their own account (someone else must do it).
    OwnAccount,
    /// The need is not open (any more), so it takes no proposals or decisions.
    NeedNotOpen,
    /// The university already has a proposal waiting on this need (withdraw it first).
    ProposalPending,
    /// No seat of the course is free (the person may join its waitlist instead).
    CourseFull,
    /// Only `free` seats are left, fewer than the people named.
    NotEnoughSeats { free: u32 },
    /// The person already has a place (or is in line) in this course.
    AlreadyEnrolled,
    /// The course does not take enrollments now: not published, or outside its enrollment dates.
    EnrollmentClosed,
    /// The enrollment can no longer be changed this way (past the cut-off, or it has ended).
    EnrollmentFinal,
    /// The certificate was revoked by its university (it can be neither downloaded nor revoked
    /// again).
    CertificateRevoked,
    /// Only a completed course can be evaluated.
    NotCompleted,
    /// Mentoring a competency needs a current level of 4 or above in it.
    BelowMentorLevel,
    /// The mentor has no free place for another mentee.
    MentorFull,
    /// A mentoring completes only with at least one lesson hour of confirmed sessions.
    NoConfirmedSessions,
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::Invalid(_) => 422,
            Self::Conflict(_) => 409,
            Self::RateLimited { .. } => 429,
            Self::Unavailable => 503,
            Self::Internal { .. } => 500,
        }
    }

    /// Logs `cause` on the server with a fresh incident id and returns the error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let incident = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
        tracing::error!(%incident, %cause, "internal error");
        Self::Internal { incident }
    }
}

/// Transport failures of server functions (bad arguments, network, decoding) become `AppError`s,
/// so every server function has one error type on both sides.
impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        use ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::MissingArg(_) => {
                Self::Invalid(vec![FieldError::form(crate::model::ValidationCode::Malformed)])
            }
            E::Request(_) | E::Response(_) => Self::Unavailable,
            other => Self::Internal { incident: format!("client:{}", short_kind(&other)) },
        }
    }
}

fn short_kind(err: &ServerFnErrorErr) -> &'static str {
    use ServerFnErrorErr as E;
    match err {
        E::Registration(_) => "registration",
        E::UnsupportedRequestMethod(_) => "method",
        E::Deserialization(_) => "decode",
        E::Serialization(_) => "encode",
        _ => "other",
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    /// Named unique constraints (`uq_<table>_<field>`) become a conflict on that field; a lost
    /// connection becomes `Unavailable`; anything else is an internal error with an incident id.
    fn from(err: sea_orm::DbErr) -> Self {
        use sea_orm::{DbErr, SqlErr};
        if let Some(SqlErr::UniqueConstraintViolation(detail)) = err.sql_err()
            && let Some(field) = crate::backend::db::unique_field(&detail)
        {
            return Self::Conflict(ConflictReason::AlreadyExists { field });
        }
        match err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => {
                tracing::warn!(cause = %err, "database unavailable");
                Self::Unavailable
            }
            other => Self::internal(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_its_own_status() {
        let all = [
            AppError::NotFound,
            AppError::Unauthenticated,
            AppError::Forbidden,
            AppError::Invalid(vec![]),
            AppError::Conflict(ConflictReason::Stale),
            AppError::RateLimited { retry_after_secs: 3 },
            AppError::Unavailable,
            AppError::Internal { incident: "x".into() },
        ];
        let mut codes: Vec<u16> = all.iter().map(AppError::status_code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes, vec![401, 403, 404, 409, 422, 429, 500, 503]);
    }

    #[test]
    fn survives_the_wire() {
        let err = AppError::Conflict(ConflictReason::AlreadyExists { field: "email".into() });
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), err);
    }
}
