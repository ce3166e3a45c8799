//! The course form as the browser posts it (`CourseForm`: text fields, repeated rows), read into
//! a [`CourseDraft`]. Unreadable numbers and dates are field errors like any broken rule; blank
//! rows (the form always offers a few spare ones) are skipped.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{
    CourseDraft, DeliveryMode, FieldError, OfferCompetency, OfferPerson, SessionDraft,
    ValidationCode,
};

/// A competency row: code and the level the course brings a participant to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompetencyRow {
    pub code: String,
    pub level: String,
}

/// A session row: `YYYY-MM-DD`, `HH:MM`, `HH:MM` (what date and time inputs send), place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionRow {
    pub date: String,
    pub starts: String,
    pub ends: String,
    pub place: String,
}

/// A person row: name and role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonRow {
    pub name: String,
    pub role: String,
}

/// Every field of the course form, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CourseForm {
    pub title: String,
    pub summary: String,
    pub description: String,
    pub competencies: Vec<CompetencyRow>,
    pub jp: String,
    pub learning_form: String,
    /// A checkbox: present ("on") when ticked.
    pub international: Option<String>,
    pub mode: String,
    pub region: String,
    pub sessions: Vec<SessionRow>,
    pub capacity: String,
    pub fee: String,
    pub instructors: Vec<PersonRow>,
    pub prerequisites: String,
    pub min_attendance: String,
    pub min_post_test: String,
    pub enrollment_opens: String,
    pub enrollment_closes: String,
}

/// The course form with what it needs to offer its choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseEditor {
    pub university_slug: String,
    pub university_name: String,
    /// None for a new course.
    pub slug: Option<String>,
    pub form: CourseForm,
    /// (code, Indonesian name, English name) of every competency.
    pub competencies: Vec<(String, String, String)>,
    /// (code, Indonesian name, English name) of the LAN table's rows.
    pub learning_forms: Vec<(String, String, String)>,
}

/// Rows the form shows: the filled ones and at least this many in all.
pub const FORM_ROWS: usize = 4;

impl CourseForm {
    /// The draft the form describes, or every field it gets wrong (unreadable values first,
    /// then the course's rules).
    pub fn parse(&self) -> Result<CourseDraft, Vec<FieldError>> {
        let mut checks = Checks::default();
        // Rupiah may be written with grouping dots ("1.500.000"); anywhere else a dot is a
        // decimal point, and a fraction is not a whole number.
        let number = |checks: &mut Checks, field: &str, text: &str| {
            checks.whole_number(field, text, field == "fee")
        };
        let date = |checks: &mut Checks, field: &str, text: &str| checks.date(field, text);
        let time = |checks: &mut Checks, text: &str| {
            NaiveTime::parse_from_str(text.trim(), "%H:%M").unwrap_or_else(|_| {
                checks.fail("sessions", ValidationCode::BadDate);
                NaiveTime::default()
            })
        };
        let competencies = self
            .competencies
            .iter()
            .filter(|row| !row.code.trim().is_empty() || !row.level.trim().is_empty())
            .map(|row| OfferCompetency {
                code: row.code.trim().to_owned(),
                level: match row.level.trim().parse::<u8>() {
                    Ok(level) => Some(level),
                    Err(_) => {
                        checks.fail("competencies", ValidationCode::Required);
                        None
                    }
                },
            })
            .collect();
        let mode = DeliveryMode::from_db(self.mode.trim()).unwrap_or_else(|| {
            checks.fail("mode", ValidationCode::UnknownChoice);
            DeliveryMode::TatapMuka
        });
        let sessions = self
            .sessions
            .iter()
            .filter(|row| {
                [&row.date, &row.starts, &row.ends, &row.place].iter().any(|v| !v.trim().is_empty())
            })
            .map(|row| SessionDraft {
                date: date(&mut checks, "sessions", &row.date),
                starts: time(&mut checks, &row.starts),
                ends: time(&mut checks, &row.ends),
                place: row.place.trim().to_owned(),
            })
            .collect();
        let instructors = self
            .instructors
            .iter()
            .filter(|row| !row.name.trim().is_empty() || !row.role.trim().is_empty())
            .map(|row| OfferPerson {
                name: row.name.trim().to_owned(),
                role: row.role.trim().to_owned(),
            })
            .collect();
        let draft = CourseDraft {
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            description: self.description.trim().to_owned(),
            competencies,
            jp: number(&mut checks, "jp", &self.jp),
            learning_form: self.learning_form.trim().to_owned(),
            international: self.international.is_some(),
            mode,
            region_code: self.region.trim().to_owned(),
            sessions,
            capacity: number(&mut checks, "capacity", &self.capacity),
            fee_rupiah: number(&mut checks, "fee", &self.fee),
            instructors,
            prerequisites: self.prerequisites.trim().to_owned(),
            min_attendance_percent: number(&mut checks, "min_attendance", &self.min_attendance),
            min_post_test_score: number(&mut checks, "min_post_test", &self.min_post_test),
            enrollment_opens_on: date(&mut checks, "enrollment_opens", &self.enrollment_opens),
            enrollment_closes_on: date(&mut checks, "enrollment_closes", &self.enrollment_closes),
        };
        checks.finish()?;
        draft.validate().map(|()| draft)
    }

