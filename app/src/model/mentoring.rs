//! Mentoring as its forms and pages see it: a mentor's offer, a junior's request with its plan
//! (competency, goal level, period), a logged session, and the pair's views of it all.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::validation::Checks;
use super::{FieldError, ValidationCode};

/// The longest note on an offer, a request or an answer.
pub const MAX_MENTORING_NOTE: u32 = 1_000;
/// The longest session topic.
pub const MAX_SESSION_TOPIC: u32 = 300;
/// The longest plan, in days.
pub const MAX_MENTORING_DAYS: i64 = 366;
/// A session's length, in minutes.
pub const SESSION_MINUTES: (i64, i64) = (15, 480);

/// Where a mentorship stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentorshipStatus {
    /// The mentee asked, with a plan; the mentor has not answered.
    Requested,
    /// The mentor agreed to the plan: sessions are logged.
    Active,
    Declined,
    /// Called off by either before it completed.
    Cancelled,
    /// Completed by the mentor: the JP are credited.
    Completed,
}

impl MentorshipStatus {
    pub const ALL: [Self; 5] =
        [Self::Requested, Self::Active, Self::Declined, Self::Cancelled, Self::Completed];

    pub fn as_db(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Active => "active",
            Self::Declined => "declined",
            Self::Cancelled => "cancelled",
            Self::Completed => "completed",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_db() == value)
    }

    /// Still open: it holds one of the mentor's places.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Requested | Self::Active)
    }
}

/// A civil servant's offer to mentor a competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorOfferDraft {
    /// The competency's code.
    pub competency: String,
    /// Mentees at once, 1–5.
    pub capacity: i16,
    pub note: String,
}

impl MentorOfferDraft {
    /// Reads the form's fields.
    pub fn parse(competency: &str, capacity: &str, note: &str) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let value = checks.whole_number("capacity", capacity, false);
        let draft = Self {
            competency: competency.trim().to_owned(),
            capacity: i16::try_from(value).unwrap_or(0),
            note: note.trim().to_owned(),
        };
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
        checks.text("competency", &self.competency, true, 40);
        checks.range("capacity", i64::from(self.capacity), 1, 5);
        checks.text("note", &self.note, false, MAX_MENTORING_NOTE);
    }
}

/// A junior's request for a mentor, with the plan they propose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorshipRequest {
    /// The competency's code.
    pub competency: String,
    /// The person asked.
    pub mentor: i32,
    pub goal_level: i16,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub note: String,
}

/// The request form's fields as posted (`form[goal_level]`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorshipRequestForm {
    pub competency: String,
    pub mentor: String,
    pub goal_level: String,
    pub starts_on: String,
    pub ends_on: String,
    pub note: String,
}

impl MentorshipRequest {
    /// The request from the form's text fields, or every field it gets wrong.
    pub fn parse(form: &MentorshipRequestForm, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let mentor = checks.whole_number("mentor", &form.mentor, false);
        let goal = checks.whole_number("goal_level", &form.goal_level, false);
        let request = Self {
            competency: form.competency.trim().to_owned(),
            mentor: i32::try_from(mentor).unwrap_or(0),
            goal_level: i16::try_from(goal).unwrap_or(0),
            starts_on: checks.date("starts_on", &form.starts_on),
            ends_on: checks.date("ends_on", &form.ends_on),
            note: form.note.trim().to_owned(),
        };
        checks.finish()?;
        request.validate(today).map(|()| request)
    }

    /// Every rule broken, or `Ok`: a goal level 1–5, a period that has not ended and lasts at
    /// most a year.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        checks.text("competency", &self.competency, true, 40);
        checks.range("goal_level", i64::from(self.goal_level), 1, 5);
        checks.text("note", &self.note, false, MAX_MENTORING_NOTE);
        let days = (self.ends_on - self.starts_on).num_days() + 1;
        if self.ends_on < self.starts_on {
            checks.fail("ends_on", ValidationCode::EndsBeforeStart);
        } else if days > MAX_MENTORING_DAYS {
            checks.fail("ends_on", ValidationCode::OutOfRange { min: 1, max: MAX_MENTORING_DAYS });
        } else if self.ends_on < today {
            checks.fail("ends_on", ValidationCode::InThePast);
        }
        checks.finish()
    }
}

/// A session as one of the pair logs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoringSessionDraft {
    pub held_on: NaiveDate,
    pub minutes: i16,
    pub topic: String,
}

impl MentoringSessionDraft {
    /// Reads the form's fields.
    pub fn parse(
        held_on: &str,
        minutes: &str,
        topic: &str,
        today: NaiveDate,
    ) -> Result<Self, Vec<FieldError>> {
        let mut checks = Checks::default();
        let value = checks.whole_number("minutes", minutes, false);
        let draft = Self {
            held_on: checks.date("held_on", held_on),
            minutes: i16::try_from(value).unwrap_or(0),
            topic: topic.trim().to_owned(),
        };
        checks.finish()?;
        draft.validate(today).map(|()| draft)
    }

