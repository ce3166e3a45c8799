//! Server functions of competency assessment: a civil servant's profile (their own, or one they
//! supervise or lead), the form rating one competency by its indicators, recording a rating, and
//! a lead's plan (named supervisor, target position).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AssessmentForm, CompetencyProfile};

/// The signed-in civil servant's own competency profile.
#[server]
pub async fn get_own_competency_profile() -> Result<CompetencyProfile, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::assessments::own_profile(&state.db, &actor).await
    };
    super::report(result.await)
}

/// The competency profile of the civil servant `person`, for whoever may see it.
#[server]
pub async fn get_competency_profile(person: i32) -> Result<CompetencyProfile, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::assessments::profile(&state.db, &actor, person).await
    };
    super::report(result.await)
}

/// The form rating the civil servant `person` (the signed-in one when none) in the competency
/// `code`.
#[server]
pub async fn get_assessment_form(
    person: Option<i32>,
    code: String,
) -> Result<AssessmentForm, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let person = person.unwrap_or(actor.person_id);
        crate::backend::services::assessments::assessment_form(&state.db, &actor, person, &code)
            .await
    };
    super::report(result.await)
}

/// Records a rating of `person` (blank: the signed-in civil servant, a self-assessment) in the
/// competency `code`, then sends a plain form post back to the profile.
#[server]
pub async fn assess_competency(
    #[server(default)] person: String,
    code: String,
    #[server(default)] level: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft =
            crate::model::AssessmentDraft::parse(&level, &note).map_err(AppError::Invalid)?;
        use crate::backend::services::assessments;
        let back = match person.trim() {
            "" => {
                assessments::self_assess(&state.db, &actor, &code, &draft).await?;
                "/kompetensi-saya".to_owned()
            }
            id => {
                let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
                assessments::rate(&state.db, &actor, id, &code, &draft).await?;
                format!("/orang/{id}/kompetensi")
            }
        };
        let locale = crate::ui::locale::request_locale();
        leptos_axum::redirect(&crate::ui::locale::localized(locale, &back));
        Ok(())
    };
    super::report(result.await)
}

/// A lead names the `supervisor` (a person id, blank for none) and the `target_position` (a
/// position's name, blank for none) of the civil servant `person`.
#[server]
pub async fn save_staff_plan(
    person: i32,
    #[server(default)] supervisor: String,
    #[server(default)] target_position: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::assessments::save_plan(
            &state.db,
            &actor,
            person,
            &supervisor,
            &target_position,
        )
        .await
    };
    super::report(result.await)
}

/// The heatmap of the agency `agency`'s competency gaps against the positions held or, with
/// `basis` "sasaran", the target positions: for its leads and the province.
#[server]
pub async fn get_gap_map(
    agency: String,
    #[server(default)] basis: String,
) -> Result<crate::model::GapMap, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let basis = crate::model::GapBasis::from_url_word(&basis);
        crate::backend::services::assessments::gap_map(&state.db, &actor, &agency, basis).await
    };
    super::report(result.await)
}

/// The civil servants of the agency `agency` (of `unit` only, when given) behind one competency
/// of its heatmap.
#[server]
pub async fn get_gap_people(
    agency: String,
    code: String,
    unit: Option<String>,
    #[server(default)] basis: String,
) -> Result<crate::model::GapPeople, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let basis = crate::model::GapBasis::from_url_word(&basis);
        crate::backend::services::assessments::gap_people(
            &state.db,
            &actor,
            &agency,
            &code,
            unit.as_deref(),
            basis,
        )
        .await
    };
    super::report(result.await)
}
