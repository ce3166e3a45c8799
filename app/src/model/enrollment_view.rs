//! Enrollment as the pages show it: a course's seats and the viewer's place in it, a civil
//! servant's own courses, an agency lead's approvals, and a collaboration's nominees.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{CompetencyTag, EnrollmentStatus};

/// One person's place in a course, as they see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnPlace {
    pub enrollment_id: i32,
    pub status: EnrollmentStatus,
    /// In line: how many are ahead, plus one.
    pub position: Option<u32>,
    /// Whether it may still be given up (see `may_cancel`).
    pub may_cancel: bool,
}

/// What the viewer of a course page may do about a seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatViewer {
    /// Not signed in: signing in as a civil servant is the way to enroll.
    Visitor,
    /// Signed in but not a civil servant: enrollment is not for them.
    NotStaff,
    /// A civil servant without a place in this course.
    MayEnroll,
    /// A civil servant with a place (or in line).
    Holds(OwnPlace),
}

/// A course's seats for its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseSeats {
    pub slug: String,
    pub capacity: i32,
    pub taken: i32,
    pub waiting: i32,
    /// Whether it takes enrollments today (published, within its enrollment period).
    pub open: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub viewer: SeatViewer,
}

impl CourseSeats {
    pub fn free(&self) -> i32 {
        (self.capacity - self.taken).max(0)
    }
}

/// One of the signed-in person's enrollments, newest first on their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEnrollment {
    pub place: OwnPlace,
    pub course_slug: String,
    pub course_title: String,
    pub university: String,
    pub first_day: Option<NaiveDate>,
    pub jp: i32,
    /// Nominated by an agency lead (their name), not self-enrolled.
    pub nominated_by: Option<String>,
    /// Why it was refused or cancelled.
    pub note: String,
    pub created_at: DateTime<Utc>,
    /// After the course closed: the share of sessions attended and the post-test score, with
    /// the course's minimums (why it was or was not completed).
    pub attendance_percent: Option<i16>,
    pub post_test: Option<i16>,
    pub min_attendance_percent: i16,
    pub min_post_test: i16,
    pub completed_at: Option<DateTime<Utc>>,
    /// The code of the certificate, once completed.
    pub certificate: Option<String>,
    /// The participant's own rating of the course (1–5), once given.
    pub reaction: Option<i16>,
}

/// One enrollment waiting for an agency lead's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingEnrollment {
    pub enrollment_id: i32,
    pub person: String,
    pub nip: Option<String>,
    pub unit: Option<String>,
    pub course_slug: String,
    pub course_title: String,
    pub first_day: Option<NaiveDate>,
    pub jp: i32,
    pub requested_at: DateTime<Utc>,
}

/// An agency whose enrollments the viewer leads: its rule and what waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyApprovals {
    pub slug: String,
    pub name: String,
    pub approval_required: bool,
    pub pending: Vec<PendingEnrollment>,
}

/// A civil servant of the agency an agency lead may nominate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffChoice {
    pub person_id: i32,
    pub name: String,
    pub nip: Option<String>,
    pub unit: Option<String>,
}

/// Someone holding (or having held) one of a collaboration's reserved seats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nominee {
    pub name: String,
    pub unit: Option<String>,
    pub status: EnrollmentStatus,
}

/// The seats a collaboration reserved on its course, and who holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollaborationSeats {
    pub reserved: i32,
    pub taken: i32,
    /// How many nominees completed the course, and how many the need asked for (a competency
    /// need's headcount): the need is fulfilled when the first reaches the second.
    pub completed: u32,
    pub headcount: Option<u32>,
    pub nominees: Vec<Nominee>,
    /// For the agency's leads: the staff not yet in the course (narrowed by `filter`), else
    /// empty.
    pub staff: Vec<StaffChoice>,
    /// The agency's units, for the filter (leads only).
    pub units: Vec<String>,
    pub filter: StaffFilter,
    /// The competency and level the need asks for, which `filter.gap_only` measures against;
    /// `None` for a need that names none.
    pub gap_target: Option<CompetencyTag>,
    pub may_nominate: bool,
}

/// How an agency lead narrows the staff to nominate.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFilter {
    /// Only the staff of this unit.
    pub unit: Option<String>,
    /// Only the staff with a gap in the need's competency: no certificate that stands from a
    /// course bringing it to the need's target level or above.
    pub gap_only: bool,
}
