//! A collaboration as its page shows it: what was agreed between the agency and the university
//! for a need, who the contacts are, where it stands and how it got there.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{CollaborationStatus, NeedKind, ResearchOutput};

/// The longest reason given for a move (a cancellation must give one).
pub const MAX_COLLABORATION_NOTE: u32 = 1_000;

/// A contact person of either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
}

/// One move of the collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationStep {
    pub to: CollaborationStatus,
    pub note: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// Everything about one collaboration, for its two parties and the province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationDetail {
    pub id: i32,
    pub need_slug: String,
    pub need_title: String,
    pub need_kind: NeedKind,
    pub agency_slug: String,
    pub agency_name: String,
    pub university_slug: String,
    pub university_name: String,
    /// The offer it builds on: slug and title.
    pub offer: Option<(String, String)>,
    pub reserved_seats: Option<i32>,
    pub price_rupiah: i64,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub outputs: Vec<ResearchOutput>,
    pub status: CollaborationStatus,
    pub agency_contact: Contact,
    pub university_contact: Contact,
    /// The moves the viewer may make now.
    pub moves: Vec<CollaborationStatus>,
    /// Oldest first; the first step is the agreement itself.
    pub history: Vec<CollaborationStep>,
}
