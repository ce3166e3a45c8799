//! A course as its author describes it (`CourseDraft`), and the rules every field follows: the
//! same checks run in the browser's form and in the service.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{DeliveryMode, FieldError, OfferCompetency, OfferPerson, Region, ValidationCode};

/// One meeting of a course, in WIB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDraft {
    pub date: NaiveDate,
    pub starts: NaiveTime,
    pub ends: NaiveTime,
    /// A room and address, or a meeting link.
    pub place: String,
}

/// Everything an academic writes about a course. Numbers are wide so that an out-of-range value
/// is reported as such rather than failing to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDraft {
    pub title: String,
    pub summary: String,
    /// Markdown; sanitised when rendered.
    pub description: String,
    pub competencies: Vec<OfferCompetency>,
    pub jp: i64,
    /// The code of a row of the LAN conversion table (e.g. `pelatihan`).
    pub learning_form: String,
    pub international: bool,
    pub mode: DeliveryMode,
    /// BPS code of the kabupaten/kota; may be empty for a course fully online.
    pub region_code: String,
    pub sessions: Vec<SessionDraft>,
    pub capacity: i64,
    /// Per participant; 0 is free.
    pub fee_rupiah: i64,
    pub instructors: Vec<OfferPerson>,
    pub prerequisites: String,
    pub min_attendance_percent: i64,
    pub min_post_test_score: i64,
    pub enrollment_opens_on: NaiveDate,
    pub enrollment_closes_on: NaiveDate,
}

/// Limits of a course's fields.
pub mod limits {
    pub const TITLE: u32 = 200;
    pub const SUMMARY: u32 = 500;
    pub const DESCRIPTION: u32 = 20_000;
    pub const COMPETENCIES: u32 = 10;
    pub const MAX_JP: i64 = 500;
    pub const SESSIONS: u32 = 60;
    pub const PLACE: u32 = 300;
    pub const MAX_CAPACITY: i64 = 5_000;
    /// One billion rupiah: far above any training fee, low enough to catch a typo.
    pub const MAX_FEE: i64 = 1_000_000_000;
    pub const PEOPLE: u32 = 20;
    pub const PERSON_NAME: u32 = 200;
    pub const PREREQUISITES: u32 = 2_000;
}

impl CourseDraft {
    /// Every rule the course breaks (form field names), or `Ok`. Whether the competency codes
    /// and the learning form exist is the service's check: it needs the database.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        use limits::*;
        let mut checks = Checks::default();
        checks.text("title", &self.title, true, TITLE);
        checks.text("summary", &self.summary, true, SUMMARY);
        checks.text("description", &self.description, false, DESCRIPTION);
        check_competencies(&mut checks, &self.competencies, true);
        checks.range("jp", self.jp, 1, MAX_JP);
        checks.text("learning_form", &self.learning_form, true, 40);
        let region = self.region_code.trim();
        if region.is_empty() && self.mode != DeliveryMode::Daring {
            checks.fail("region", ValidationCode::Required);
        } else if !region.is_empty() && Region::by_code(region).is_none() {
            checks.fail("region", ValidationCode::UnknownChoice);
        }
        checks.count("sessions", self.sessions.len(), 1, SESSIONS);
        for session in &self.sessions {
            if session.ends <= session.starts {
                checks.fail("sessions", ValidationCode::EndsBeforeStart);
            }
            checks.text("sessions", &session.place, true, PLACE);
        }
        checks.range("capacity", self.capacity, 1, MAX_CAPACITY);
        checks.range("fee", self.fee_rupiah, 0, MAX_FEE);
        check_people(&mut checks, "instructors", &self.instructors);
        checks.text("prerequisites", &self.prerequisites, false, PREREQUISITES);
        checks.range("min_attendance", self.min_attendance_percent, 0, 100);
        checks.range("min_post_test", self.min_post_test_score, 0, 100);
        if self.enrollment_closes_on < self.enrollment_opens_on {
            checks.fail("enrollment_closes", ValidationCode::EndsBeforeStart);
        } else if self.first_day().is_some_and(|first| self.enrollment_closes_on > first) {
            checks.fail("enrollment_closes", ValidationCode::EnrollmentAfterStart);
        }
        checks.finish()
    }

    /// The day of the earliest session.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.sessions.iter().map(|s| s.date).min()
    }
}

