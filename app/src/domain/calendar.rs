//! Time rules: Sinergi stores UTC and reasons in Western Indonesian Time (WIB, UTC+7).

use chrono::{DateTime, Datelike, FixedOffset, Utc};

/// WIB, the time zone of Lampung. Indonesia has no daylight saving time, so a fixed offset is exact.
pub const WIB: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"), // evaluated at compile time
};

/// The calendar year (in WIB) an instant belongs to: the year of a JP ledger entry.
pub fn ledger_year(at: DateTime<Utc>) -> i32 {
    at.with_timezone(&WIB).year()
}

/// An RFC 3339 instant shown in WIB as `dd-mm-yyyy hh:mm WIB`; the input as is if unreadable.
pub fn format_wib(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|at| at.with_timezone(&WIB).format("%d-%m-%Y %H:%M WIB").to_string())
        .unwrap_or_else(|_| rfc3339.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn new_year_in_lampung_comes_seven_hours_before_utc() {
        let before_midnight_wib = Utc.with_ymd_and_hms(2026, 12, 31, 16, 59, 59).unwrap();
        let after_midnight_wib = Utc.with_ymd_and_hms(2026, 12, 31, 17, 0, 0).unwrap();
        assert_eq!(ledger_year(before_midnight_wib), 2026);
        assert_eq!(ledger_year(after_midnight_wib), 2027);
    }

    #[test]
    fn instants_are_shown_in_wib() {
        assert_eq!(format_wib("2026-12-31T17:30:00+00:00"), "01-01-2027 00:30 WIB");
        assert_eq!(format_wib("not a date"), "not a date");
    }
}
