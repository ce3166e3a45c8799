//! Attendance and assessment as the academic's participant sheet shows them: a course's
//! sessions, each participant's presence per session and test scores, page by page; and the
//! check-in code a session's participants use.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{EnrollmentStatus, FieldError, ValidationCode};

/// Participants shown per page of the sheet.
pub const SHEET_PAGE_SIZE: u64 = 100;
/// How long a check-in code stays valid when the academic opens it, in minutes.
pub const CHECK_IN_MINUTES: i64 = 30;

/// An open check-in code of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInView {
    pub code: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

/// One session, a column of the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionColumn {
    pub id: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// How many were present.
    pub present: u32,
    pub check_in: Option<CheckInView>,
}

/// One participant, a row of the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantRow {
    pub enrollment_id: i32,
    pub name: String,
    pub nip: Option<String>,
    pub agency: String,
    pub status: EnrollmentStatus,
    /// Present at each session, in the order of the sheet's columns.
    pub present: Vec<bool>,
    pub pre_test: Option<i16>,
    pub post_test: Option<i16>,
    /// The code of the certificate issued when the course closed, if completed.
    pub certificate: Option<String>,
}

/// A page of a course's participant sheet, for the course's academics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceSheet {
    pub course_slug: String,
    pub course_title: String,
    pub sessions: Vec<SessionColumn>,
    pub rows: Vec<ParticipantRow>,
    /// 1-based.
    pub page: u64,
    pub pages: u64,
    pub participants: u64,
}

/// One participant's scores: enrollment id, pre-test, post-test (none: not taken or not known).
pub type ScoreRow = (i32, Option<i16>, Option<i16>);

/// One participant's scores as typed in the sheet's form (blank: none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreInput {
    pub id: i32,
    pub pre: String,
    pub post: String,
}

impl ScoreInput {
    /// The scores read from the form: `(id, pre, post)` each, or a field error per unreadable
    /// value (`pre_<id>`, `post_<id>`). Ranges are the service's to check.
    pub fn parse(rows: &[ScoreInput]) -> Result<Vec<ScoreRow>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut read = |name: &str, row: &ScoreInput, text: &str| -> Option<i16> {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            text.parse::<i16>()
                .map_err(|_| {
                    errors.push(FieldError::new(
                        format!("{name}_{}", row.id),
                        ValidationCode::NotANumber,
                    ));
                })
                .ok()
        };
        let scores: Vec<_> = rows
            .iter()
            .map(|row| (row.id, read("pre", row, &row.pre), read("post", row, &row.post)))
            .collect();
        if errors.is_empty() { Ok(scores) } else { Err(errors) }
    }
}

/// Whether `code` (as typed) is the check-in code `expected`: case and spaces do not matter.
pub fn same_code(typed: &str, expected: &str) -> bool {
    let clean: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    !clean.is_empty() && clean.eq_ignore_ascii_case(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_code_is_read_forgivingly_but_never_empty() {
        assert!(same_code(" k7p 2qx ", "K7P2QX"));
        assert!(same_code("k7p2qx", "K7P2QX"));
        assert!(!same_code("K7P2QY", "K7P2QX"));
        assert!(!same_code("   ", ""));
    }

    #[test]
    fn typed_scores_are_numbers_or_blank() {
        let row = |id, pre: &str, post: &str| ScoreInput { id, pre: pre.into(), post: post.into() };
        let read = ScoreInput::parse(&[row(1, " 70 ", ""), row(2, "", "88")]).unwrap();
        assert_eq!(read, [(1, Some(70), None), (2, None, Some(88))]);
        let bad = ScoreInput::parse(&[row(3, "tujuh", "90"), row(4, "1", "9.5")]).unwrap_err();
        let fields: Vec<&str> = bad.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["pre_3", "post_4"]);
    }
}
