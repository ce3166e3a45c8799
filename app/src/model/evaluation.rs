//! Training evaluation as its forms and pages see it: a participant's reaction to a completed
//! course, a supervisor's review of the behaviour on the job, and the reviews waiting for them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FieldError;
use super::validation::Checks;

/// The longest comment on a reaction or a review.
pub const MAX_EVALUATION_COMMENT: u32 = 1_000;

/// A rating on a 1–5 scale with an optional comment: a participant's reaction to a course
/// (1 poor – 5 excellent), or a supervisor's review of how far it shows in the work (1 not at
/// all – 5 applied and passed on to colleagues).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationDraft {
    pub level: i16,
    pub comment: String,
}

impl EvaluationDraft {
    /// Reads the form's fields (`level` required, 1–5).
    pub fn parse(level: &str, comment: &str) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let value = checks.whole_number("level", level, false);
        let draft =
            Self { level: i16::try_from(value).unwrap_or(0), comment: comment.trim().to_owned() };
        draft.check(&mut checks);
        checks.finish()?;
        Ok(draft)
    }

    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        self.check(&mut checks);
        checks.finish()
    }

    fn check(&self, checks: &mut Checks) {
        checks.range("level", i64::from(self.level), 1, 5);
        checks.text("comment", &self.comment, false, MAX_EVALUATION_COMMENT);
    }
}

/// A review waiting for the signed-in supervisor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingReview {
    pub enrollment_id: i32,
    pub person: String,
    pub course: String,
    pub due_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidationCode;

    #[test]
    fn ratings_are_whole_numbers_from_one_to_five() {
        assert_eq!(
            EvaluationDraft::parse("5", " Sangat bermanfaat "),
            Ok(EvaluationDraft { level: 5, comment: "Sangat bermanfaat".into() })
        );
        let range = ValidationCode::OutOfRange { min: 1, max: 5 };
        assert_eq!(EvaluationDraft::parse("0", ""), Err(vec![FieldError::new("level", range)]));
        assert_eq!(
            EvaluationDraft::parse("", ""),
            Err(vec![FieldError::new("level", ValidationCode::Required)])
        );
        let long = "x".repeat(MAX_EVALUATION_COMMENT as usize + 1);
        let refused = EvaluationDraft { level: 3, comment: long }.validate();
        assert_eq!(
            refused,
            Err(vec![FieldError::new("comment", ValidationCode::TooLong { max: 1_000 })])
        );
    }
}
