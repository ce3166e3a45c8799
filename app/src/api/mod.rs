//! Server functions, grouped by feature. Each one: who is asking → one service call → a DTO.

pub mod stats;

pub use stats::get_portal_counts;
