//! Server functions of the competency dictionary.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::CompetencyTypeView;

/// Public: the whole competency dictionary.
#[server]
pub async fn get_competency_dictionary() -> Result<Vec<CompetencyTypeView>, AppError> {
    let state = crate::backend::AppState::current()?;
    super::report(crate::backend::services::competencies::dictionary(&state.db).await)
}
