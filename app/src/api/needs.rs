//! Server functions of agency needs: the list and a need's page for those who may see them, the
//! need form and the lifecycle moves of the agency's leads.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{NeedDetail, NeedEditor, NeedForm, NeedKind, NeedPage, NeedQuery, NeedStatus};

/// Open needs the viewer may see (public ones for a visitor), or all of an agency's needs for
/// its leads and the province.
#[server]
pub async fn list_needs(query: NeedQuery) -> Result<NeedPage, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        crate::backend::services::needs::list(&state.db, session.actor.as_ref(), &query).await
    };
    super::report(result.await)
}

/// A need's page, for those who may see it.
#[server]
pub async fn get_need(slug: String) -> Result<NeedDetail, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        crate::backend::services::needs::detail(&state.db, session.actor.as_ref(), &slug).await
    };
    super::report(result.await)
}

/// An agency's leads: the form of a new need of `kind` (`slug` empty) or of a need of theirs.
#[server]
pub async fn get_need_editor(
    agency: String,
    slug: Option<String>,
    kind: NeedKind,
    #[server(default)] prefill: Option<crate::model::GapPrefill>,
) -> Result<NeedEditor, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let slug = slug.filter(|s| !s.is_empty());
        let mut editor = crate::backend::services::needs::need_editor(
            &state.db,
            &actor,
            &agency,
            slug.as_deref(),
            kind,
        )
        .await?;
        // A gap turned into a need starts the new competency need's form; input refused on
        // an earlier try (below) still wins.
        if let Some(gap) = prefill.filter(|_| slug.is_none() && kind == NeedKind::Competency) {
            let name =
                editor.competencies.iter().find(|c| c.0 == gap.competency).map(|c| c.1.clone());
            editor.form.apply_gap(&gap, name.as_deref());
        }
        let key = crate::backend::auth::refused_form::key(
            "need",
            &agency,
            slug.as_deref().unwrap_or_default(),
        );
        let kept: Option<NeedForm> = super::refused_input(&state, &key).await;
        // A new need's page is per kind (`?jenis=`): a competency need's input is not put back
        // into the research form.
        if let Some(form) = kept.filter(|form| form.kind == editor.form.kind) {
            editor.form = form;
        }
        Ok(editor)
    };
    super::report(result.await)
}

/// Saves the need form: a new draft of `agency` when `slug` is empty, else a new version of that
/// need. Answers with the need's slug, and sends a plain form post to its page.
#[server]
pub async fn save_need(agency: String, slug: String, form: NeedForm) -> Result<String, AppError> {
    let key = crate::backend::auth::refused_form::key("need", &agency, &slug);
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft = form.parse().map_err(AppError::Invalid)?;
        let saved = if slug.is_empty() {
            crate::backend::services::needs::create_need(&state.db, &actor, &agency, &draft).await?
        } else {
            crate::backend::services::needs::update_need(&state.db, &actor, &slug, &draft).await?;
            slug
        };
        let locale = crate::ui::locale::request_locale();
        leptos_axum::redirect(&crate::ui::locale::localized(
            locale,
            &format!("/kebutuhan/{saved}"),
        ));
        Ok(saved)
    };
    super::report_form(&key, &form, result.await).await
}

/// The agency's leads (and, to close, the province): moves a need along its lifecycle.
#[server]
pub async fn change_need_status(
    slug: String,
    status: NeedStatus,
    note: String,
) -> Result<NeedStatus, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::needs::change_status(&state.db, &actor, &slug, status, &note)
            .await
    };
    super::report(result.await)
}
