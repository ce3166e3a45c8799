//! The competency profile rule: from every rating of a civil servant's level (their own, their
//! supervisor's, and the evidence of the courses they completed) to one current level per
//! competency, and from the current levels to the gaps against a position's standard.
//!
//! **The rule.** For each competency, the supervisor's assessment counts over verified evidence,
//! and evidence over the self-assessment: a supervisor watches the work, a certificate shows a
//! course's level was reached, a self-assessment is a claim. Within the strongest kind present,
//! the most recent rating counts, even when it is lower: a level can be lost, and the newest
//! judgement is the one to act on. Ratings are never overwritten; the rule reads them all.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::model::AssessmentKind;

#[cfg(test)]
mod tests;

/// One rating of a level, from whatever source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub competency_id: i32,
    pub kind: AssessmentKind,
    /// 1 to 5.
    pub level: i16,
    pub at: DateTime<Utc>,
}

/// The level that counts now in one competency, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentLevel {
    pub level: i16,
    pub kind: AssessmentKind,
    pub at: DateTime<Utc>,
}

/// How much a kind of rating weighs: the higher wins, whatever the dates.
fn weight(kind: AssessmentKind) -> u8 {
    match kind {
        AssessmentKind::SelfAssessed => 0,
        AssessmentKind::Evidence => 1,
        AssessmentKind::Supervisor => 2,
    }
}

/// The current level per competency id, by the rule above. Of two ratings of the same kind
/// and the same moment, the later in `ratings` counts (callers pass them oldest first).
pub fn current_levels(ratings: &[Rating]) -> HashMap<i32, CurrentLevel> {
    let mut current: HashMap<i32, CurrentLevel> = HashMap::new();
    for rating in ratings {
        let candidate = CurrentLevel { level: rating.level, kind: rating.kind, at: rating.at };
        current
            .entry(rating.competency_id)
            .and_modify(|held| {
                let (new, old) = (weight(rating.kind), weight(held.kind));
                if new > old || (new == old && rating.at >= held.at) {
                    *held = candidate;
                }
            })
            .or_insert(candidate);
    }
    current
}

/// Where a civil servant stands against one required level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Never assessed in any way: unknown, which is not the same as level 0.
    Unassessed,
    /// At or above the required level.
    Meets,
    /// Below it by this many levels (1 to 4).
    Below(i16),
}

impl Gap {
    /// The gap between `required` and `current`.
    pub fn of(required: i16, current: Option<i16>) -> Self {
        match current {
            None => Self::Unassessed,
            Some(level) if level >= required => Self::Meets,
            Some(level) => Self::Below(required - level),
        }
    }

    /// The levels still missing: 0 when met, none when unknown.
    pub fn shortfall(self) -> Option<i16> {
        match self {
            Self::Unassessed => None,
            Self::Meets => Some(0),
            Self::Below(levels) => Some(levels),
        }
    }
}

/// A group's standing (a unit, an agency) in one competency its members' positions require.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GroupGap {
    /// Members whose position requires the competency.
    pub required_of: u32,
    /// Of those, assessed below the required level.
    pub below: u32,
    /// Of those, never assessed in it.
    pub unassessed: u32,
    /// The mean shortfall of the assessed ones (0 when all meet it); none when nobody is assessed.
    pub mean_gap: Option<f64>,
}

/// Aggregates the gaps of a group's members in one competency (one per member it is required of).
pub fn group_gap(gaps: impl IntoIterator<Item = Gap>) -> GroupGap {
    group_gap_counted(gaps.into_iter().map(|gap| (gap, 1)))
}

/// The same as [`group_gap`], each gap standing for `count` members alike (figures counted in
/// the database rather than member by member).
pub fn group_gap_counted(gaps: impl IntoIterator<Item = (Gap, u32)>) -> GroupGap {
    let mut group = GroupGap::default();
    let (mut assessed, mut missing) = (0u32, 0i64);
    for (gap, count) in gaps {
        group.required_of += count;
        match gap.shortfall() {
            None => group.unassessed += count,
            Some(levels) => {
                assessed += count;
                missing += i64::from(levels) * i64::from(count);
                if levels > 0 {
                    group.below += count;
                }
            }
        }
    }
    if assessed > 0 {
        group.mean_gap = Some(missing as f64 / f64::from(assessed));
    }
    group
}
