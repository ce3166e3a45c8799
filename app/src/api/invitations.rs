//! Server functions of invitations: an administrator invites; the invited person uses the link.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{InvitationView, Role};

/// Invites someone into the organisation `slug` with `role` (its administrators, the province).
#[server]
pub async fn invite_member(
    slug: String,
    email: String,
    full_name: String,
    role: Role,
) -> Result<(), AppError> {
    let result = async {
        use crate::backend::services::invitations::{self, NewInvitation};
        let (state, actor) = super::state_and_actor()?;
        let new = NewInvitation { email, full_name, role };
        let base_url = &state.config.base_url;
        invitations::invite(&state.db, &actor, &slug, new, base_url, chrono::Utc::now()).await?;
        Ok(())
    };
    super::report(result.await)
}

/// Public, for whoever holds the link: whom it invites, where.
#[server]
pub async fn get_invitation(token: String) -> Result<InvitationView, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        crate::backend::services::invitations::view(&state.db, &token, chrono::Utc::now()).await
    };
    super::report(result.await)
}

/// Uses the link: sets the password, signs the person in and opens their profile.
#[server]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    let result = async {
        use crate::backend::auth::sessions::SessionPolicy;
        let state = crate::backend::AppState::current()?;
        let now = chrono::Utc::now();
        let person_id =
            crate::backend::services::invitations::accept(&state.db, &token, &password, now)
                .await?;
        super::session::server::begin_session(&state, person_id, SessionPolicy::default()).await?;
        leptos_axum::redirect("/akun");
        Ok(())
    };
    super::report(result.await)
}
