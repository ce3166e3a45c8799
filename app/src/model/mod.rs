//! Data shared by the browser and the server: DTOs and validated newtypes, with their rules.

mod nip;
mod organisation;
mod validation;

pub use nip::{Nip, NipError, NipSex};
pub use organisation::{OrganisationKind, PortalCounts};
pub use validation::{FieldError, ValidationCode};
