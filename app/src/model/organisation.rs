//! Organisations as both sides see them, and the portal's headline counts.

use serde::{Deserialize, Serialize};

/// The three kinds of organisation that use Sinergi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrganisationKind {
    /// A university (perguruan tinggi) publishing courses and research offers.
    University,
    /// A provincial agency (OPD) posting the competency needs of its civil servants.
    Agency,
    /// The province office (BPSDM / BKD) that verifies and oversees.
    Province,
}

impl OrganisationKind {
    /// The value stored in the `organisations.kind` column.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::University => "university",
            Self::Agency => "agency",
            Self::Province => "province",
        }
    }
}

/// Live figures for the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PortalCounts {
    pub universities: u64,
    pub agencies: u64,
    pub civil_servants: u64,
    pub competencies: u64,
}
