//! Mentoring's rules: who may mentor a competency (level 4 or above in the current profile), how
//! mentors are suggested to a junior (those with a free place first, then colleagues of the same
//! agency, then the more proficient), and how confirmed session time becomes the programme's JP
//! (45-minute lesson hours, whole hours only) for the conversion table's mentoring rows.

use std::cmp::Reverse;

use super::jp::{JpBasis, Learning, Scope};

/// The lowest current level at which a civil servant may offer to mentor a competency.
pub const MENTOR_MIN_LEVEL: i16 = 4;
/// One JP (jam pelajaran) is a lesson hour of 45 minutes.
pub const MINUTES_PER_JP: u32 = 45;

/// Whether someone at `current` (none: never assessed) may mentor the competency.
pub fn may_mentor(current: Option<i16>) -> bool {
    current.is_some_and(|level| level >= MENTOR_MIN_LEVEL)
}

/// A mentor who offered the competency, as a junior's suggestion list weighs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorCandidate {
    pub person_id: i32,
    /// Their current level in the competency (it may have changed since they offered).
    pub level: Option<i16>,
    pub same_agency: bool,
    /// Their capacity less the mentees they have now (requested or active).
    pub free_places: i32,
}

/// The candidates worth suggesting, best first: only those still at the mentoring level with a
/// free place; a colleague of the same agency before others (meeting is easier), then the
/// higher level, then the more free places, then the earlier id (a stable order).
pub fn suggest(mut candidates: Vec<MentorCandidate>) -> Vec<MentorCandidate> {
    candidates.retain(|c| may_mentor(c.level) && c.free_places > 0);
    candidates.sort_by_key(|c| {
        (Reverse(c.same_agency), Reverse(c.level), Reverse(c.free_places), c.person_id)
    });
    candidates
}

/// The programme's JP of `minutes` of confirmed sessions: whole lesson hours.
pub fn programme_jp(minutes: u32) -> u32 {
    minutes / MINUTES_PER_JP
}

/// The JP a completed mentoring credits through a conversion-table row (`basis`), for
/// `minutes` of confirmed sessions; 0 when the row credits nothing.
pub fn credit(basis: JpBasis, minutes: u32) -> u32 {
    let learning =
        Learning { scope: Scope::National, programme_jp: programme_jp(minutes), days: 0 };
    basis.credit(learning)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(person_id: i32, level: i16, same_agency: bool, free: i32) -> MentorCandidate {
        MentorCandidate { person_id, level: Some(level), same_agency, free_places: free }
    }

    #[test]
    fn only_level_four_and_above_may_mentor() {
        assert!(!may_mentor(None));
        assert!(!may_mentor(Some(3)));
        assert!(may_mentor(Some(4)) && may_mentor(Some(5)));
    }

    #[test]
    fn suggestions_put_free_colleagues_first_then_the_more_proficient() {
        let ranked = suggest(vec![
            candidate(1, 5, false, 2),
            candidate(2, 4, true, 1),
            candidate(3, 5, true, 0), // full
            candidate(4, 3, true, 3), // no longer at the mentoring level
            candidate(5, 5, true, 1),
            candidate(6, 5, false, 3),
            MentorCandidate { level: None, ..candidate(7, 5, true, 1) },
        ]);
        let order: Vec<i32> = ranked.iter().map(|c| c.person_id).collect();
        assert_eq!(order, [5, 2, 6, 1]);
    }

    #[test]
    fn confirmed_time_becomes_whole_lesson_hours_through_the_row() {
        assert_eq!(programme_jp(44), 0);
        assert_eq!(programme_jp(90), 2);
        assert_eq!(programme_jp(134), 2);
        let mentee = JpBasis::ProgrammePercent { national: 100, international: 120 };
        let mentor = JpBasis::ProgrammePercent { national: 50, international: 60 };
        let none = JpBasis::ProgrammePercent { national: 0, international: 0 };
        // Six sessions of 90 minutes: 12 JP to the mentee, 6 to the mentor.
        assert_eq!((credit(mentee, 540), credit(mentor, 540), credit(none, 540)), (12, 6, 0));
        // Half of 3 JP is 1: whole hours, rounded down.
        assert_eq!(credit(mentor, 135), 1);
    }
}
