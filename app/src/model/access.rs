//! Access requests: someone who signed in with a login provider but has no account asks an
//! organisation for a role.

use serde::{Deserialize, Serialize};

use super::{OrganisationSummary, Role};

/// What the request-access page shows: who the provider says the visitor is, and where they
/// may ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRequestForm {
    pub email: String,
    pub full_name: String,
    /// Verified universities and agencies.
    pub organisations: Vec<OrganisationSummary>,
    /// Requests this identity already sent, with their state.
    pub sent: Vec<SentAccessRequest>,
}

/// A request as its sender sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentAccessRequest {
    pub organisation_name: String,
    pub role: Role,
    pub status: AccessRequestStatus,
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessRequestStatus {
    Pending,
    Approved,
    Refused,
}

impl AccessRequestStatus {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Refused => "refused",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Pending, Self::Approved, Self::Refused].into_iter().find(|s| s.as_db() == value)
    }
}

/// A pending request as an organisation's administrators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAccessRequest {
    pub id: i32,
    pub full_name: String,
    pub email: String,
    pub role: Role,
    pub message: Option<String>,
    /// Which login provider vouched for the email.
    pub provider: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}
