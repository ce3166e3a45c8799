//! `/organisasi/{slug}/impor-asn/{id}`: the outcome of one roster upload — imported, or every
//! problem with its line, and the same list as a CSV to download and fix the file by.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::import_errors::ImportErrors;
use super::locale::{localized, use_locale};
use crate::api::get_roster_import;
use crate::i18n::td_string;
use crate::model::RosterImportReport;

/// The page.
#[component]
pub fn RosterImportPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        let id = params.get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(-1);
        (params.get("slug").unwrap_or_default(), id)
    };
    let report = Resource::new(key, |(slug, id)| get_roster_import(slug, id));
    view! {
        <Title text=td_string!(locale, roster.title) />
        <h1>{td_string!(locale, roster.title)}</h1>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    let slug = key().0;
                    report.await.map(|report| view! { <ReportView report slug /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ReportView(report: RosterImportReport, slug: String) -> impl IntoView {
    let locale = use_locale();
    let back = localized(locale, &format!("/organisasi/{slug}"));
    let download =
        localized(locale, &format!("/organisasi/{slug}/impor-asn/{}/laporan.csv", report.id));
    let summary = if report.imported() {
        td_string!(
            locale,
            roster.imported,
            rows = report.rows,
            created = report.created,
            updated = report.updated
        )
        .to_string()
    } else {
        td_string!(locale, roster.refused, problems = report.errors.len()).to_string()
    };
    let imported = report.imported();
    view! {
        <p class=if imported { "notice" } else { "error-box" } role="status" id="roster-outcome">
            <strong>{report.file_name.clone()}</strong>
            ": "
            {summary}
        </p>
        {(!imported).then(|| {
            view! {
                <p>
                    <a href=download download="">{td_string!(locale, roster.download)}</a>
                </p>
                <ImportErrors errors=report.errors.clone() id="roster-errors" />
            }
        })}
        <p>
            <a href=back>{td_string!(locale, roster.back)}</a>
        </p>
    }
}
