//! Server functions of the catalogue: public search and offer pages, and the lifecycle moves of
//! an offer's managers.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    CatalogueFacets, CataloguePage, CatalogueQuery, CourseEditor, CourseForm, OfferDetail,
    OfferKind, OfferStatus, ResearchEditor, ResearchForm, StatusChangeView,
};

/// Public: one page of published offers matching the search.
#[server]
pub async fn search_catalogue(query: CatalogueQuery) -> Result<CataloguePage, AppError> {
    let state = crate::backend::AppState::current()?;
    super::report(crate::backend::services::offers::search(&state.db, &query).await)
}

/// Public: the choices of the catalogue's filters.
#[server]
pub async fn get_catalogue_facets() -> Result<CatalogueFacets, AppError> {
    let state = crate::backend::AppState::current()?;
    super::report(crate::backend::services::offers::facets(&state.db).await)
}

/// Public once published: an offer's page (a draft only for its university and the province).
#[server]
pub async fn get_offer(kind: OfferKind, slug: String) -> Result<OfferDetail, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        let mut detail = crate::backend::services::offers::detail(
            &state.db,
            session.actor.as_ref(),
            kind,
            &slug,
        )
        .await?;
        detail.site_url = state.config.base_url.trim_end_matches('/').to_owned();
        Ok(detail)
    };
    super::report(result.await)
}

/// The offer's managers (and, to cancel, the province): moves it along its lifecycle.
#[server]
pub async fn change_offer_status(
    kind: OfferKind,
    slug: String,
    status: OfferStatus,
    note: String,
) -> Result<OfferStatus, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::offers::change_status(
            &state.db, &actor, kind, &slug, status, &note,
        )
        .await
    };
    super::report(result.await)
}

/// The offer's university and the province: who moved it along its lifecycle, and when.
#[server]
pub async fn get_offer_history(
    kind: OfferKind,
    slug: String,
) -> Result<Vec<StatusChangeView>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::offers::history(&state.db, &actor, kind, &slug).await
    };
    super::report(result.await)
}

/// A university's academics and coordinator: the form of a new course (`slug` empty) or of a
/// course they manage.
#[server]
pub async fn get_course_editor(
    university: String,
    slug: Option<String>,
) -> Result<CourseEditor, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let slug = slug.filter(|s| !s.is_empty());
        let mut editor = crate::backend::services::offers::course_editor(
            &state.db,
            &actor,
            &university,
            slug.as_deref(),
        )
        .await?;
        let key = crate::backend::auth::refused_form::key(
            "course",
            &university,
            slug.as_deref().unwrap_or_default(),
        );
        if let Some(form) = super::refused_input(&state, &key).await {
            editor.form = form;
        }
        Ok(editor)
    };
    super::report(result.await)
}

/// Saves the course form: a new draft of `university` when `slug` is empty, else a new version
/// of that course. Answers with the course's slug, and sends a plain form post to its page.
#[server]
pub async fn save_course(
    university: String,
    slug: String,
    form: CourseForm,
) -> Result<String, AppError> {
    let key = crate::backend::auth::refused_form::key("course", &university, &slug);
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft = form.parse().map_err(AppError::Invalid)?;
        let saved = if slug.is_empty() {
            crate::backend::services::offers::create_course(&state.db, &actor, &university, &draft)
                .await?
        } else {
            crate::backend::services::offers::update_course(&state.db, &actor, &slug, &draft)
                .await?;
            slug
        };
        let locale = crate::ui::locale::request_locale();
        leptos_axum::redirect(&crate::ui::locale::localized(
            locale,
            &format!("/katalog/kursus/{saved}"),
        ));
        Ok(saved)
    };
    super::report_form(&key, &form, result.await).await
}

/// A university's academics and coordinator: the form of a new research offer (`slug` empty) or
/// of one they manage.
#[server]
pub async fn get_research_editor(
    university: String,
    slug: Option<String>,
) -> Result<ResearchEditor, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let slug = slug.filter(|s| !s.is_empty());
        let mut editor = crate::backend::services::offers::research_editor(
            &state.db,
            &actor,
            &university,
            slug.as_deref(),
        )
        .await?;
        let key = crate::backend::auth::refused_form::key(
            "research",
            &university,
            slug.as_deref().unwrap_or_default(),
        );
        if let Some(form) = super::refused_input(&state, &key).await {
            editor.form = form;
        }
        Ok(editor)
    };
    super::report(result.await)
}

/// Saves the research offer form, like [`save_course`].
#[server]
pub async fn save_research(
    university: String,
    slug: String,
    form: ResearchForm,
) -> Result<String, AppError> {
    let key = crate::backend::auth::refused_form::key("research", &university, &slug);
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let draft = form.parse().map_err(AppError::Invalid)?;
        let saved = if slug.is_empty() {
            crate::backend::services::offers::create_research(
                &state.db,
                &actor,
                &university,
                &draft,
            )
            .await?
        } else {
            crate::backend::services::offers::update_research(&state.db, &actor, &slug, &draft)
                .await?;
            slug
        };
        let locale = crate::ui::locale::request_locale();
        leptos_axum::redirect(&crate::ui::locale::localized(
            locale,
            &format!("/katalog/riset/{saved}"),
        ));
        Ok(saved)
    };
    super::report_form(&key, &form, result.await).await
}
