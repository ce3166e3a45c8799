//! Services: one module per feature. Each takes a connection and the `Actor`, and enforces its
//! own rules (who may, on which organisation's data); the UI hiding a button is never the check.

pub mod access_requests;
pub mod assessments;
pub mod attendance;
pub mod certificates;
pub mod collaborations;
pub mod competencies;
pub mod completion;
pub mod dashboards;
pub mod dictionary_import;
pub mod enrollments;
pub mod evaluations;
pub mod exports;
pub mod invitations;
pub mod jp_ledger;
pub mod learning_forms;
pub mod matching;
pub mod mentoring;
pub mod needs;
pub mod notifications;
pub mod offers;
pub mod organisations;
pub mod people;
pub mod proposals;
pub mod roster;
pub mod seed;
pub mod slugs;
pub mod stats;
