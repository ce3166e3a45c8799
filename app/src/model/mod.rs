//! Data shared by the browser and the server: DTOs and validated newtypes, with their rules.

mod access;
mod common_passwords;
mod competency;
mod email;
mod login;
mod nip;
mod organisation;
mod password;
mod person;
mod role;
mod roster;
mod validation;

pub use access::{AccessRequestForm, AccessRequestStatus, PendingAccessRequest, SentAccessRequest};
pub use competency::{CompetencyTypeView, CompetencyView};
pub use email::{EmailError, normalise_email};
pub use login::{LoginFailure, LoginProviderView, is_local_return_path};
pub use nip::{Nip, NipError, NipSex};
pub use organisation::{
    OrganisationKind, OrganisationReviewRow, OrganisationSummary, PortalCounts, ReviewDecision,
};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordError, validate_new_password};
pub use person::{InvitationView, MemberRow, MembershipView, PersonProfile};
pub use role::Role;
pub use roster::{RosterImportReport, RosterRowError};
pub use validation::{FieldError, ValidationCode};
