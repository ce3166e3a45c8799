//! A row of the LAN conversion table (Peraturan LAN 10/2018) as the province edits it
//! (`LearningFormRow`) and as everyone reads it (`LearningFormView`).

use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{FieldError, ValidationCode};

/// How a row counts: the programme's JP scaled by a percentage, or JP per day attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JpBasisKind {
    ProgrammePercent,
    PerDay,
}

impl JpBasisKind {
    pub const ALL: [Self; 2] = [Self::ProgrammePercent, Self::PerDay];

    /// The value stored in `learning_forms.basis`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::ProgrammePercent => "programme_percent",
            Self::PerDay => "per_day",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.as_db() == value)
    }

    /// The largest value a column of this basis takes: five times the programme's JP, or a
    /// full day and night of JP per day.
    pub fn max_value(self) -> i64 {
        match self {
            Self::ProgrammePercent => 500,
            Self::PerDay => 24,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningFormRow {
    /// Stable identifier (courses refer to it): lowercase letters, digits, `-` and `_`.
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub basis: JpBasisKind,
    /// Percent of the programme's JP, or JP per day, for national learning.
    pub national: i64,
    /// The same for international learning.
    pub international: i64,
}

/// A row as read, with who changed it last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningFormView {
    pub row: LearningFormRow,
    /// RFC 3339; None for a row as the regulation seeded it.
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
}

/// The whole table as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningFormTable {
    pub rows: Vec<LearningFormView>,
    /// Whether the viewer maintains the table (province administrators).
    pub editable: bool,
}

impl LearningFormRow {
    /// The row from the edit form's text fields, or every field it gets wrong.
    pub fn parse(
        code: &str,
        name_id: &str,
        name_en: &str,
        basis: &str,
        national: &str,
        international: &str,
    ) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let basis = JpBasisKind::from_db(basis.trim()).unwrap_or_else(|| {
            checks.fail("basis", ValidationCode::UnknownChoice);
            JpBasisKind::ProgrammePercent
        });
        let row = Self {
            code: code.trim().to_owned(),
            name_id: name_id.trim().to_owned(),
            name_en: name_en.trim().to_owned(),
            basis,
            national: checks.whole_number("national", national, false),
            international: checks.whole_number("international", international, false),
        };
        checks.finish()?;
        row.validate().map(|()| row)
    }

    /// Every rule the row breaks, or `Ok`.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        checks.text("code", &self.code, true, 40);
        let code_chars =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        if !self.code.chars().all(code_chars) {
            checks.fail("code", ValidationCode::Malformed);
        }
        checks.text("name_id", &self.name_id, true, 200);
        checks.text("name_en", &self.name_en, true, 200);
        let max = self.basis.max_value();
        checks.range("national", self.national, 0, max);
        checks.range("international", self.international, 0, max);
        checks.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_from_the_form_and_its_limits_follow_its_basis() {
        let row = LearningFormRow::parse(
            "seminar",
            "Seminar, konferensi, sarasehan",
            "Seminar, conference",
            "per_day",
            "4",
            "6",
        );
        assert_eq!(
            row.map(|r| (r.basis, r.national, r.international)),
            Ok((JpBasisKind::PerDay, 4, 6))
        );
        let fields = |result: Result<LearningFormRow, Vec<FieldError>>| -> Vec<String> {
            result.unwrap_err().into_iter().map(|e| e.field).collect()
        };
        // 120 is a fine percentage but not a number of JP per day.
        assert_eq!(
            fields(LearningFormRow::parse("x", "X", "X", "per_day", "4", "120")),
            ["international"]
        );
        assert_eq!(
            fields(LearningFormRow::parse("Bad Code", "", "X", "per_day", "4", "6")),
            ["code", "name_id"]
        );
        assert_eq!(
            fields(LearningFormRow::parse("x", "X", "X", "hourly", "empat", "6")),
            ["basis", "national"]
        );
    }
}
