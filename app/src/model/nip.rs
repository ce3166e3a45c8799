//! `Nip`: the 18-digit identity number of a PNS, validated by shape and by the dates it encodes.
//!
//! Layout (BKN): birth date `YYYYMMDD`, CPNS appointment month `YYYYMM`, sex (1 male, 2 female),
//! sequence number `NNN`. Used on both sides so the browser and the server reject the same input.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Why a string is not a valid NIP. Each variant has a translated message in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NipError {
    #[error("a NIP has exactly 18 digits")]
    Length,
    #[error("a NIP contains digits only")]
    NotDigits,
    #[error("the birth date in the NIP is not a real date")]
    BirthDate,
    #[error("the appointment month in the NIP is not a real month")]
    AppointmentMonth,
    #[error("the appointment is before the 18th birthday")]
    AppointedTooYoung,
    #[error("the sex digit of a NIP is 1 or 2")]
    Sex,
    #[error("the sequence number of a NIP starts at 001")]
    Sequence,
}

/// Sex as encoded in the 15th digit of a NIP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NipSex {
    Male,
    Female,
}

/// A validated NIP. Construct with [`Nip::parse`]; spaces (as printed on ID cards) are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

impl Nip {
    /// Parses and validates a NIP, accepting the usual spacing `19850312 201001 1 003`.
    pub fn parse(input: &str) -> Result<Self, NipError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length);
        }
        let number = |range: std::ops::Range<usize>| -> u32 {
            // Safe: all 18 characters are ASCII digits, checked above.
            digits[range].bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
        };
        let birth = NaiveDate::from_ymd_opt(number(0..4) as i32, number(4..6), number(6..8))
            .filter(|d| d.year() >= 1900)
            .ok_or(NipError::BirthDate)?;
        let (appointed_year, appointed_month) = (number(8..12) as i32, number(12..14));
        if !(1..=12).contains(&appointed_month) || !(1900..=2199).contains(&appointed_year) {
            return Err(NipError::AppointmentMonth);
        }
        let eighteen = (birth.year() + 18, birth.month());
        if (appointed_year, appointed_month) < eighteen {
            return Err(NipError::AppointedTooYoung);
        }
        if !matches!(number(14..15), 1 | 2) {
            return Err(NipError::Sex);
        }
        if number(15..18) == 0 {
            return Err(NipError::Sequence);
        }
        Ok(Self(digits))
    }

    /// The 18 digits without spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date encoded in the first eight digits.
    pub fn birth_date(&self) -> NaiveDate {
        let d = |r: std::ops::Range<usize>| self.0[r].parse::<u32>().unwrap_or_default();
        NaiveDate::from_ymd_opt(d(0..4) as i32, d(4..6), d(6..8)).unwrap_or_default()
    }

    /// The sex encoded in the 15th digit.
    pub fn sex(&self) -> NipSex {
        if &self.0[14..15] == "2" { NipSex::Female } else { NipSex::Male }
    }

    /// The grouped form printed on documents: `19850312 201001 1 003`.
    pub fn formatted(&self) -> String {
        let s = &self.0;
        format!("{} {} {} {}", &s[0..8], &s[8..14], &s[14..15], &s[15..18])
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Nip> for String {
    fn from(nip: Nip) -> Self {
        nip.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_a_valid_nip_with_or_without_spaces() {
        let nip = Nip::parse("19850312 201001 1 003").unwrap();
        assert_eq!(nip.as_str(), "198503122010011003");
        assert_eq!(nip.birth_date(), NaiveDate::from_ymd_opt(1985, 3, 12).unwrap());
        assert_eq!(nip.sex(), NipSex::Male);
        assert_eq!(nip.formatted(), "19850312 201001 1 003");
        assert_eq!(Nip::parse("199002292015032001"), Err(NipError::BirthDate));
        assert_eq!(Nip::parse("199202292015032001").unwrap().sex(), NipSex::Female);
    }

    #[test]
    fn rejects_each_kind_of_bad_nip() {
        assert_eq!(Nip::parse("1985031220100110"), Err(NipError::Length));
        assert_eq!(Nip::parse("19850312201001100A"), Err(NipError::NotDigits));
        assert_eq!(Nip::parse("198513122010011003"), Err(NipError::BirthDate));
        assert_eq!(Nip::parse("185003122010011003"), Err(NipError::BirthDate));
        assert_eq!(Nip::parse("198503122010131003"), Err(NipError::AppointmentMonth));
        assert_eq!(Nip::parse("198503122000011003"), Err(NipError::AppointedTooYoung));
        assert_eq!(Nip::parse("198503122010013003"), Err(NipError::Sex));
        assert_eq!(Nip::parse("198503122010011000"), Err(NipError::Sequence));
    }

    #[test]
    fn deserialising_validates() {
        let ok: Nip = serde_json::from_str("\"198503122010011003\"").unwrap();
        assert_eq!(ok.as_str(), "198503122010011003");
        assert!(serde_json::from_str::<Nip>("\"123\"").is_err());
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = Nip::parse(&s);
        }

        #[test]
        fn every_well_formed_nip_round_trips(
            birth in (1950i32..2005, 1u32..=12, 1u32..=28),
            years_later in 18i32..40,
            month in 1u32..=12,
            sex in 1u32..=2,
            seq in 1u32..=999,
        ) {
            let raw = format!(
                "{:04}{:02}{:02}{:04}{:02}{}{:03}",
                birth.0, birth.1, birth.2, birth.0 + years_later, month, sex, seq
            );
            let expect_ok = (birth.0 + years_later, month) >= (birth.0 + 18, birth.1);
            let parsed = Nip::parse(&raw);
            prop_assert_eq!(parsed.is_ok(), expect_ok);
            if let Ok(nip) = parsed {
                prop_assert_eq!(Nip::parse(&nip.formatted()).unwrap(), nip.clone());
                prop_assert_eq!(nip.birth_date().month(), birth.1);
            }
        }
    }
}
