//! Field-level validation results, carried by `AppError::Invalid` and translated in the UI.

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
