//! Server functions of matching: a need's ranked offers for its agency's leads and the province.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MatchQuery, NeedMatchList};

/// The stored ranking of the need `slug`, filtered by `query`.
#[server]
pub async fn get_need_matches(slug: String, query: MatchQuery) -> Result<NeedMatchList, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::matching::offers_for_need(&state.db, &actor, &slug, &query).await
    };
    super::report(result.await)
}
