//! Enrollment as both sides see it: where a person's place in a course stands, what asking for
//! one gave, and the rules of when a place may still be given up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest reason for a refusal or a cancellation.
pub const MAX_ENROLLMENT_NOTE: usize = 1_000;

/// Where one enrollment stands. `Pending` and `Enrolled` hold a seat, `Waitlisted` is in line for
/// one (first come, first served); the others have ended and hold nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrollmentStatus {
    /// Holds a seat; waits for the agency lead's approval.
    Pending,
    Enrolled,
    Waitlisted,
    /// The agency lead refused it (with a reason).
    Refused,
    /// Given up by the person or their agency lead.
    Cancelled,
    Completed,
    NotCompleted,
}

impl EnrollmentStatus {
    pub const ALL: [Self; 7] = [
        Self::Pending,
        Self::Enrolled,
        Self::Waitlisted,
        Self::Refused,
        Self::Cancelled,
        Self::Completed,
        Self::NotCompleted,
    ];

    /// The states still going; a person holds at most one of them per course.
    pub const ACTIVE: [Self; 3] = [Self::Pending, Self::Enrolled, Self::Waitlisted];

    pub fn as_db(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Enrolled => "enrolled",
            Self::Waitlisted => "waitlisted",
            Self::Refused => "refused",
            Self::Cancelled => "cancelled",
            Self::Completed => "completed",
            Self::NotCompleted => "not_completed",
        }
    }

    pub fn from_db(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_db() == value)
    }

    /// Whether it occupies a seat of its pool.
    pub fn holds_seat(self) -> bool {
        matches!(self, Self::Pending | Self::Enrolled | Self::Completed | Self::NotCompleted)
    }

    /// Whether it is still going (at most one per person and course).
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    /// The state a person who just got a seat is in: waiting for approval where their agency
    /// asks for it, else enrolled.
    pub fn on_seat(approval_required: bool) -> Self {
        if approval_required { Self::Pending } else { Self::Enrolled }
    }
}

/// What asking for a place gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EnrollmentOutcome {
    /// A seat is held; `status` says whether it awaits the agency's approval.
    Seated { enrollment_id: i32, status: EnrollmentStatus },
    /// No seat was free: in line at `position` (1 = next to be promoted).
    Waitlisted { enrollment_id: i32, position: u32 },
}

/// The last day a held seat may still be given up: the day enrollment closes (in WIB). After it
/// the class is planned around its participants; a waitlisted place may always be left.
pub fn may_cancel(status: EnrollmentStatus, today: NaiveDate, closes_on: NaiveDate) -> bool {
    match status {
        EnrollmentStatus::Waitlisted => true,
        EnrollmentStatus::Pending | EnrollmentStatus::Enrolled => today <= closes_on,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_classify() {
        for status in EnrollmentStatus::ALL {
            assert_eq!(EnrollmentStatus::from_db(status.as_db()), Some(status));
            if status.is_active() {
                assert_ne!(status, EnrollmentStatus::Completed);
            }
        }
        assert_eq!(EnrollmentStatus::from_db("enroled"), None);
        let seated: Vec<_> = EnrollmentStatus::ALL.into_iter().filter(|s| s.holds_seat()).collect();
        assert_eq!(seated.len(), 4);
        assert!(!EnrollmentStatus::Waitlisted.holds_seat());
        assert!(!EnrollmentStatus::Cancelled.holds_seat());
        assert_eq!(EnrollmentStatus::on_seat(true), EnrollmentStatus::Pending);
        assert_eq!(EnrollmentStatus::on_seat(false), EnrollmentStatus::Enrolled);
    }

    #[test]
    fn a_seat_may_be_given_up_until_enrollment_closes() {
        let closes = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(may_cancel(EnrollmentStatus::Enrolled, day(10), closes));
        assert!(!may_cancel(EnrollmentStatus::Enrolled, day(11), closes));
        assert!(may_cancel(EnrollmentStatus::Pending, day(1), closes));
        assert!(may_cancel(EnrollmentStatus::Waitlisted, day(20), closes));
        assert!(!may_cancel(EnrollmentStatus::Completed, day(1), closes));
        assert!(!may_cancel(EnrollmentStatus::Cancelled, day(1), closes));
    }
}
