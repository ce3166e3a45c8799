//! Server functions of matching: a need's ranked offers for its agency's leads and the province,
//! and the leads' shortlist and invitations to propose.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MatchQuery, NeedMatchList, UniversityMatchList};

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
