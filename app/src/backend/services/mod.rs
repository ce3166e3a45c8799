//! Services: one module per feature. Each takes a connection and (once identity lands) the actor,
//! and enforces its own rules; the UI hiding a button is never the check.

pub mod seed;
pub mod stats;
