//! Server functions of the matching weights: the page's data (public) and the province's form.
// The form posts one field per part of the score: the server function takes them one by one,
// as typed, so that each unreadable number is an error on its own field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::MatchWeightsPage;

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
