//! `/dasbor-saya`: a civil servant's dashboard — this year's JP against the floor, then JP per
//! year, the competencies below the standard of the position held, enrollments by status and
//! certificates per year, each as a chart with its table and CSV.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::ErrorView;
use super::chart_figure::DashboardCharts;
use super::locale::{localized, use_locale};
use crate::api::get_asn_dashboard;
use crate::i18n::td_string;
use crate::model::AsnDashboard;

/// Where the charts' CSV files are served (`/dasbor-saya/{chart}.csv`).
pub const ASN_CSV_BASE: &str = "/dasbor-saya";

/// The page.
#[component]
pub fn AsnDashboardPage() -> impl IntoView {
    let locale = use_locale();
    let dashboard = Resource::new(|| (), |_| get_asn_dashboard());
    view! {
        <Title text=td_string!(locale, dashboard.asn_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, dashboard.asn_title)}</h1>
        <p class="lead">{td_string!(locale, dashboard.asn_lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dashboard.await.map(|dashboard| view! { <AsnDashboardView dashboard /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AsnDashboardView(dashboard: AsnDashboard) -> impl IntoView {
    let locale = use_locale();
    let summary = td_string!(
        locale,
        dashboard.jp_summary,
        jp = dashboard.jp,
        minimum = dashboard.minimum,
        year = dashboard.year
    )
    .to_string();
    let unassessed = (dashboard.unassessed > 0).then(|| {
        view! {
            <p>
                {td_string!(locale, dashboard.unassessed, count = dashboard.unassessed).to_string()}
                " "
                <a href=localized(locale, "/kompetensi-saya")>{td_string!(locale, assessment.nav)}</a>
            </p>
        }
    });
    let csv_base = localized(locale, ASN_CSV_BASE);
    view! {
        <p class="figure">
            <strong>{summary}</strong>
            " "
            <a href=localized(locale, "/jp-saya")>{td_string!(locale, jp.nav)}</a>
        </p>
        {unassessed}
        <DashboardCharts charts=dashboard.charts csv_base />
    }
}
