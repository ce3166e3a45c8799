//! The home page (`/`): what Sinergi is, with live counts from the database.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::locale::use_locale;
use crate::api::get_portal_counts;
use crate::i18n::td_string;
use crate::model::PortalCounts;

/// `/` and `/en/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let counts = Resource::new(|| (), |_| get_portal_counts());
    view! {
        <Title text="" />
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">{td_string!(locale, home.title)}</h1>
            <p class="lead">{td_string!(locale, home.lead)}</p>
        </section>
        <section aria-labelledby="counts-title">
            <h2 id="counts-title">{td_string!(locale, home.counts_heading)}</h2>
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                <Suspense>
                    {move || Suspend::new(async move {
                        counts.await.map(|c| view! { <CountList counts=c /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
        <section aria-labelledby="loop-title">
            <h2 id="loop-title">{td_string!(locale, home.loop_heading)}</h2>
            <ol class="steps">
                <li>{td_string!(locale, home.step_need)}</li>
                <li>{td_string!(locale, home.step_match)}</li>
                <li>{td_string!(locale, home.step_learn)}</li>
                <li>{td_string!(locale, home.step_credit)}</li>
            </ol>
        </section>
    }
}

#[component]
fn CountList(counts: PortalCounts) -> impl IntoView {
    let locale = use_locale();
    let items = [
        ("universities", counts.universities, td_string!(locale, home.universities)),
        ("agencies", counts.agencies, td_string!(locale, home.agencies)),
        ("civil-servants", counts.civil_servants, td_string!(locale, home.civil_servants)),
        ("competencies", counts.competencies, td_string!(locale, home.competencies)),
    ];
    view! {
        <ul class="counts">
            {items
                .into_iter()
                .map(|(key, value, label)| {
                    view! {
                        <li data-count=key>
                            <span class="count-value">{value}</span>
                            <span class="count-label">{label}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
