//! Training evaluation in three of Kirkpatrick's levels, aggregated per course or per
//! university: reaction (the participants' 1–5 rating after completing), learning (the mean
//! post-test minus pre-test change of those with both scores), behaviour (the supervisor's 1–5
//! rating of how the learning shows on the job, some weeks later); with the completion rate,
//! they make the track record the matching engine weighs.

use serde::{Deserialize, Serialize};

use super::matching::TrackRecord;

/// What one enrollment that ended contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    pub completed: bool,
    /// 0–100 each.
    pub pre_test: Option<i16>,
    pub post_test: Option<i16>,
    /// 1–5, from the participant.
    pub reaction: Option<i16>,
    /// 1–5, from the supervisor.
    pub behaviour: Option<i16>,
}

/// The aggregates of a course or a university.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Enrollments that ended (completed or not).
    pub ended: u32,
    pub completed: u32,
    pub reactions: u32,
    pub mean_reaction: Option<f32>,
    /// Enrollments with both scores.
    pub tested: u32,
    /// Mean post − pre, in points (may be negative).
    pub mean_learning: Option<f32>,
    pub behaviours: u32,
    pub mean_behaviour: Option<f32>,
}

impl Summary {
    /// Completed / ended, none before anything ended.
    pub fn completion_rate(&self) -> Option<f32> {
        (self.ended > 0).then(|| self.completed as f32 / self.ended as f32)
    }

    /// The track record the matching engine weighs: only once something ended and someone
    /// rated it, since a completion rate alone says little of the teaching.
    pub fn track_record(&self) -> Option<TrackRecord> {
        Some(TrackRecord {
            completion_rate: self.completion_rate()?,
            evaluation: self.mean_reaction?,
        })
    }
}

/// The counts and sums behind a [`Summary`], as a database aggregate returns them (a `COUNT` of
/// those who gave a level and the `SUM` of what they gave), so that the means are taken by one
/// rule whether the outcomes were read one by one or summed in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub ended: u32,
    pub completed: u32,
    pub reactions: u32,
    pub reaction_sum: i64,
    pub tested: u32,
    /// Σ (post − pre) over those with both scores.
    pub learning_sum: i64,
    pub behaviours: u32,
    pub behaviour_sum: i64,
}

impl Totals {
    /// Adds what one ended enrollment contributes.
    pub fn add(&mut self, outcome: Outcome) {
        self.ended += 1;
        self.completed += u32::from(outcome.completed);
        if let Some(r) = outcome.reaction {
            self.reactions += 1;
            self.reaction_sum += i64::from(r);
        }
        if let (Some(pre), Some(post)) = (outcome.pre_test, outcome.post_test) {
            self.tested += 1;
            self.learning_sum += i64::from(post) - i64::from(pre);
        }
        if let Some(b) = outcome.behaviour {
            self.behaviours += 1;
            self.behaviour_sum += i64::from(b);
        }
    }
}

impl From<Totals> for Summary {
    /// Each mean over only those who gave it; none when nobody did.
    fn from(t: Totals) -> Self {
        let mean = |sum: i64, count: u32| (count > 0).then(|| sum as f32 / count as f32);
        Summary {
            ended: t.ended,
            completed: t.completed,
            reactions: t.reactions,
            mean_reaction: mean(t.reaction_sum, t.reactions),
            tested: t.tested,
            mean_learning: mean(t.learning_sum, t.tested),
            behaviours: t.behaviours,
            mean_behaviour: mean(t.behaviour_sum, t.behaviours),
        }
    }
}

/// Aggregates the outcomes of the enrollments that ended.
pub fn summarise(outcomes: impl IntoIterator<Item = Outcome>) -> Summary {
    let mut totals = Totals::default();
    for outcome in outcomes {
        totals.add(outcome);
    }
    totals.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ended(
        completed: bool,
        scores: (Option<i16>, Option<i16>),
        reaction: Option<i16>,
    ) -> Outcome {
        Outcome { completed, pre_test: scores.0, post_test: scores.1, reaction, behaviour: None }
    }

    #[test]
    fn each_level_averages_only_those_who_gave_it() {
        let summary = summarise([
            ended(true, (Some(40), Some(80)), Some(5)),
            ended(true, (Some(60), Some(70)), None),
            ended(false, (None, Some(30)), Some(2)),
            Outcome { behaviour: Some(4), ..ended(true, (Some(50), Some(40)), Some(4)) },
        ]);
        assert_eq!((summary.ended, summary.completed, summary.reactions), (4, 3, 3));
        assert_eq!(summary.mean_reaction, Some(11.0 / 3.0));
        // (40 + 10 − 10) / 3: a score that fell counts against the course.
        assert_eq!((summary.tested, summary.mean_learning), (3, Some(40.0 / 3.0)));
        assert_eq!((summary.behaviours, summary.mean_behaviour), (1, Some(4.0)));
        assert_eq!(summary.completion_rate(), Some(0.75));
        let record = summary.track_record().unwrap_or_else(|| panic!("rated"));
        assert_eq!((record.completion_rate, record.evaluation), (0.75, 11.0 / 3.0));
    }

    #[test]
    fn no_track_record_before_anything_ended_and_was_rated() {
        assert_eq!(summarise([]), Summary::default());
        assert_eq!(summarise([]).completion_rate(), None);
        let unrated = summarise([ended(true, (None, None), None)]);
        assert_eq!(unrated.completion_rate(), Some(1.0));
        assert_eq!(unrated.track_record(), None);
    }
}