    /// The form showing a saved course, for editing.
    pub fn from_draft(draft: &CourseDraft) -> Self {
        Self {
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            competencies: draft
                .competencies
                .iter()
                .map(|c| CompetencyRow {
                    code: c.code.clone(),
                    level: c.level.map(|l| l.to_string()).unwrap_or_default(),
                })
                .collect(),
            jp: draft.jp.to_string(),
            learning_form: draft.learning_form.clone(),
            international: draft.international.then(|| "on".to_owned()),
            mode: draft.mode.as_db().to_owned(),
            region: draft.region_code.clone(),
            sessions: draft
                .sessions
                .iter()
                .map(|s| SessionRow {
                    date: s.date.format("%Y-%m-%d").to_string(),
                    starts: s.starts.format("%H:%M").to_string(),
                    ends: s.ends.format("%H:%M").to_string(),
                    place: s.place.clone(),
                })
                .collect(),
            capacity: draft.capacity.to_string(),
            fee: draft.fee_rupiah.to_string(),
            instructors: draft
                .instructors
                .iter()
                .map(|p| PersonRow { name: p.name.clone(), role: p.role.clone() })
                .collect(),
            prerequisites: draft.prerequisites.clone(),
            min_attendance: draft.min_attendance_percent.to_string(),
            min_post_test: draft.min_post_test_score.to_string(),
            enrollment_opens: draft.enrollment_opens_on.format("%Y-%m-%d").to_string(),
            enrollment_closes: draft.enrollment_closes_on.format("%Y-%m-%d").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::course::tests::valid_course;

    #[test]
    fn a_saved_course_survives_the_form_round_trip() {
        let course = valid_course();
        let mut form = CourseForm::from_draft(&course);
        // Spare blank rows are ignored.
        form.sessions.push(SessionRow::default());
        form.instructors.push(PersonRow::default());
        form.competencies.push(CompetencyRow::default());
        assert_eq!(form.parse(), Ok(course));
    }

    #[test]
    fn unreadable_values_are_field_errors() {
        let mut form = CourseForm::from_draft(&valid_course());
        form.jp = "dua puluh".into();
        form.fee = "1.500.000".into();
        form.capacity = String::new();
        form.sessions[0].starts = "8 pagi".into();
        form.enrollment_opens = "kemarin".into();
        form.mode = "hologram".into();
        form.min_attendance = "7.5".into();
        let errors: Vec<(String, ValidationCode)> =
            form.parse().unwrap_err().into_iter().map(|e| (e.field, e.code)).collect();
        assert!(errors.contains(&("jp".into(), ValidationCode::NotANumber)));
        assert!(errors.contains(&("capacity".into(), ValidationCode::Required)));
        assert!(errors.contains(&("sessions".into(), ValidationCode::BadDate)));
        assert!(errors.contains(&("enrollment_opens".into(), ValidationCode::BadDate)));
        assert!(errors.contains(&("mode".into(), ValidationCode::UnknownChoice)));
        assert!(errors.contains(&("min_attendance".into(), ValidationCode::NotANumber)));
        assert!(!errors.iter().any(|(f, _)| f == "fee"), "Rp grouping dots are accepted");
    }
}
