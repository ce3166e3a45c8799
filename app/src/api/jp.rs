//! Server functions of the JP ledger: a civil servant's year and the learning they submit, and
//! an agency lead's view of their staff with the submissions to verify.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AgencyJp, JpLedger, OutsideLearningForm};

/// The signed-in person's ledger for `year` (this year when none).
#[server]
pub async fn get_jp_ledger(year: Option<i32>) -> Result<JpLedger, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::jp_ledger::ledger(&state.db, &actor, year).await
    };
    super::report(result.await)
}

/// A civil servant submits learning done elsewhere, with its evidence, for verification.
#[server]
pub async fn add_outside_learning(form: OutsideLearningForm) -> Result<i32, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let today = chrono::Utc::now().with_timezone(&crate::domain::calendar::WIB).date_naive();
        let learning =
            crate::model::OutsideLearning::parse(&form, today).map_err(AppError::Invalid)?;
        crate::backend::services::jp_ledger::submit_outside(&state.db, &actor, &learning).await
    };
    super::report(result.await)
}

/// The agencies the signed-in lead leads, with their staff's `year` (this year when none).
#[server]
pub async fn get_staff_jp(year: Option<i32>) -> Result<Vec<AgencyJp>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::jp_ledger::staff_jp(&state.db, &actor, year).await
    };
    super::report(result.await)
}

/// A lead verifies (`approve`) or rejects, with a reason, the submitted learning `id`.
#[server]
pub async fn decide_jp_entry(id: i32, approve: bool, note: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::jp_ledger::decide(&state.db, &actor, id, approve, &note).await
    };
    super::report(result.await)
}
