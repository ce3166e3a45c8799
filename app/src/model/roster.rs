//! The ASN roster import as the agency lead sees its result.

use serde::{Deserialize, Serialize};

use super::ImportRowError;

/// The outcome of one upload: imported entirely, or not at all with every problem listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterImportReport {
    pub id: i32,
    pub file_name: String,
    /// Data rows read (header excluded).
    pub rows: u32,
    /// New accounts made.
    pub created: u32,
    /// Existing people whose ASN membership was added or updated.
    pub updated: u32,
    /// Empty when the roster was imported.
    pub errors: Vec<ImportRowError>,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl RosterImportReport {
    /// Whether the rows were written (all-or-nothing).
    pub fn imported(&self) -> bool {
        self.errors.is_empty()
    }
}
