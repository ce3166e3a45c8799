//! Server functions about people: one's own profile, others' profiles, and member lists.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{MemberRow, PersonProfile};

/// The signed-in person's own profile.
#[server]
pub async fn get_my_profile() -> Result<PersonProfile, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::people::profile(&state.db, &actor, actor.person_id).await
    };
    super::report(result.await)
}

/// A person's profile, for themselves, their organisations' administrators and the province.
#[server]
pub async fn get_person_profile(person_id: i32) -> Result<PersonProfile, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::people::profile(&state.db, &actor, person_id).await
    };
    super::report(result.await)
}

/// The members of an organisation, for its administrators and the province.
#[server]
pub async fn list_members(slug: String) -> Result<Vec<MemberRow>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::people::members(&state.db, &actor, &slug).await
    };
    super::report(result.await)
}

/// Deactivates (`active = false`, ending the person's sessions) or reactivates a member.
#[server]
pub async fn set_member_active(slug: String, person_id: i32, active: bool) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::people::set_active(&state.db, &actor, &slug, person_id, active)
            .await
    };
    super::report(result.await)
}
