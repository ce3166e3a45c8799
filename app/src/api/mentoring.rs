//! Server functions of mentoring: offering to mentor, finding and asking a mentor, answering,
//! logging and confirming sessions, completing; and the pages' reads.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MentorSuggestion, MentorshipRequestForm, MentorshipView, OwnMentoring};

/// Sends a plain form post to the page of mentorship `id` (or the list, `None`).
#[cfg(feature = "ssr")]
fn back_to(id: Option<i32>) {
    let path = match id {
        Some(id) => format!("/mentoring/{id}"),
        None => "/mentoring".to_owned(),
    };
    let locale = crate::ui::locale::request_locale();
    leptos_axum::redirect(&crate::ui::locale::localized(locale, &path));
}

/// The signed-in person's mentoring: mentorships (as mentee and as mentor), offers, and the
/// competencies they may offer.
#[server]
pub async fn get_own_mentoring() -> Result<OwnMentoring, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::own_mentoring(&state.db, &actor).await
    };
    super::report(result.await)
}

/// One mentorship with its sessions.
#[server]
pub async fn get_mentorship(id: i32) -> Result<MentorshipView, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::mentorship(&state.db, &actor, id).await
    };
    super::report(result.await)
}

/// The signed-in civil servant offers to mentor `competency` (a code).
#[server]
pub async fn offer_to_mentor(
    competency: String,
    #[server(default)] capacity: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft = crate::model::MentorOfferDraft::parse(&competency, &capacity, &note)
            .map_err(AppError::Invalid)?;
        crate::backend::services::mentoring::offer_to_mentor(&state.db, &actor, &draft).await?;
        back_to(None);
        Ok(())
    };
    super::report(result.await)
}

/// Withdraws the signed-in person's offer to mentor `competency`.
#[server]
pub async fn withdraw_mentor_offer(competency: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::withdraw_offer(&state.db, &actor, &competency).await?;
        back_to(None);
        Ok(())
    };
    super::report(result.await)
}

/// The mentors the signed-in civil servant may ask for `competency`, best first.
#[server]
pub async fn get_mentor_suggestions(competency: String) -> Result<Vec<MentorSuggestion>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::suggest_mentors(&state.db, &actor, &competency).await
    };
    super::report(result.await)
}

/// Asks a mentor with a plan; answers with the mentorship's id and sends a plain form post to
/// its page.
#[server]
pub async fn request_mentor(form: MentorshipRequestForm) -> Result<i32, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let today = chrono::Utc::now().with_timezone(&crate::domain::calendar::WIB).date_naive();
        let request =
            crate::model::MentorshipRequest::parse(&form, today).map_err(AppError::Invalid)?;
        let id = crate::backend::services::mentoring::request_mentor(&state.db, &actor, &request)
            .await?;
        back_to(Some(id));
        Ok(id)
    };
    super::report(result.await)
}

/// The mentor agrees to (`accept`) or declines (with a `note`) request `id`.
#[server]
pub async fn answer_mentorship(
    id: i32,
    #[server(default)] accept: bool,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::answer_request(&state.db, &actor, id, accept, &note)
            .await
    };
    super::report(result.await)
}

/// Either of the pair calls off mentorship `id`.
#[server]
pub async fn cancel_mentorship(id: i32) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::cancel_mentorship(&state.db, &actor, id).await
    };
    super::report(result.await)
}

/// One of the pair logs a session of mentorship `id`.
#[server]
pub async fn log_mentoring_session(
    id: i32,
    #[server(default)] held_on: String,
    #[server(default)] minutes: String,
    #[server(default)] topic: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let today = chrono::Utc::now().with_timezone(&crate::domain::calendar::WIB).date_naive();
        let draft = crate::model::MentoringSessionDraft::parse(&held_on, &minutes, &topic, today)
            .map_err(AppError::Invalid)?;
        crate::backend::services::mentoring::log_session(&state.db, &actor, id, &draft).await?;
        Ok(())
    };
    super::report(result.await)
}

/// The other one of the pair confirms `session`.
#[server]
pub async fn confirm_mentoring_session(session: i32) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::confirm_session(&state.db, &actor, session).await
    };
    super::report(result.await)
}

/// The mentor completes mentorship `id`: the JP credited to the mentee.
#[server]
pub async fn complete_mentorship(id: i32) -> Result<i32, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::mentoring::complete_mentorship(&state.db, &actor, id).await
    };
    super::report(result.await)
}
