//! Demo dates: written for the week of 30 November 2026 and moved by whole weeks to the week
//! the demo is seeded in, so its courses and needs always lie ahead of that day, on the same
//! weekdays and as far apart as written.

use chrono::{Duration, NaiveDate, Utc};

use crate::domain::calendar::WIB;
use crate::error::AppError;

/// The Monday of the week the demo's dates were written for.
const WRITTEN_FOR: (i32, u32, u32) = (2026, 11, 30);

/// Today in Lampung (WIB): the day the demo is seeded on.
pub fn seed_day() -> NaiveDate {
    Utc::now().with_timezone(&WIB).date_naive()
}

/// The demo date written as `(year, month, day)`, moved to the week of `seeded_on` (never
/// earlier than written).
pub fn demo_date(
    (year, month, day): (i32, u32, u32),
    seeded_on: NaiveDate,
) -> Result<NaiveDate, AppError> {
    let written = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| AppError::internal(format!("seed date {year}-{month}-{day}")))?;
    let (y, m, d) = WRITTEN_FOR;
    let reference = NaiveDate::from_ymd_opt(y, m, d).unwrap_or(written);
    let weeks = (seeded_on - reference).num_days().div_euclid(7).max(0);
    Ok(written + Duration::weeks(weeks))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_move_by_whole_weeks_from_the_week_they_were_written_for() {
        let course = (2026, 12, 14);
        // In the week written for (Monday to Sunday), and before it: as written.
        for seeded in [date(2026, 11, 30), date(2026, 12, 6), date(2026, 11, 1)] {
            assert_eq!(demo_date(course, seeded).unwrap(), date(2026, 12, 14), "{seeded}");
        }
        // A week later (any day of that week), a week later; weekdays stay.
        assert_eq!(demo_date(course, date(2026, 12, 7)).unwrap(), date(2026, 12, 21));
        assert_eq!(demo_date(course, date(2026, 12, 13)).unwrap(), date(2026, 12, 21));
        let next_year = demo_date(course, date(2027, 12, 1)).unwrap();
        assert_eq!(next_year, date(2027, 12, 13));
        assert_eq!(chrono::Datelike::weekday(&next_year), chrono::Weekday::Mon);
        // Distances between dates are kept, so a course still starts before a need's deadline.
        let deadline = demo_date((2027, 6, 30), date(2027, 12, 1)).unwrap();
        assert_eq!(deadline - next_year, date(2027, 6, 30) - date(2026, 12, 14));
        assert!(demo_date((2027, 2, 30), date(2027, 1, 1)).is_err());
    }
}
