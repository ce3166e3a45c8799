//! The 404 page, answered with HTTP status 404.

use leptos::prelude::*;
use leptos_meta::Title;

use super::locale::{localized, use_locale};
use crate::i18n::td_string;

/// Shown for any path no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let locale = use_locale();
    view! {
        <Title text=td_string!(locale, not_found.title) />
        <section class="message-page">
            <h1>{td_string!(locale, not_found.title)}</h1>
            <p>{td_string!(locale, not_found.body)}</p>
            <p>
                <a href=localized(locale, "/")>{td_string!(locale, not_found.home_link)}</a>
            </p>
        </section>
    }
}
