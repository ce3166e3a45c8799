//! Data shared by the browser and the server: DTOs and validated newtypes, with their rules.

mod common_passwords;
mod nip;
mod organisation;
mod password;
mod role;
mod validation;

pub use nip::{Nip, NipError, NipSex};
pub use organisation::{OrganisationKind, PortalCounts};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordError, validate_new_password};
pub use role::Role;
pub use validation::{FieldError, ValidationCode};
