//! sea-orm entities, one per table, mirroring `migrations/`. Data shapes only: behaviour lives in
//! `services/`.

pub mod competency;
pub mod competency_level;
pub mod competency_type;
pub mod local_credential;
pub mod login_failure;
pub mod membership;
pub mod organisation;
pub mod person;
pub mod session;
