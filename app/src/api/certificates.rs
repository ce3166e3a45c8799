//! Server functions of certificates: the public verification of a code, and its revocation by
//! the university that issued it.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::CertificateView;

/// Public: the certificate `code` as its verification page shows it.
#[server]
pub async fn get_certificate(code: String) -> Result<CertificateView, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        crate::backend::services::certificates::verify(
            &state.db,
            session.actor.as_ref(),
            &code,
            &state.config.base_url,
        )
        .await
    };
    super::report(result.await)
}

/// An academic of the issuing university revokes the certificate `code`, saying why.
#[server]
pub async fn revoke_certificate(code: String, reason: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::certificates::revoke(&state.db, &actor, &code, &reason).await
    };
    super::report(result.await)
}
