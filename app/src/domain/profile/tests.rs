//! The profile rule and the gap arithmetic, on hand-made ratings.

use chrono::{Duration, TimeZone, Utc};

use super::*;

fn day(n: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).single().unwrap_or_default() + Duration::days(n)
}

fn rating(competency_id: i32, kind: AssessmentKind, level: i16, on: i64) -> Rating {
    Rating { competency_id, kind, level, at: day(on) }
}

#[test]
fn the_supervisor_outweighs_evidence_which_outweighs_the_self_assessment() {
    use AssessmentKind::*;
    let ratings = [
        rating(1, Supervisor, 2, 1),
        rating(1, Evidence, 4, 5),
        rating(1, SelfAssessed, 5, 9),
        rating(2, SelfAssessed, 5, 9),
        rating(2, Evidence, 3, 1),
        rating(3, SelfAssessed, 2, 1),
    ];
    let current = current_levels(&ratings);
    assert_eq!(current[&1], CurrentLevel { level: 2, kind: Supervisor, at: day(1) });
    assert_eq!(current[&2], CurrentLevel { level: 3, kind: Evidence, at: day(1) });
    assert_eq!(current[&3].level, 2);
    assert_eq!(current.len(), 3);
}

#[test]
fn within_a_kind_the_most_recent_counts_even_when_lower() {
    use AssessmentKind::*;
    // Passed out of order: the date decides, not the position.
    let ratings =
        [rating(7, Supervisor, 4, 3), rating(7, Supervisor, 2, 8), rating(7, Supervisor, 5, 6)];
    assert_eq!(current_levels(&ratings)[&7].level, 2);
    // Same moment: the later one passed.
    let tied = [rating(7, SelfAssessed, 1, 3), rating(7, SelfAssessed, 3, 3)];
    assert_eq!(current_levels(&tied)[&7].level, 3);
    assert!(current_levels(&[]).is_empty());
}

#[test]
fn a_gap_is_unknown_until_assessed_and_never_negative() {
    assert_eq!(Gap::of(3, None), Gap::Unassessed);
    assert_eq!(Gap::of(3, Some(3)), Gap::Meets);
    assert_eq!(Gap::of(3, Some(5)), Gap::Meets);
    assert_eq!(Gap::of(4, Some(1)), Gap::Below(3));
    assert_eq!(Gap::Unassessed.shortfall(), None);
    assert_eq!(Gap::Meets.shortfall(), Some(0));
    assert_eq!(Gap::Below(2).shortfall(), Some(2));
}

#[test]
fn a_group_counts_who_is_below_and_averages_the_assessed_only() {
    let group = group_gap([Gap::Below(2), Gap::Meets, Gap::Unassessed, Gap::Below(1)]);
    assert_eq!((group.required_of, group.below, group.unassessed), (4, 2, 1));
    assert_eq!(group.mean_gap, Some(1.0));
    let unknown = group_gap([Gap::Unassessed, Gap::Unassessed]);
    assert_eq!((unknown.required_of, unknown.unassessed, unknown.mean_gap), (2, 2, None));
    assert_eq!(group_gap([]), GroupGap::default());
}

#[test]
fn counted_gaps_weigh_like_as_many_members_one_by_one() {
    let counted = group_gap_counted([(Gap::Below(3), 2), (Gap::Meets, 5), (Gap::Unassessed, 4)]);
    let one_by_one = group_gap(
        [[Gap::Below(3); 2].as_slice(), &[Gap::Meets; 5], &[Gap::Unassessed; 4]].concat(),
    );
    assert_eq!(counted, one_by_one);
    assert_eq!((counted.required_of, counted.below, counted.unassessed), (11, 2, 4));
    assert_eq!(counted.mean_gap, Some(6.0 / 7.0));
    assert_eq!(group_gap_counted([(Gap::Below(1), 0)]), GroupGap::default());
}
