//! Problems found in an uploaded file (an ASN roster, the competency dictionary), line by line,
//! and the outcome of a dictionary import.

use serde::{Deserialize, Serialize};

use super::ValidationCode;

/// One problem in an uploaded file: the file line (1 = header), the column, the rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRowError {
    /// The line in the file; 0 for the file as a whole.
    pub line: u32,
    /// The column (`nip`, `nama`, `kode`, …) or `_file`.
    pub field: String,
    pub code: ValidationCode,
}

/// The outcome of one dictionary upload: imported entirely, or not at all with every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DictionaryImportReport {
    pub id: i32,
    /// What was uploaded: competencies (false) or positions (true).
    pub positions: bool,
    pub file_name: String,
    /// Data rows read (header excluded).
    pub rows: u32,
    /// Competencies added.
    pub created: u32,
    /// Existing competencies (by code) rewritten.
    pub updated: u32,
    /// Empty when the file was imported.
    pub errors: Vec<ImportRowError>,
    /// RFC 3339, UTC.
    pub created_at: String,
}
