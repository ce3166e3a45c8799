//! JP (jam pelajaran): converting a piece of learning into the hours it credits, by a row of the
//! LAN conversion table (Peraturan LAN 10/2018). The rows are data (seeded, editable by the
//! province); this is only the arithmetic a row describes.

use serde::{Deserialize, Serialize};

/// How a row of the conversion table counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum JpBasis {
    /// The programme's own JP, scaled by a percentage (100 = as declared; 120 = +20%).
    ProgrammePercent { national: u32, international: u32 },
    /// A fixed number of JP per day attended (seminars: 4 national, 6 international).
    PerDay { national: u32, international: u32 },
}

/// Whether the learning was national or international (the table's two columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    National,
    International,
}

/// What the person did: the programme's declared JP and the days attended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Learning {
    pub scope: Scope,
    pub programme_jp: u32,
    pub days: u32,
}

impl JpBasis {
    /// The JP credited, rounded down to whole hours (a ledger counts whole JP).
    pub fn credit(self, learning: Learning) -> u32 {
        let pick = |national: u32, international: u32| match learning.scope {
            Scope::National => national,
            Scope::International => international,
        };
        match self {
            Self::ProgrammePercent { national, international } => {
                let percent = u64::from(pick(national, international));
                u32::try_from(u64::from(learning.programme_jp) * percent / 100).unwrap_or(u32::MAX)
            }
            Self::PerDay { national, international } => {
                pick(national, international).saturating_mul(learning.days)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRAINING: JpBasis = JpBasis::ProgrammePercent { national: 100, international: 120 };
    const SEMINAR: JpBasis = JpBasis::PerDay { national: 4, international: 6 };
    const WORKSHOP: JpBasis = JpBasis::PerDay { national: 5, international: 7 };

    fn learning(scope: Scope, programme_jp: u32, days: u32) -> Learning {
        Learning { scope, programme_jp, days }
    }

    #[test]
    fn the_rows_of_domain_md() {
        assert_eq!(TRAINING.credit(learning(Scope::National, 30, 4)), 30);
        assert_eq!(TRAINING.credit(learning(Scope::International, 30, 4)), 36);
        assert_eq!(SEMINAR.credit(learning(Scope::National, 0, 2)), 8);
        assert_eq!(SEMINAR.credit(learning(Scope::International, 0, 2)), 12);
        assert_eq!(WORKSHOP.credit(learning(Scope::National, 0, 3)), 15);
        assert_eq!(WORKSHOP.credit(learning(Scope::International, 0, 1)), 7);
    }

    #[test]
    fn fractions_round_down_and_nothing_overflows() {
        assert_eq!(TRAINING.credit(learning(Scope::International, 7, 1)), 8); // 8.4
        let huge = learning(Scope::International, u32::MAX, u32::MAX);
        assert_eq!(TRAINING.credit(huge), u32::MAX);
        assert_eq!(SEMINAR.credit(huge), u32::MAX);
    }
}