/// Competencies of an offer: at least one (when `required`), at most ten, no competency twice,
/// and for a course a level from 1 to 5 each.
pub(super) fn check_competencies(checks: &mut Checks, list: &[OfferCompetency], leveled: bool) {
    checks.count("competencies", list.len(), 1, limits::COMPETENCIES);
    for (i, entry) in list.iter().enumerate() {
        if entry.code.trim().is_empty() {
            checks.fail("competencies", ValidationCode::Required);
        } else if list[..i].iter().any(|e| e.code.trim() == entry.code.trim()) {
            checks.fail("competencies", ValidationCode::DuplicateEntry);
        }
        match (leveled, entry.level) {
            (true, Some(level)) => checks.range("competencies", level.into(), 1, 5),
            (true, None) => checks.fail("competencies", ValidationCode::Required),
            (false, _) => {}
        }
    }
}

/// Instructors or a team: at least one, each with a name.
pub(super) fn check_people(checks: &mut Checks, field: &str, people: &[OfferPerson]) {
    checks.count(field, people.len(), 1, limits::PEOPLE);
    for person in people {
        checks.text(field, &person.name, true, limits::PERSON_NAME);
        checks.text(field, &person.role, false, limits::PERSON_NAME);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A course that passes every rule; tests break one thing at a time.
    pub fn valid_course() -> CourseDraft {
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        CourseDraft {
            title: "Pelayanan Publik Prima".into(),
            summary: "Standar pelayanan dan penanganan pengaduan.".into(),
            description: "## Materi\n\n- Standar pelayanan".into(),
            competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: Some(3) }],
            jp: 24,
            learning_form: "pelatihan".into(),
            international: false,
            mode: DeliveryMode::TatapMuka,
            region_code: "1871".into(),
            sessions: vec![SessionDraft {
                date: day(10),
                starts: time(8),
                ends: time(16),
                place: "Gedung A Unila".into(),
            }],
            capacity: 30,
            fee_rupiah: 0,
            instructors: vec![OfferPerson { name: "Dr. Sari".into(), role: "Narasumber".into() }],
            prerequisites: String::new(),
            min_attendance_percent: 80,
            min_post_test_score: 70,
            enrollment_opens_on: day(1),
            enrollment_closes_on: day(8),
        }
    }

    fn broken(course: CourseDraft) -> Vec<(String, ValidationCode)> {
        course.validate().unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_complete_course_passes() {
        assert_eq!(valid_course().validate(), Ok(()));
        let online = CourseDraft {
            mode: DeliveryMode::Daring,
            region_code: String::new(),
            ..valid_course()
        };
        assert_eq!(online.validate(), Ok(()), "an online course needs no kabupaten/kota");
    }

    #[test]
    fn each_broken_rule_names_its_field() {
        let mut c = valid_course();
        c.title = "  ".into();
        c.jp = 0;
        c.capacity = 5_001;
        c.fee_rupiah = -1;
        c.region_code = "3171".into();
        c.min_attendance_percent = 101;
        let errors = broken(c);
        assert!(errors.contains(&("title".into(), ValidationCode::Required)));
        assert!(errors.contains(&("jp".into(), ValidationCode::OutOfRange { min: 1, max: 500 })));
        assert!(errors.iter().any(|(f, _)| f == "capacity"));
        assert!(errors.iter().any(|(f, _)| f == "fee"));
        assert!(errors.contains(&("region".into(), ValidationCode::UnknownChoice)));
        assert!(errors.iter().any(|(f, _)| f == "min_attendance"));
        assert_eq!(errors.len(), 6, "{errors:?}");
    }

    #[test]
    fn lists_and_dates_are_checked() {
        let mut c = valid_course();
        c.competencies.push(OfferCompetency { code: "MNJ-05".into(), level: Some(2) });
        c.sessions[0].ends = c.sessions[0].starts;
        c.instructors.clear();
        c.enrollment_closes_on = NaiveDate::from_ymd_opt(2027, 3, 11).unwrap();
        let errors = broken(c);
        assert!(errors.contains(&("competencies".into(), ValidationCode::DuplicateEntry)));
        assert!(errors.contains(&("sessions".into(), ValidationCode::EndsBeforeStart)));
        assert!(errors.contains(&("instructors".into(), ValidationCode::TooFew { min: 1 })));
        assert!(
            errors.contains(&("enrollment_closes".into(), ValidationCode::EnrollmentAfterStart))
        );

        let mut c = valid_course();
        c.competencies[0].level = Some(6);
        c.enrollment_closes_on = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        let errors = broken(c);
        assert!(
            errors
                .contains(&("competencies".into(), ValidationCode::OutOfRange { min: 1, max: 5 }))
        );
        assert!(errors.contains(&("enrollment_closes".into(), ValidationCode::EndsBeforeStart)));
    }
}
