//! Server functions, grouped by feature. Each one: who is asking → one service call → a DTO.

pub mod session;
pub mod stats;

pub use session::{SignOut, sign_out};
pub use stats::get_portal_counts;
