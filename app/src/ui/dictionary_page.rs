//! `/kompetensi`: the competency dictionary, public — every competency with its definition and
//! five level descriptors (native `<details>`, so it folds without JavaScript), and a CSV export.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::labels::localized_name;
use super::locale::{localized, use_locale};
use crate::api::get_competency_dictionary;
use crate::i18n::td_string;
use crate::model::{CompetencyTypeView, CompetencyView};

/// The page.
#[component]
pub fn DictionaryPage() -> impl IntoView {
    let locale = use_locale();
    let dictionary = Resource::new(|| (), |_| get_competency_dictionary());
    view! {
        <Title text=td_string!(locale, dictionary.title) />
        <h1>{td_string!(locale, dictionary.title)}</h1>
        <p class="lead">{td_string!(locale, dictionary.lead)}</p>
        <p>
            <a href=localized(locale, "/kompetensi.csv") download="">
                {td_string!(locale, dictionary.download)}
            </a>
            " · "
            <a href=localized(locale, "/tabel-jp")>{td_string!(locale, jp_table.link)}</a>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dictionary
                        .await
                        .map(|types| {
                            types
                                .into_iter()
                                .map(|t| view! { <TypeSection competency_type=t /> })
                                .collect_view()
                        })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn TypeSection(competency_type: CompetencyTypeView) -> impl IntoView {
    let locale = use_locale();
    let heading_id = format!("type-{}", competency_type.code);
    let labelled_by = heading_id.clone();
    let name =
        localized_name(locale, &competency_type.name_id, &competency_type.name_en).to_owned();
    view! {
        <section aria-labelledby=labelled_by data-type=competency_type.code.clone()>
            <h2 id=heading_id>{name}</h2>
            <ul class="dictionary">
                {competency_type
                    .competencies
                    .into_iter()
                    .map(|c| view! { <CompetencyEntry competency=c /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn CompetencyEntry(competency: CompetencyView) -> impl IntoView {
    let locale = use_locale();
    let name = localized_name(locale, &competency.name_id, &competency.name_en).to_owned();
    view! {
        <li data-code=competency.code.clone()>
            <details>
                <summary>
                    <strong>{name}</strong>
                    " "
                    <span class="hint">{competency.code.clone()}</span>
                    {competency.owner.map(|owner| view! { " · " <span class="hint">{owner}</span> })}
                </summary>
                <p>{competency.definition_id}</p>
                <ol class="levels">
                    {competency
                        .levels
                        .into_iter()
                        .map(|text| view! { <li>{text}</li> })
                        .collect_view()}
                </ol>
            </details>
        </li>
    }
}
