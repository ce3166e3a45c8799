//! Server functions about organisations: the public summary and verification by the province.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{OrganisationReviewRow, OrganisationSummary};

/// Public: an organisation's name, kind and verification.
#[server]
pub async fn get_organisation(slug: String) -> Result<OrganisationSummary, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let viewer = crate::backend::auth::CurrentSession::of_request().actor;
        crate::backend::services::organisations::public_summary(&state.db, viewer.as_ref(), &slug)
            .await
    };
    super::report(result.await)
}

/// Province administrators: the universities and agencies to verify, unverified first.
#[server]
pub async fn list_organisations_for_review() -> Result<Vec<OrganisationReviewRow>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::organisations::list_for_review(&state.db, &actor).await
    };
    super::report(result.await)
}

/// Province administrators: verifies an organisation (`verified = true`) or withdraws its
/// verification, with an optional note.
#[server]
pub async fn review_organisation(
    slug: String,
    verified: bool,
    note: Option<String>,
) -> Result<OrganisationSummary, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::organisations::set_verified(
            &state.db, &actor, &slug, verified, note,
        )
        .await
    };
    super::report(result.await)
}
