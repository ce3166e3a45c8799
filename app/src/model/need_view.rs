//! Needs as pages show them: a card in the list (`NeedCard`), the whole need (`NeedDetail`) and
//! a page of the list (`NeedPage`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    CompetencyTag, DeliveryMode, NeedFigure, NeedKind, NeedStatus, ResearchOutput, StatusChangeView,
};

/// Needs per page of the list.
pub const NEEDS_PAGE_SIZE: u64 = 20;

/// One need in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedCard {
    pub slug: String,
    pub kind: NeedKind,
    pub title: String,
    pub summary: String,
    pub status: NeedStatus,
    pub is_public: bool,
    pub agency_slug: String,
    pub agency_name: String,
    pub deadline: NaiveDate,
    pub budget_rupiah: i64,
    /// A competency need: the competency with its target level, and how many ASN.
    pub competency: Option<CompetencyTag>,
    pub headcount: Option<i32>,
}

/// What only one kind of need says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NeedFacts {
    Competency {
        units: Vec<String>,
        mode: Option<DeliveryMode>,
        /// The kabupaten/kota's name; None for anywhere.
        region: Option<String>,
    },
    Research {
        expected_output: String,
        outputs: Vec<ResearchOutput>,
        starts_on: NaiveDate,
    },
}

/// A whole need, with what the viewer may do to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedDetail {
    pub card: NeedCard,
    pub description: String,
    pub facts: NeedFacts,
    pub figures: Vec<NeedFigure>,
    /// Whether the viewer may edit it (its agency's leads, while draft or open).
    pub editable: bool,
    /// The status moves the viewer may make.
    pub moves: Vec<NeedStatus>,
    /// Its lifecycle, for the agency and the province; empty for others.
    pub history: Vec<StatusChangeView<NeedStatus>>,
}

/// A page of the needs list; `next_after` is the cursor of the following page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedPage {
    pub needs: Vec<NeedCard>,
    pub next_after: Option<String>,
}

/// What the needs list shows: open needs the viewer may see, or — for an agency's leads and the
/// province, with `agency` — all of that agency's needs, drafts included.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedQuery {
    pub kind: Option<NeedKind>,
    /// A competency code.
    pub competency: Option<String>,
    /// An agency's slug.
    pub agency: Option<String>,
    /// The cursor of the page to show (`NeedPage::next_after`).
    pub after: Option<String>,
}
