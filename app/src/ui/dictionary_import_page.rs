//! `/kompetensi/impor/{id}`: the outcome of one dictionary upload — imported, or every problem
//! with its line — for province administrators.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::import_errors::ImportErrors;
use super::locale::{localized, use_locale};
use crate::api::get_dictionary_import;
use crate::i18n::td_string;
use crate::model::DictionaryImportReport;

/// The page.
#[component]
pub fn DictionaryImportPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(-1);
    let report = Resource::new(id, get_dictionary_import);
    view! {
        <Title text=td_string!(locale, dictionary.import_title) />
        <h1>{td_string!(locale, dictionary.import_title)}</h1>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    report.await.map(|report| view! { <ReportView report /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ReportView(report: DictionaryImportReport) -> impl IntoView {
    let locale = use_locale();
    let imported = report.errors.is_empty();
    let summary = if imported && report.positions {
        td_string!(
            locale,
            dictionary.imported_positions,
            rows = report.rows,
            created = report.created,
            updated = report.updated
        )
        .to_string()
    } else if imported {
        td_string!(
            locale,
            dictionary.imported,
            rows = report.rows,
            created = report.created,
            updated = report.updated
        )
        .to_string()
    } else {
        td_string!(locale, roster.refused, problems = report.errors.len()).to_string()
    };
    view! {
        <p class=if imported { "notice" } else { "error-box" } role="status" id="import-outcome">
            <strong>{report.file_name.clone()}</strong>
            ": "
            {summary}
        </p>
        {(!imported).then(|| view! { <ImportErrors errors=report.errors.clone() id="import-errors" /> })}
        <p>
            {if report.positions {
                view! {
                    <a href=localized(locale, "/jabatan")>{td_string!(locale, dictionary.back_positions)}</a>
                }
                    .into_any()
            } else {
                view! {
                    <a href=localized(locale, "/kompetensi")>{td_string!(locale, dictionary.back)}</a>
                }
                    .into_any()
            }}
        </p>
    }
}
