//! A certificate as its verification page shows it, the number printed on it, and how a typed
//! or scanned code is read.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The characters of a certificate code: Crockford's base32 (no I, L, O, U), upper case.
pub const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The length of a certificate code: 20 characters, 100 random bits.
pub const CODE_LEN: usize = 20;
/// The longest reason for a revocation.
pub const MAX_REVOKE_REASON: usize = 1_000;

/// The number printed on a certificate and recorded in SIASN: the year it was issued and its
/// sequence, e.g. `SNG/2026/000042`.
pub fn certificate_number(id: i32, issued_at: DateTime<Utc>) -> String {
    let year = issued_at.with_timezone(&crate::domain::calendar::WIB).year();
    format!("SNG/{year}/{id:06}")
}

/// A code as a person may type it (lower case, with dashes or spaces, I/L for 1, O for 0),
/// in its stored form; `None` when it cannot be a code.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

/// A code in groups of four, as printed: `ABCD-EFGH-…`.
pub fn grouped_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// What the public verification page says about a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    pub code: String,
    pub number: String,
    pub holder_name: String,
    pub course_title: String,
    pub course_slug: String,
    pub university_name: String,
    pub jp: i32,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    pub completed_on: NaiveDate,
    pub issued_at: DateTime<Utc>,
    /// Set when the university revoked it.
    pub revoked: Option<Revocation>,
    /// The competencies the course develops.
    pub competencies: Vec<CertifiedCompetency>,
    /// The QR code of the verification page, as SVG drawn on the server.
    pub qr_svg: String,
    /// Whether the viewer may revoke it (an academic of its university).
    pub may_revoke: bool,
}

/// A competency a certified course develops, named in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedCompetency {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
}

/// Why and when a certificate was revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub at: DateTime<Utc>,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn typed_codes_are_read_forgivingly_and_strictly_checked() {
        let stored = "0123456789ABCDEFGHJK";
        assert_eq!(normalise_code(stored).as_deref(), Some(stored));
        assert_eq!(normalise_code("0123-4567-89ab-cdef-ghjk").as_deref(), Some(stored));
        assert_eq!(normalise_code("O123 4567 89AB CDEF GHJK").as_deref(), Some(stored));
        assert_eq!(normalise_code("0l23456789abcdefghjk").as_deref(), Some(stored), "l is 1");
        assert_eq!(normalise_code("0123456789ABCDEFGHJ"), None, "too short");
        assert_eq!(normalise_code("0123456789ABCDEFGHJKM"), None, "too long");
        assert_eq!(normalise_code("0123456789ABCDEFGHJU"), None, "U is not in the alphabet");
        assert_eq!(normalise_code("<script>alert(1)</sc"), None);
    }

    #[test]
    fn numbers_carry_the_wib_year_and_six_digits() {
        let new_year_wib = Utc.with_ymd_and_hms(2026, 12, 31, 17, 30, 0).unwrap();
        assert_eq!(certificate_number(42, new_year_wib), "SNG/2027/000042");
        let before = Utc.with_ymd_and_hms(2026, 12, 31, 16, 59, 0).unwrap();
        assert_eq!(certificate_number(1_234_567, before), "SNG/2026/1234567");
    }

    #[test]
    fn codes_print_in_groups_of_four() {
        assert_eq!(grouped_code("0123456789ABCDEFGHJK"), "0123-4567-89AB-CDEF-GHJK");
    }
}
