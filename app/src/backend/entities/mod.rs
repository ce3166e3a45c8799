//! sea-orm entities, one per table, mirroring `migrations/`. Data shapes only: behaviour lives in
//! `services/`.

pub mod access_request;
pub mod competency;
pub mod competency_level;
pub mod competency_need_detail;
pub mod competency_type;
pub mod course_detail;
pub mod course_session;
pub mod dictionary_import;
pub mod external_identity;
pub mod invitation;
pub mod learning_form;
pub mod local_credential;
pub mod login_failure;
pub mod match_weight;
pub mod matching_queue;
pub mod membership;
pub mod need;
pub mod need_figure;
pub mod need_match;
pub mod need_status_change;
pub mod offer;
pub mod offer_competency;
pub mod offer_person;
pub mod offer_status_change;
pub mod organisation;
pub mod organisation_review;
pub mod outbox_message;
pub mod person;
pub mod position;
pub mod position_requirement;
pub mod research_detail;
pub mod research_need_detail;
pub mod roster_import;
pub mod session;
