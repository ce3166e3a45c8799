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

    /// The kind stored as `value`, if it is one.
    pub fn from_db(value: &str) -> Option<Self> {
        [Self::University, Self::Agency, Self::Province].into_iter().find(|k| k.as_db() == value)
    }
}

/// An organisation as anyone may see it (names and verification are public).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub slug: String,
    pub name: String,
    pub short_name: String,
    pub kind: OrganisationKind,
    /// Verified by the province: only verified organisations publish offers or post needs.
    pub verified: bool,
    /// Whether the person looking writes offers for it (an academic or coordinator there).
    pub viewer_writes_offers: bool,
    /// Whether the person looking posts needs for it (a lead of this agency).
    pub viewer_posts_needs: bool,
}

/// A row of the province administrator's verification list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationReviewRow {
    pub organisation: OrganisationSummary,
    /// People holding a role there.
    pub members: u64,
    /// The latest decision, if any was made in Sinergi (seeded ones have none).
    pub last_review: Option<ReviewDecision>,
}

/// One decision of a province administrator on an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDecision {
    pub verified: bool,
    pub reviewer_name: String,
    /// RFC 3339, UTC.
    pub reviewed_at: String,
    pub note: Option<String>,
}

/// Live figures for the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PortalCounts {
    pub universities: u64,
    pub agencies: u64,
    pub civil_servants: u64,
    pub competencies: u64,
}
