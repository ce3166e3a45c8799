//! Server functions of attendance: a course's participant sheet, ticking a session's list,
//! opening a session's check-in code, checking in with it, and saving test scores.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AttendanceSheet, CheckInView, ScoreInput};

/// Page `page` of the participant sheet of the course `slug`, for its academics.
#[server]
pub async fn get_attendance_sheet(slug: String, page: u64) -> Result<AttendanceSheet, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::attendance::sheet(&state.db, &actor, &slug, page).await
    };
    super::report(result.await)
}

/// Of the participants `shown` (a page), those in `present` were at session `session`.
#[server]
pub async fn mark_attendance(
    session: i32,
    #[server(default)] shown: Vec<i32>,
    #[server(default)] present: Vec<i32>,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::attendance::mark(&state.db, &actor, session, &shown, &present)
            .await
    };
    super::report(result.await)
}

/// Opens (or renews) the check-in code of session `session` of the course `slug`.
#[server]
pub async fn open_check_in(slug: String, session: i32) -> Result<CheckInView, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::attendance::open_check_in(&state.db, &actor, &slug, session).await
    };
    super::report(result.await)
}

/// The signed-in participant checks in to the course `slug` with a session's `code`.
#[server]
pub async fn check_in(slug: String, code: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::attendance::check_in(&state.db, &actor, &slug, &code).await
    };
    super::report(result.await)
}

/// Saves the test scores typed on a page of the sheet of the course `slug`.
#[server]
pub async fn save_scores(
    slug: String,
    #[server(default)] scores: Vec<ScoreInput>,
) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let parsed = ScoreInput::parse(&scores).map_err(AppError::Invalid)?;
        crate::backend::services::attendance::set_scores(&state.db, &actor, &slug, &parsed).await
    };
    super::report(result.await)
}
