//! Competency assessment as its pages show it: a civil servant's current level in each
//! competency (with where it comes from), the gaps against the position held and the target
//! position, the history of ratings, and the form that rates one competency by its indicators.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::FieldError;
use super::validation::Checks;
use crate::domain::profile::Gap;

/// The longest note a rating may carry.
pub const MAX_ASSESSMENT_NOTE: u32 = 500;

/// Where a level comes from, weakest first (see `domain::profile` for the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AssessmentKind {
    /// The civil servant's own judgement.
    SelfAssessed,
    /// A certificate that stands, of a course bringing the competency to a level.
    Evidence,
    /// The agency lead or the named supervisor.
    Supervisor,
}

impl AssessmentKind {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::SelfAssessed => "self",
            Self::Evidence => "evidence",
            Self::Supervisor => "supervisor",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::SelfAssessed, Self::Evidence, Self::Supervisor]
            .into_iter()
            .find(|k| k.as_db() == value)
    }
}

/// A level with its source and its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelView {
    pub level: i16,
    pub kind: AssessmentKind,
    pub on: NaiveDate,
}

/// One competency of a profile: what counts now, and what the positions require.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRow {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub current: Option<LevelView>,
    /// Required by the position held, if it requires the competency.
    pub required: Option<i16>,
    /// Required by the target position, if any and if it requires the competency.
    pub target_required: Option<i16>,
}

impl ProfileRow {
    /// The gap against the position held; none when it does not require the competency.
    pub fn gap(&self) -> Option<Gap> {
        self.required.map(|r| Gap::of(r, self.current.map(|c| c.level)))
    }

    /// The gap against the target position; none when it does not require the competency.
    pub fn target_gap(&self) -> Option<Gap> {
        self.target_required.map(|r| Gap::of(r, self.current.map(|c| c.level)))
    }
}

/// One rating in the history, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentEntry {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub kind: AssessmentKind,
    pub level: i16,
    /// Who rated (for evidence: the course and its university).
    pub by: String,
    pub on: NaiveDate,
    pub note: String,
}

/// What a lead may set about a civil servant's development: the named supervisor and the
/// target position, with the choices for each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanChoices {
    pub supervisor_id: Option<i32>,
    pub target_position: Option<String>,
    /// The agency's active members who may supervise: (person id, name), by name.
    pub supervisors: Vec<(i32, String)>,
    /// Every position with a competency standard, by name.
    pub positions: Vec<String>,
}

/// A civil servant's competency profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyProfile {
    pub person_id: i32,
    pub name: String,
    pub agency: String,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub target_position: Option<String>,
    pub supervisor: Option<String>,
    /// The viewer is the civil servant themselves (their ratings are self-assessments).
    pub own: bool,
    /// The viewer may rate as supervisor (a lead of the agency or the named supervisor).
    pub may_rate: bool,
    /// By competency code: every competency either position requires or with a level.
    pub rows: Vec<ProfileRow>,
    pub history: Vec<AssessmentEntry>,
    /// For the agency's leads only.
    pub plan: Option<PlanChoices>,
}

/// One level of a competency as the rating form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelChoice {
    pub level: i16,
    pub description: String,
    pub indicators: Vec<String>,
}

/// The form that rates one competency of one civil servant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentForm {
    pub person_id: i32,
    pub person_name: String,
    /// A self-assessment (else the supervisor's).
    pub own: bool,
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub definition_id: String,
    pub levels: Vec<LevelChoice>,
    /// The level that counts now, to start from.
    pub current: Option<LevelView>,
}

/// A rating as submitted: the level chosen and an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentDraft {
    pub level: i16,
    pub note: String,
}

impl AssessmentDraft {
    /// Reads the form's fields: `level` is required, 1 to 5; the note is optional.
    pub fn parse(level: &str, note: &str) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let chosen = checks.whole_number("level", level, false);
        let draft =
            Self { level: i16::try_from(chosen).unwrap_or(0), note: note.trim().to_owned() };
        draft.check(&mut checks);
        checks.finish()?;
        Ok(draft)
    }

    /// The rules of a rating, for a draft however it was made.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        self.check(&mut checks);
        checks.finish()
    }

    fn check(&self, checks: &mut Checks) {
        checks.range("level", i64::from(self.level), 1, 5);
        checks.text("note", &self.note, false, MAX_ASSESSMENT_NOTE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ValidationCode;

    #[test]
    fn a_draft_needs_a_level_from_one_to_five_and_a_short_note() {
        assert_eq!(
            AssessmentDraft::parse(" 4 ", " tepat "),
            Ok(AssessmentDraft { level: 4, note: "tepat".into() })
        );
        let missing = AssessmentDraft::parse("", "").unwrap_err();
        assert_eq!(missing, [FieldError::new("level", ValidationCode::Required)]);
        let high = AssessmentDraft::parse("6", "").unwrap_err();
        assert_eq!(high, [FieldError::new("level", ValidationCode::OutOfRange { min: 1, max: 5 })]);
        let long = "x".repeat(MAX_ASSESSMENT_NOTE as usize + 1);
        let noted = AssessmentDraft::parse("2", &long).unwrap_err();
        assert_eq!(noted, [FieldError::new("note", ValidationCode::TooLong { max: 500 })]);
    }

    #[test]
    fn kinds_keep_their_stored_names() {
        for kind in
            [AssessmentKind::SelfAssessed, AssessmentKind::Evidence, AssessmentKind::Supervisor]
        {
            assert_eq!(AssessmentKind::from_db(kind.as_db()), Some(kind));
        }
        assert_eq!(AssessmentKind::from_db("peer"), None);
    }
}
