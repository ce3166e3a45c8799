//! `/kompetensi`: the competency dictionary, public — every competency with its definition and
//! five level descriptors and their indicators (native `<details>`, so it folds without
//! JavaScript), the CSV export, and for the province the CSV import.

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
            <a href=localized(locale, "/jabatan")>{td_string!(locale, positions.link)}</a>
            " · "
            <a href=localized(locale, "/tabel-jp")>{td_string!(locale, jp_table.link)}</a>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dictionary
                        .await
                        .map(|dictionary| {
                            let upload = dictionary.maintainable.then(|| view! {
                                <ImportForm
                                    id="import"
                                    action="/kompetensi/impor"
                                    heading=td_string!(locale, dictionary.import_heading)
                                    hint=td_string!(locale, dictionary.import_hint)
                                    file=td_string!(locale, dictionary.import_file)
                                    submit=td_string!(locale, dictionary.import_submit)
                                />
                            });
                            let sections = dictionary
                                .types
                                .into_iter()
                                .map(|t| view! { <TypeSection competency_type=t /> })
                                .collect_view();
                            view! {
                                {upload}
                                {sections}
                            }
                        })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// One of the province's uploads (the dictionary, the positions): a plain multipart form.
#[component]
pub(super) fn ImportForm(
    id: &'static str,
    action: &'static str,
    heading: &'static str,
    hint: &'static str,
    file: &'static str,
    submit: &'static str,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="manage" aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{heading}</h2>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            <form method="post" action=localized(locale, action) enctype="multipart/form-data" class="inline-form">
                <label for=format!("{id}-file")>{file}</label>
                <input id=format!("{id}-file") type="file" name="file" accept=".csv,text/csv" required aria-describedby=format!("{id}-hint") />
                <button class="button button-small" type="submit">{submit}</button>
            </form>
        </section>
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
                        .zip(competency.indicators.into_iter().chain(std::iter::repeat(Vec::new())))
                        .map(|(text, indicators)| {
                            let indicators = (!indicators.is_empty()).then(|| view! {
                                <ul class="indicators">
                                    {indicators.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                                </ul>
                            });
                            view! { <li>{text}{indicators}</li> }
                        })
                        .collect_view()}
                </ol>
            </details>
        </li>
    }
}
