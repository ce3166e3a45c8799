//! The JP ledger as its pages show it: a civil servant's year against the 20 JP the regulation
//! sets, learning done elsewhere as submitted for verification, and an agency lead's view of
//! every staff member's year.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{FieldError, ValidationCode};

/// The JP a year every civil servant is entitled to at least (PP 11/2017 art. 203(4)).
pub const JP_YEARLY_MINIMUM: i32 = 20;
/// The longest title, organiser or evidence.
pub const MAX_JP_TEXT: u32 = 200;
pub const MAX_JP_EVIDENCE: u32 = 1_000;
/// The longest piece of outside learning, in days.
pub const MAX_OUTSIDE_DAYS: i64 = 366;

/// Where a ledger line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JpSource {
    /// A course completed on Sinergi (credited with its certificate).
    Course,
    /// Learning done elsewhere, submitted with evidence.
    Outside,
    /// A completed mentoring, as mentee or mentor (credited when it completes).
    Mentoring,
}

impl JpSource {
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Course => "course",
            Self::Outside => "outside",
            Self::Mentoring => "mentoring",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        [Self::Course, Self::Outside, Self::Mentoring].into_iter().find(|s| s.as_db() == value)
    }
}

/// Where a ledger line stands; only `Credited` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JpEntryStatus {
    Credited,
    /// Waits for a lead of the agency to verify the evidence.
    Pending,
    /// The lead found the evidence wanting (with a reason).
    Rejected,
    /// Its certificate was revoked.
    Void,
}

impl JpEntryStatus {
    pub const ALL: [Self; 4] = [Self::Credited, Self::Pending, Self::Rejected, Self::Void];

    pub fn as_db(self) -> &'static str {
        match self {
            Self::Credited => "credited",
            Self::Pending => "pending",
            Self::Rejected => "rejected",
            Self::Void => "void",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_db() == value)
    }
}

/// One line of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpEntryView {
    pub id: i32,
    pub source: JpSource,
    pub status: JpEntryStatus,
    pub title: String,
    pub organiser: String,
    pub started_on: NaiveDate,
    pub ended_on: NaiveDate,
    /// Credited, or to be credited once verified.
    pub jp: i32,
    /// The lead's reason for a rejection.
    pub note: String,
    /// The certificate's code, for a course.
    pub certificate: Option<String>,
}

/// A row of the conversion table to choose from when submitting outside learning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningFormChoice {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
}

/// A civil servant's year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JpLedger {
    pub year: i32,
    /// Credited JP of the year.
    pub total: i32,
    pub minimum: i32,
    /// The year's lines, newest first.
    pub entries: Vec<JpEntryView>,
    /// Years with lines, newest first (for the year picker).
    pub years: Vec<i32>,
    pub forms: Vec<LearningFormChoice>,
    /// Whether the viewer is ASN of an agency (and so may submit learning).
    pub may_submit: bool,
}

/// Learning done elsewhere, as the civil servant submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideLearning {
    pub title: String,
    pub organiser: String,
    /// A code of the conversion table.
    pub learning_form: String,
    pub international: bool,
    pub started_on: NaiveDate,
    pub ended_on: NaiveDate,
    /// The programme's own JP as its certificate states (0 when it states none).
    pub programme_jp: i64,
    /// Where the evidence is: a link, or a certificate's number and issuer.
    pub evidence: String,
}

/// The submission form's fields as posted (`form[title]`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutsideLearningForm {
    pub title: String,
    pub organiser: String,
    pub learning_form: String,
    pub international: bool,
    pub started_on: String,
    pub ended_on: String,
    pub programme_jp: String,
    pub evidence: String,
}

impl OutsideLearning {
    /// The submission from the form's text fields, or every field it gets wrong.
    pub fn parse(form: &OutsideLearningForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let programme_jp = if form.programme_jp.trim().is_empty() {
            0
        } else {
            checks.whole_number("programme_jp", &form.programme_jp, false)
        };
        let learning = Self {
            title: form.title.trim().to_owned(),
            organiser: form.organiser.trim().to_owned(),
            learning_form: form.learning_form.trim().to_owned(),
            international: form.international,
            started_on: checks.date("started_on", &form.started_on),
            ended_on: checks.date("ended_on", &form.ended_on),
            programme_jp,
            evidence: form.evidence.trim().to_owned(),
        };
        checks.finish()?;
        learning.validate(today).map(|()| learning)
    }

