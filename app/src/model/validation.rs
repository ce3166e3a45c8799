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