    /// Every rule broken, or `Ok`: 15 minutes to 8 hours, held by today, with a topic.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Vec<FieldError>> {
        let mut checks = Checks::default();
        let (min, max) = SESSION_MINUTES;
        checks.range("minutes", i64::from(self.minutes), min, max);
        checks.text("topic", &self.topic, true, MAX_SESSION_TOPIC);
        if self.held_on > today {
            checks.fail("held_on", ValidationCode::InTheFuture);
        }
        checks.finish()
    }
}

/// A mentor a junior may ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorSuggestion {
    pub person_id: i32,
    pub name: String,
    pub agency: String,
    pub unit: String,
    pub level: i16,
    pub free_places: i32,
    pub note: String,
}

/// One session of a mentorship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentoringSessionView {
    pub id: i32,
    pub held_on: NaiveDate,
    pub minutes: i16,
    pub topic: String,
    pub logged_by: String,
    /// Confirmed by the other one of the pair.
    pub confirmed: bool,
    /// Whether the viewer is the one to confirm it.
    pub viewer_confirms: bool,
}

/// A mentorship as one of the pair (or a lead of the mentee's agency) sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorshipView {
    pub id: i32,
    pub mentor: String,
    pub mentee: String,
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub goal_level: i16,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: MentorshipStatus,
    pub request_note: String,
    pub answer_note: String,
    /// The viewer is the mentor (answers the request, completes it).
    pub viewer_is_mentor: bool,
    /// The viewer is the mentee.
    pub viewer_is_mentee: bool,
    pub sessions: Vec<MentoringSessionView>,
    /// The time of the confirmed sessions, in minutes (what the JP are counted from).
    pub confirmed_minutes: u32,
}

/// One of the signed-in civil servant's offers to mentor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorOfferView {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub capacity: i16,
    /// Places taken by open requests and mentorships.
    pub held: i32,
    pub note: String,
    /// Withdrawn offers are kept (and may be renewed) but suggested to nobody.
    pub active: bool,
}

/// A competency the signed-in civil servant may offer to mentor (current level 4 or above).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorableCompetency {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub level: i16,
}

/// The signed-in person's mentoring page: their mentorships (as mentee and as mentor), their
/// offers, and what they may offer (empty for anyone who is not a civil servant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnMentoring {
    pub mentorships: Vec<MentorshipView>,
    pub offers: Vec<MentorOfferView>,
    pub mentorable: Vec<MentorableCompetency>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap_or_default()
    }

    fn form(goal: &str, starts: &str, ends: &str) -> MentorshipRequestForm {
        MentorshipRequestForm {
            competency: "MNJ-05".into(),
            mentor: "7".into(),
            goal_level: goal.into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
            note: " Mohon bimbingan ".into(),
        }
    }

    #[test]
    fn a_request_needs_a_goal_and_a_period_that_has_not_ended() {
        let read = MentorshipRequest::parse(&form("4", "2027-03-01", "2027-05-31"), day(10));
        assert_eq!(
            read.map(|r| (r.mentor, r.goal_level, r.note)),
            Ok((7, 4, "Mohon bimbingan".to_owned()))
        );
        let range = ValidationCode::OutOfRange { min: 1, max: 5 };
        assert_eq!(
            MentorshipRequest::parse(&form("6", "2027-03-01", "2027-03-31"), day(10)),
            Err(vec![FieldError::new("goal_level", range)])
        );
        assert_eq!(
            MentorshipRequest::parse(&form("4", "2027-03-05", "2027-03-01"), day(1)),
            Err(vec![FieldError::new("ends_on", ValidationCode::EndsBeforeStart)])
        );
        assert_eq!(
            MentorshipRequest::parse(&form("4", "2027-03-01", "2027-03-02"), day(10)),
            Err(vec![FieldError::new("ends_on", ValidationCode::InThePast)])
        );
        let long = MentorshipRequest::parse(&form("4", "2027-03-01", "2028-03-31"), day(1));
        assert_eq!(
            long,
            Err(vec![FieldError::new("ends_on", ValidationCode::OutOfRange { min: 1, max: 366 })])
        );
    }

    #[test]
    fn a_session_lasts_a_quarter_hour_to_eight_hours_and_has_happened() {
        let read =
            MentoringSessionDraft::parse("2027-03-09", "90", " Menyusun SOP aduan ", day(10));
        assert_eq!(read.map(|s| (s.minutes, s.topic)), Ok((90, "Menyusun SOP aduan".to_owned())));
        let short = MentoringSessionDraft::parse("2027-03-09", "10", "Singkat", day(10));
        assert_eq!(
            short,
            Err(vec![FieldError::new("minutes", ValidationCode::OutOfRange { min: 15, max: 480 })])
        );
        let ahead = MentoringSessionDraft::parse("2027-03-11", "60", "", day(10));
        assert_eq!(
            ahead,
            Err(vec![
                FieldError::new("topic", ValidationCode::Required),
                FieldError::new("held_on", ValidationCode::InTheFuture),
            ])
        );
    }

    #[test]
    fn open_mentorships_are_the_requested_and_the_active() {
        let open: Vec<_> = MentorshipStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, [MentorshipStatus::Requested, MentorshipStatus::Active]);
        for status in MentorshipStatus::ALL {
            assert_eq!(MentorshipStatus::from_db(status.as_db()), Some(status));
        }
    }
}
