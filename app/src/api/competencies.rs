//! Server functions of the competency dictionary and the LAN conversion table.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CompetencyDictionary, DictionaryImportReport, LearningFormTable, PositionList};

/// Public: the whole competency dictionary, and whether the viewer maintains it.
#[server]
pub async fn get_competency_dictionary() -> Result<CompetencyDictionary, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        Ok(CompetencyDictionary {
            types: crate::backend::services::competencies::dictionary(&state.db).await?,
            maintainable: session.actor.as_ref().is_some_and(|a| a.is_province_admin()),
        })
    };
    super::report(result.await)
}

/// Public: every position with the levels its competency standard requires, and whether the
/// viewer maintains them.
#[server]
pub async fn get_positions() -> Result<PositionList, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        Ok(PositionList {
            positions: crate::backend::services::competencies::positions(&state.db).await?,
            maintainable: session.actor.as_ref().is_some_and(|a| a.is_province_admin()),
        })
    };
    super::report(result.await)
}

/// Public: the LAN conversion table, with who changed each row last, and whether the viewer
/// maintains it (province administrators).
#[server]
pub async fn list_learning_forms() -> Result<LearningFormTable, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        Ok(LearningFormTable {
            rows: crate::backend::services::learning_forms::views(&state.db).await?,
            editable: session.actor.as_ref().is_some_and(|a| a.is_province_admin()),
        })
    };
    super::report(result.await)
}

/// Province administrators: saves a row of the LAN conversion table (`new`: "true" for a new
/// row). Numbers arrive as typed, so that an unreadable one is a field error.
#[server]
pub async fn save_learning_form(
    new: String,
    code: String,
    name_id: String,
    name_en: String,
    basis: String,
    national: String,
    international: String,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let row = crate::model::LearningFormRow::parse(
            &code,
            &name_id,
            &name_en,
            &basis,
            &national,
            &international,
        )
        .map_err(AppError::Invalid)?;
        crate::backend::services::learning_forms::save(&state.db, &actor, &row, new == "true").await
    };
    super::report(result.await)
}

/// Province administrators: the outcome of a dictionary upload.
#[server]
pub async fn get_dictionary_import(id: i32) -> Result<DictionaryImportReport, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::dictionary_import::report(&state.db, &actor, id).await
    };
    super::report(result.await)
}
