//! The dashboards' figures: each one a few aggregate queries, scoped by the same rules as the
//! pages they summarise (a civil servant sees their own; a lead their agency; a university's
//! members their university; the province all).

mod agency;
mod asn;
mod figures;
mod province;
mod university;

pub use agency::agency_dashboard;
pub use asn::asn_dashboard;
pub use province::province_dashboard;
pub use university::university_dashboard;

/// Years a per-year chart covers, ending with the current one.
pub const YEARS_SHOWN: i32 = 5;
/// Competencies a "largest gaps" chart lists.
pub const GAPS_SHOWN: usize = 10;
