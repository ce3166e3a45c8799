//! Matching needs and offers at rest (Issue 5): the scores come from `domain::matching`; this
//! module finds the candidates, keeps each open need's best offers stored (refreshed in the
//! background when a need, an offer or the weights change), holds the weights, and keeps an
//! agency lead's shortlist and invitations to propose.

mod candidate_index;
mod candidates;
mod for_university;
mod queue;
mod read;
mod refresh;
mod shortlist;
mod weights;

pub use candidate_index::rebuild as rebuild_candidate_index;
pub use for_university::needs_for_university;
pub use queue::{everything_changed, need_changed, offer_changed, university_record_changed};
pub use read::offers_for_need;
pub use refresh::{TOP_K, rank_need, run_queue};
pub use shortlist::{invite, set_shortlisted};
pub use weights::{
    MAX_NOTE_CHARS, MAX_WEIGHT, current as current_weights, page as weights_page, set_weights,
};
