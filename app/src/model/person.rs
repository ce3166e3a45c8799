//! People as their profile pages and member lists show them.

use serde::{Deserialize, Serialize};

use super::{OrganisationSummary, Role};

/// A person's profile: who they are and every role they hold, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProfile {
    pub person_id: i32,
    pub full_name: String,
    pub email: String,
    /// The NIP of a civil servant (PNS), 18 digits.
    pub nip: Option<String>,
    /// False once an administrator deactivated the account.
    pub active: bool,
    pub memberships: Vec<MembershipView>,
}

/// One role in one organisation, with what that role records about the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipView {
    pub organisation: OrganisationSummary,
    pub role: Role,
    /// Position (jabatan) in an agency, or title at a university.
    pub position: Option<String>,
    /// Unit (bidang, bagian, fakultas).
    pub unit: Option<String>,
    /// Pangkat/golongan of a civil servant.
    pub rank: Option<String>,
}

/// A row of an organisation's member list, for its administrators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub person_id: i32,
    pub full_name: String,
    pub email: String,
    pub nip: Option<String>,
    /// The roles held in this organisation.
    pub roles: Vec<Role>,
    pub position: Option<String>,
    pub unit: Option<String>,
    pub active: bool,
}

/// An invitation as its link's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub full_name: String,
    pub email: String,
    pub organisation_name: String,
    pub role: Role,
}
