//! Server functions of the notification centre: the list, the unread count in the header, and
//! marking everything read.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::NotificationList;

/// The signed-in person's newest notifications and their unread count.
#[server]
pub async fn list_notifications() -> Result<NotificationList, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::notifications::list(&state.db, &actor).await
    };
    super::report(result.await)
}

/// How many notifications the viewer has not read (0 for a visitor): the header's badge.
#[server]
pub async fn get_unread_count() -> Result<u64, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        match session.actor.as_ref() {
            Some(actor) => {
                crate::backend::services::notifications::unread_count(&state.db, actor).await
            }
            None => Ok(0),
        }
    };
    super::report(result.await)
}

/// Marks all the signed-in person's notifications read; how many were unread.
#[server]
pub async fn mark_notifications_read() -> Result<u64, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::notifications::mark_all_read(&state.db, &actor).await
    };
    super::report(result.await)
}
