//! Who is asking: sessions (and the refused form one may hold), local passwords, external login
//! providers, the current actor and the session cookie.

pub mod actor;
pub mod cookie;
pub mod external;
pub mod passwords;
pub mod rate_limit;
pub mod refused_form;
pub mod secret;
pub mod sessions;

pub use actor::{Actor, CurrentSession, RoleGrant};
