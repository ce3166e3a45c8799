//! Server functions of proposals: the ones on a need, a university's proposal form and its
//! submission or withdrawal, and the agency's decision.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{NeedProposals, ProposalEditor, ProposalForm};

/// The proposals on the need `slug` the viewer may see, and what they may do with them.
#[server]
pub async fn get_need_proposals(slug: String) -> Result<NeedProposals, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        crate::backend::services::proposals::for_need(&state.db, session.actor.as_ref(), &slug)
            .await
    };
    super::report(result.await)
}

/// The proposal form of the university `university` for the need `slug`.
#[server]
pub async fn get_proposal_editor(
    slug: String,
    university: String,
) -> Result<ProposalEditor, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let key = crate::backend::auth::refused_form::key(
            "proposal",
            "",
            &format!("{slug}/{university}"),
        );
        let kept: Option<ProposalForm> = super::refused_input(&state, &key).await;
        crate::backend::services::proposals::proposal_editor(
            &state.db,
            &actor,
            &slug,
            &university,
            kept,
        )
        .await
    };
    super::report(result.await)
}

/// Submits the university's proposal for the need `slug`, and sends a plain form post back to
/// the need's page, where it now waits.
#[server]
pub async fn submit_proposal(
    slug: String,
    university: String,
    form: ProposalForm,
) -> Result<i32, AppError> {
    let key =
        crate::backend::auth::refused_form::key("proposal", "", &format!("{slug}/{university}"));
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let id = crate::backend::services::proposals::submit(
            &state.db,
            &actor,
            &slug,
            &university,
            &form,
        )
        .await?;
        let locale = crate::ui::locale::request_locale();
        leptos_axum::redirect(&crate::ui::locale::localized(
            locale,
            &format!("/kebutuhan/{slug}#proposals-heading"),
        ));
        Ok(id)
    };
    super::report_form(&key, &form, result.await).await
}

/// The university's staff: withdraws its waiting proposal `id`.
#[server]
pub async fn withdraw_proposal(id: i32) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::proposals::withdraw(&state.db, &actor, id).await
    };
    super::report(result.await)
}

/// The need's agency leads: accepts the waiting proposal `id`; the new collaboration's id.
#[server]
pub async fn accept_proposal(id: i32) -> Result<i32, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::proposals::accept(&state.db, &actor, id).await
    };
    super::report(result.await)
}

/// The need's agency leads: declines the waiting proposal `id`, saying why.
#[server]
pub async fn decline_proposal(id: i32, note: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::proposals::decline(&state.db, &actor, id, &note).await
    };
    super::report(result.await)
}