    /// Every rule broken, or `Ok`.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        checks.text("title", &self.title, true, MAX_JP_TEXT);
        checks.text("organiser", &self.organiser, true, MAX_JP_TEXT);
        checks.text("learning_form", &self.learning_form, true, 40);
        checks.text("evidence", &self.evidence, true, MAX_JP_EVIDENCE);
        checks.range("programme_jp", self.programme_jp, 0, 1_000);
        if self.ended_on < self.started_on {
            checks.fail("ended_on", ValidationCode::EndsBeforeStart);
        } else if self.days() > MAX_OUTSIDE_DAYS {
            checks.fail("ended_on", ValidationCode::OutOfRange { min: 1, max: MAX_OUTSIDE_DAYS });
        }
        if self.ended_on > today {
            checks.fail("ended_on", ValidationCode::InTheFuture);
        }
        checks.finish()
    }

    /// The days it took, first and last included.
    pub fn days(&self) -> i64 {
        (self.ended_on - self.started_on).num_days() + 1
    }

    /// The calendar year it counts toward: the year it ended.
    pub fn year(&self) -> i32 {
        self.ended_on.year()
    }
}

/// One staff member's year, for the lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffJpRow {
    pub person_id: i32,
    pub name: String,
    pub nip: Option<String>,
    pub unit: Option<String>,
    pub jp: i32,
}

/// Outside learning waiting for a lead's verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingJpEntry {
    pub entry: JpEntryView,
    pub person: String,
    pub learning_form: String,
    pub days: i64,
    pub programme_jp: i32,
    pub evidence: String,
}

/// An agency's staff and their year, for its leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyJp {
    pub slug: String,
    pub name: String,
    pub year: i32,
    /// Days left in the year (WIB), today included; 0 for a past year.
    pub days_left: i64,
    /// Staff by JP, fewest first.
    pub staff: Vec<StaffJpRow>,
    pub pending: Vec<PendingJpEntry>,
}

impl AgencyJp {
    /// How many staff are below the yearly minimum.
    pub fn below_minimum(&self) -> usize {
        self.staff.iter().filter(|s| s.jp < JP_YEARLY_MINIMUM).count()
    }
}

/// The days left in `year` counted from `today`, today included (0 once the year is over).
pub fn days_left_in_year(year: i32, today: NaiveDate) -> i64 {
    let Some(last) = NaiveDate::from_ymd_opt(year, 12, 31) else { return 0 };
    if today.year() < year {
        return last.ordinal() as i64;
    }
    ((last - today).num_days() + 1).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn parse(started: &str, ended: &str, jp: &str) -> Result<OutsideLearning, Vec<FieldError>> {
        let form = OutsideLearningForm {
            title: "Seminar Nasional Keamanan Siber".into(),
            organiser: "BSSN".into(),
            learning_form: "seminar".into(),
            international: false,
            started_on: started.into(),
            ended_on: ended.into(),
            programme_jp: jp.into(),
            evidence: "https://example.org/sertifikat/123".into(),
        };
        OutsideLearning::parse(&form, day(2026, 11, 30))
    }

    fn codes(result: Result<OutsideLearning, Vec<FieldError>>) -> Vec<(String, ValidationCode)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn outside_learning_is_read_from_the_form_and_counts_its_days() {
        let learning = parse("2026-11-02", "2026-11-03", "").unwrap();
        assert_eq!((learning.days(), learning.year(), learning.programme_jp), (2, 2026, 0));
        assert_eq!(parse("2026-11-02", "2026-11-02", " 16 ").unwrap().programme_jp, 16);
    }

    #[test]
    fn outside_learning_breaks_rules_clearly() {
        let field = |f: &str| f.to_owned();
        assert_eq!(
            codes(parse("2026-11-05", "2026-11-02", "")),
            [(field("ended_on"), ValidationCode::EndsBeforeStart)]
        );
        assert_eq!(
            codes(parse("2026-12-01", "2026-12-02", "")),
            [(field("ended_on"), ValidationCode::InTheFuture)]
        );
        assert_eq!(
            codes(parse("2025-01-01", "2026-11-02", "")),
            [(field("ended_on"), ValidationCode::OutOfRange { min: 1, max: 366 })]
        );
        assert_eq!(codes(parse("kemarin", "2026-11-02", "x")).len(), 2, "date and number");
        let blank = OutsideLearningForm {
            started_on: "2026-11-02".into(),
            ended_on: "2026-11-02".into(),
            ..OutsideLearningForm::default()
        };
        let empty = OutsideLearning::parse(&blank, day(2026, 11, 30));
        let fields: Vec<String> = codes(empty).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["title", "organiser", "learning_form", "evidence"]);
    }

    #[test]
    fn days_left_count_today_and_stop_at_the_year_end() {
        assert_eq!(days_left_in_year(2026, day(2026, 12, 31)), 1);
        assert_eq!(days_left_in_year(2026, day(2026, 11, 30)), 32);
        assert_eq!(days_left_in_year(2025, day(2026, 1, 1)), 0);
        assert_eq!(days_left_in_year(2028, day(2026, 1, 1)), 366, "a leap year ahead");
    }
}
