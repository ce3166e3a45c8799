//! Server functions of matching: a need's ranked offers for its agency's leads and the province,
//! the leads' shortlist and invitations to propose, and the province's weights.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MatchQuery, MatchWeightsPage, NeedMatchList, UniversityMatchList};

/// The stored ranking of the need `slug`, filtered by `query`.
#[server]
pub async fn get_need_matches(slug: String, query: MatchQuery) -> Result<NeedMatchList, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::matching::offers_for_need(&state.db, &actor, &slug, &query).await
    };
    super::report(result.await)
}

/// The need's agency leads: puts the offer on the need's shortlist (`on`) or takes it off.
#[server]
pub async fn shortlist_offer(slug: String, offer: String, on: bool) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::matching::set_shortlisted(&state.db, &actor, &slug, &offer, on)
            .await
    };
    super::report(result.await)
}

/// The need's agency leads: invites the offer's university to propose for the need.
#[server]
pub async fn invite_to_propose(slug: String, offer: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::matching::invite(&state.db, &actor, &slug, &offer).await
    };
    super::report(result.await)
}

/// The open needs the university `slug`'s offers match, best first (its staff, the province).
#[server]
pub async fn get_university_matches(slug: String) -> Result<UniversityMatchList, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::matching::needs_for_university(&state.db, &actor, &slug).await
    };
    super::report(result.await)
}

/// The key under which a refused weights form is kept for the page it returns to.
#[cfg(feature = "ssr")]
const WEIGHTS_FORM: &str = "match_weights";

/// The matching weights in force, the defaults and the latest changes (public).
#[server]
pub async fn get_match_weights() -> Result<MatchWeightsPage, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        let typed = match session.actor {
            Some(_) => super::refused_input(&state, WEIGHTS_FORM).await,
            None => None,
        };
        crate::backend::services::matching::weights_page(&state.db, session.actor.as_ref(), typed)
            .await
    };
    super::report(result.await)
}

/// Province administrators: sets the matching weights, every open need to be ranked again.
/// Numbers arrive as typed, so that an unreadable one is a field error.
#[server]
#[allow(clippy::too_many_arguments)] // One per field of the plain form.
pub async fn set_match_weights(
    competency: String,
    timing: String,
    capacity: String,
    place: String,
    cost: String,
    track_record: String,
    text: String,
    note: String,
) -> Result<(), AppError> {
    let form = crate::model::WeightsForm {
        values: [competency, timing, capacity, place, cost, track_record, text],
        note,
    };
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let weights = crate::model::parse_weights(form.values.each_ref().map(String::as_str))
            .map_err(AppError::Invalid)?;
        crate::backend::services::matching::set_weights(&state.db, &actor, &weights, &form.note)
            .await
    };
    super::report_form(WEIGHTS_FORM, &form, result.await).await
}
