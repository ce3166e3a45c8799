//! Server functions of the ASN roster import (the upload itself is a multipart form handled by
//! `server/src/roster.rs`).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::RosterImportReport;

/// The report of one upload to the agency `slug`, for its leads and the province.
#[server]
pub async fn get_roster_import(slug: String, id: i32) -> Result<RosterImportReport, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::roster::report(&state.db, &actor, &slug, id).await
    };
    super::report(result.await)
}
