//! Roles a person holds in an organisation (one person may hold several, in several organisations).

use serde::{Deserialize, Serialize};

use super::OrganisationKind;

/// A role, granted per organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Runs a university's programmes and partnerships.
    UniversityCoordinator,
    /// Teaches and researches at a university.
    Academic,
    /// Leads a unit of an agency: posts needs, nominates and approves staff.
    AgencyLead,
    /// A civil servant (PNS or PPPK), member of an agency.
    Asn,
    /// Administers Sinergi for the province (BPSDM / BKD).
    ProvinceAdmin,
}

impl Role {
    /// Every role, in the order the UI lists them.
    pub const ALL: [Self; 5] = [
        Self::UniversityCoordinator,
        Self::Academic,
        Self::AgencyLead,
        Self::Asn,
        Self::ProvinceAdmin,
    ];

    /// The value stored in `memberships.role`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::UniversityCoordinator => "university_coordinator",
            Self::Academic => "academic",
            Self::AgencyLead => "agency_lead",
            Self::Asn => "asn",
            Self::ProvinceAdmin => "province_admin",
        }
    }

    /// The kind of organisation this role is held in.
    pub fn organisation_kind(self) -> OrganisationKind {
        match self {
            Self::UniversityCoordinator | Self::Academic => OrganisationKind::University,
            Self::AgencyLead | Self::Asn => OrganisationKind::Agency,
            Self::ProvinceAdmin => OrganisationKind::Province,
        }
    }

    /// The role that administers an organisation of `kind`: manages its members, invites
    /// people, approves access requests.
    pub fn administrator_of(kind: OrganisationKind) -> Self {
        match kind {
            OrganisationKind::University => Self::UniversityCoordinator,
            OrganisationKind::Agency => Self::AgencyLead,
            OrganisationKind::Province => Self::ProvinceAdmin,
        }
    }

    /// The role stored as `value`, if it is one.
    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_db() == value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_values_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_db(role.as_db()), Some(role));
        }
        assert_eq!(Role::from_db("superuser"), None);
    }

    #[test]
    fn each_kind_is_administered_by_a_role_held_in_that_kind() {
        for kind in
            [OrganisationKind::University, OrganisationKind::Agency, OrganisationKind::Province]
        {
            assert_eq!(Role::administrator_of(kind).organisation_kind(), kind);
        }
    }
}
