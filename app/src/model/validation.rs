//! Field-level validation results, carried by `AppError::Invalid` and translated in the UI.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{EmailError, NipError, PasswordError};

/// Which rule an input broke. Stable codes: the UI maps each to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValidationCode {
    /// The request could not be read at all (a tampered or truncated form).
    Malformed,
    Required,
    TooLong {
        max: u32,
    },
    Nip(NipError),
    Email(EmailError),
    /// The role does not exist in this kind of organisation.
    RoleNotInOrganisation,
    /// An uploaded file is not UTF-8 text (e.g. saved as "CSV" in a legacy code page).
    NotUtf8,
    /// A required column is missing from the file's header (`field` names it).
    MissingColumn,
    /// The file has a header but no rows.
    NoRows,
    /// The file is larger than an upload may be.
    FileTooLarge {
        max_kib: u32,
    },
    /// The file has more rows than one import takes.
    TooManyRows {
        max: u32,
    },
    /// The same value appears on an earlier line of the same file.
    DuplicateInFile {
        first_line: u32,
    },
    /// The value already belongs to another person in Sinergi.
    TakenByAnotherPerson,
    Password(PasswordError),
    /// Email or password wrong; deliberately not saying which (no account enumeration).
    WrongCredentials,
    /// A number outside the range this field takes.
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// Not a whole number.
    NotANumber,
    /// Not a date (or time) this field can read.
    BadDate,
    /// An end (time, date, maximum) that comes before its start.
    EndsBeforeStart,
    /// Enrollment must close no later than the day of the first session.
    EnrollmentAfterStart,
    /// A value that is not one of the choices offered (e.g. an unknown competency code).
    UnknownChoice,
    /// The same entry appears twice in a list.
    DuplicateEntry,
    /// A list needs at least this many entries.
    TooFew {
        min: u32,
    },
    /// A list takes at most this many entries.
    TooMany {
        max: u32,
    },
    /// A date that has already passed (e.g. a deadline).
    InThePast,
    /// Fewer than the `taken` seats already held (a course's capacity).
    BelowTaken {
        taken: u32,
    },
    /// The person is not one of this agency's staff (a nomination).
    NotStaff,
    /// The person already has a place (or is in line) in this course.
    AlreadyEnrolled,
    /// Not the code of a session open for check-in now.
    WrongCode,
    /// A session with attendance recorded may be moved but not removed.
    HasAttendance,
    /// A date after today where only what already happened may be entered.
    InTheFuture,
    /// A civil servant named as their own supervisor.
    SupervisesThemselves,
}

/// One broken rule on one field. `field` is the form field's name, or `"_form"` for the whole form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ValidationCode,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: ValidationCode) -> Self {
        Self { field: field.into(), code }
    }

    /// An error about the form as a whole rather than one field.
    pub fn form(code: ValidationCode) -> Self {
        Self::new("_form", code)
    }
}

/// Collects the broken rules of a form, field by field.
#[derive(Debug, Default)]
pub struct Checks(pub Vec<FieldError>);

impl Checks {
    /// A text field: required or not, at most `max` characters (trimmed).
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: u32) {
        let value = value.trim();
        if required && value.is_empty() {
            self.fail(field, ValidationCode::Required);
        } else if value.chars().count() > max as usize {
            self.fail(field, ValidationCode::TooLong { max });
        }
    }

    /// A whole number between `min` and `max` inclusive.
    pub fn range(&mut self, field: &str, value: i64, min: i64, max: i64) {
        if !(min..=max).contains(&value) {
            self.fail(field, ValidationCode::OutOfRange { min, max });
        }
    }

    /// A list with between `min` and `max` entries.
    pub fn count(&mut self, field: &str, len: usize, min: u32, max: u32) {
        if len < min as usize {
            self.fail(field, ValidationCode::TooFew { min });
        } else if len > max as usize {
            self.fail(field, ValidationCode::TooMany { max });
        }
    }

    /// A whole number typed into a form; `grouped` accepts Indonesian thousands dots and spaces
    /// ("1.500.000", for rupiah). Blank is `Required`, anything else unreadable `NotANumber`;
    /// either way 0 stands in so that the other fields are still checked.
    pub fn whole_number(&mut self, field: &str, text: &str, grouped: bool) -> i64 {
        let digits: String =
            text.trim().chars().filter(|c| !(grouped && (*c == '.' || *c == ' '))).collect();
        if digits.is_empty() {
            self.fail(field, ValidationCode::Required);
            return 0;
        }
        digits.parse().unwrap_or_else(|_| {
            self.fail(field, ValidationCode::NotANumber);
            0
        })
    }

    /// A date as a date input sends it (`YYYY-MM-DD`); unreadable is `BadDate`.
    pub fn date(&mut self, field: &str, text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
            self.fail(field, ValidationCode::BadDate);
            NaiveDate::default()
        })
    }

    pub fn fail(&mut self, field: &str, code: ValidationCode) {
        // One message per field is enough: the first rule broken.
        if !self.0.iter().any(|e| e.field == field) {
            self.0.push(FieldError::new(field, code));
        }
    }

    /// `Ok` when nothing broke, else every broken rule.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() { Ok(()) } else { Err(self.0) }
    }
}
