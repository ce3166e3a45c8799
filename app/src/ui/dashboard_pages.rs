//! `/organisasi/{slug}/dasbor`: an agency's dashboard for its leads and the province (coverage
//! of 20 JP, the largest gaps with the heatmap linked, needs by status, collaboration spend);
//! `/organisasi/{slug}/dasbor-kampus`: a university's for its members and the province (the
//! evaluation of its courses, offers, enrollments, completion per course, collaborations);
//! `/dasbor-provinsi`: the province's (coverage by agency, the largest gaps province-wide, needs,
//! each university's contribution). Every chart with its table and CSV.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::chart_figure::DashboardCharts;
use super::locale::{localized, use_locale};
use super::offer_evaluation::{behaviour, completion, learning, reaction};
use crate::api::{get_agency_dashboard, get_province_dashboard, get_university_dashboard};
use crate::i18n::td_string;
use crate::model::{AgencyDashboard, ProvinceDashboard, UniversityDashboard};

/// Where the province's CSV files are served (`/dasbor-provinsi/{chart}.csv`).
pub const PROVINCE_PATH: &str = "/dasbor-provinsi";

/// The agency page.
#[component]
pub fn AgencyDashboardPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let dashboard =
        Resource::new(move || params.read().get("slug").unwrap_or_default(), get_agency_dashboard);
    view! {
        <Title text=td_string!(locale, dashboard.agency_title) />
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dashboard.await.map(|dashboard| view! { <AgencyView dashboard /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AgencyView(dashboard: AgencyDashboard) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/organisasi/{}/dasbor", dashboard.slug);
    let gap_map = localized(locale, &format!("/organisasi/{}/kesenjangan", dashboard.slug));
    view! {
        <h1>{td_string!(locale, dashboard.agency_title)}": "{dashboard.name.clone()}</h1>
        <p class="lead">{td_string!(locale, dashboard.agency_lead)}</p>
        <Coverage
            covered=dashboard.covered
            staff=dashboard.staff
            minimum=dashboard.minimum
            year=dashboard.year
        />
        <p>
            <a href=gap_map>{td_string!(locale, dashboard.gap_map_link)}</a>
        </p>
        <DashboardCharts charts=dashboard.charts csv_base=localized(locale, &base) />
    }
}

/// "x of y civil servants have reached 20 JP in year".
#[component]
fn Coverage(covered: i64, staff: i64, minimum: i32, year: i32) -> impl IntoView {
    let locale = use_locale();
    let text = td_string!(
        locale,
        dashboard.coverage_summary,
        covered = covered,
        staff = staff,
        minimum = minimum,
        year = year
    )
    .to_string();
    view! {
        <p class="figure">
            <strong>{text}</strong>
        </p>
    }
}

/// The province page.
#[component]
pub fn ProvinceDashboardPage() -> impl IntoView {
    let locale = use_locale();
    let dashboard = Resource::new(|| (), |_| get_province_dashboard());
    view! {
        <Title text=td_string!(locale, dashboard.province_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, dashboard.province_title)}</h1>
        <p class="lead">{td_string!(locale, dashboard.province_lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dashboard.await.map(|dashboard| view! { <ProvinceView dashboard /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ProvinceView(dashboard: ProvinceDashboard) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Coverage
            covered=dashboard.covered
            staff=dashboard.staff
            minimum=dashboard.minimum
            year=dashboard.year
        />
        <DashboardCharts charts=dashboard.charts csv_base=localized(locale, PROVINCE_PATH) />
    }
}

/// The university page.
#[component]
pub fn UniversityDashboardPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let dashboard = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        get_university_dashboard,
    );
    view! {
        <Title text=td_string!(locale, dashboard.university_title) />
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    dashboard.await.map(|dashboard| view! { <UniversityView dashboard /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn UniversityView(dashboard: UniversityDashboard) -> impl IntoView {
    let locale = use_locale();
    let base = format!("/organisasi/{}/dasbor-kampus", dashboard.slug);
    let summary = dashboard.evaluation;
    let measures = [
        (td_string!(locale, evaluation.completion), completion(locale, &summary)),
        (td_string!(locale, evaluation.participants_rating), reaction(locale, &summary)),
        (td_string!(locale, evaluation.learning), learning(locale, &summary)),
        (td_string!(locale, evaluation.on_the_job), behaviour(locale, &summary)),
    ];
    let rows = measures
        .into_iter()
        .map(|(measure, value)| {
            view! {
                <tr>
                    <th scope="row">{measure}</th>
                    <td>{value}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{td_string!(locale, dashboard.university_title)}": "{dashboard.name.clone()}</h1>
        <p class="lead">{td_string!(locale, dashboard.university_lead)}</p>
        <section class="evaluation-summary" aria-labelledby="evaluation-heading">
            <h2 id="evaluation-heading">{td_string!(locale, evaluation.results)}</h2>
            <table class="data-table">
                <tbody>{rows}</tbody>
            </table>
        </section>
        <DashboardCharts charts=dashboard.charts csv_base=localized(locale, &base) />
    }
}
