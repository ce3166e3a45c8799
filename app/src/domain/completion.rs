//! Completion criteria: whether a participant completed a course when it closes — attendance at
//! or above the course's minimum share of sessions, and a post-test score at or above its
//! minimum — and, if not, every reason why.

use serde::{Deserialize, Serialize};

/// A course's criteria, as its page states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criteria {
    pub min_attendance_percent: u32,
    /// 0: no post-test is required.
    pub min_post_test: u32,
}

/// What one participant did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub sessions: u32,
    pub attended: u32,
    pub post_test: Option<u32>,
}

impl Record {
    /// The share of sessions attended, in whole percent rounded down (a course without
    /// sessions counts as fully attended).
    pub fn attendance_percent(self) -> u32 {
        if self.sessions == 0 {
            return 100;
        }
        let attended = u64::from(self.attended.min(self.sessions));
        u32::try_from(attended * 100 / u64::from(self.sessions)).unwrap_or(100)
    }
}

/// Why a participant did not complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shortfall {
    /// Attended `percent` of the sessions, below `required`.
    Attendance { percent: u32, required: u32 },
    /// Scored `score` (none: no post-test score) below `required`.
    PostTest { score: Option<u32>, required: u32 },
}

/// Completed, or not with the reasons.
pub fn evaluate(criteria: Criteria, record: Record) -> Result<(), Vec<Shortfall>> {
    let mut short = Vec::new();
    let percent = record.attendance_percent();
    if percent < criteria.min_attendance_percent {
        short.push(Shortfall::Attendance { percent, required: criteria.min_attendance_percent });
    }
    if criteria.min_post_test > 0 && record.post_test.is_none_or(|s| s < criteria.min_post_test) {
        short.push(Shortfall::PostTest {
            score: record.post_test,
            required: criteria.min_post_test,
        });
    }
    if short.is_empty() { Ok(()) } else { Err(short) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const USUAL: Criteria = Criteria { min_attendance_percent: 80, min_post_test: 70 };

    fn record(sessions: u32, attended: u32, post_test: Option<u32>) -> Record {
        Record { sessions, attended, post_test }
    }

    #[test]
    fn both_minimums_met_exactly_is_completion() {
        assert_eq!(evaluate(USUAL, record(5, 4, Some(70))), Ok(()));
        assert_eq!(evaluate(USUAL, record(10, 10, Some(100))), Ok(()));
    }

    #[test]
    fn each_shortfall_is_reported_and_both_together() {
        assert_eq!(
            evaluate(USUAL, record(5, 3, Some(90))),
            Err(vec![Shortfall::Attendance { percent: 60, required: 80 }])
        );
        assert_eq!(
            evaluate(USUAL, record(5, 5, Some(69))),
            Err(vec![Shortfall::PostTest { score: Some(69), required: 70 }])
        );
        assert_eq!(
            evaluate(USUAL, record(3, 2, None)),
            Err(vec![
                Shortfall::Attendance { percent: 66, required: 80 },
                Shortfall::PostTest { score: None, required: 70 },
            ])
        );
    }

    #[test]
    fn percentages_round_down_and_odd_records_stay_sane() {
        // 2 of 3 is 66.7%: below a 67% minimum.
        let strict = Criteria { min_attendance_percent: 67, min_post_test: 0 };
        assert!(evaluate(strict, record(3, 2, None)).is_err());
        // No sessions: nothing to miss. More ticks than sessions: capped at 100%.
        assert_eq!(record(0, 0, None).attendance_percent(), 100);
        assert_eq!(record(2, 5, None).attendance_percent(), 100);
        // No post-test required: a missing score is no shortfall.
        assert_eq!(evaluate(strict, record(3, 3, None)), Ok(()));
    }
}
