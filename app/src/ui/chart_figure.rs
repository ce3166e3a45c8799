//! One dashboard chart: horizontal bars drawn as SVG on the server (no script, no chart library),
//! the same rows as a table for screen readers and small screens, and a link to them as CSV.
//! The texts are public so that the CSV export names its columns and rows the same way.

use leptos::prelude::*;

use super::labels::{
    collaboration_status_label, enrollment_status_label, localized_name, need_status_label,
    one_decimal, status_label,
};
use super::locale::use_locale;
use crate::domain::chart::{BAR_HEIGHT, Bars, LABEL_WIDTH, WIDTH};
use crate::i18n::{Locale, td_string};
use crate::model::{Chart, ChartKey, ChartLabel};

/// The longest label drawn beside a bar; the table shows it whole.
const LABEL_CHARS: usize = 30;

/// A chart's title and its table's two column headings.
pub fn chart_texts(locale: Locale, key: ChartKey) -> [&'static str; 3] {
    match key {
        ChartKey::JpByYear => [
            td_string!(locale, dashboard.jp_by_year_title),
            td_string!(locale, dashboard.jp_by_year_label),
            td_string!(locale, dashboard.jp_by_year_value),
        ],
        ChartKey::OwnGaps => [
            td_string!(locale, dashboard.own_gaps_title),
            td_string!(locale, dashboard.own_gaps_label),
            td_string!(locale, dashboard.own_gaps_value),
        ],
        ChartKey::EnrollmentsByStatus => [
            td_string!(locale, dashboard.enrollments_title),
            td_string!(locale, dashboard.enrollments_label),
            td_string!(locale, dashboard.enrollments_value),
        ],
        ChartKey::CertificatesByYear => [
            td_string!(locale, dashboard.certificates_title),
            td_string!(locale, dashboard.certificates_label),
            td_string!(locale, dashboard.certificates_value),
        ],
        ChartKey::JpCoverage => [
            td_string!(locale, dashboard.jp_coverage_title),
            td_string!(locale, dashboard.jp_coverage_label),
            td_string!(locale, dashboard.jp_coverage_value),
        ],
        ChartKey::LargestGaps => [
            td_string!(locale, dashboard.largest_gaps_title),
            td_string!(locale, dashboard.largest_gaps_label),
            td_string!(locale, dashboard.largest_gaps_value),
        ],
        ChartKey::NeedsByStatus => [
            td_string!(locale, dashboard.needs_title),
            td_string!(locale, dashboard.needs_label),
            td_string!(locale, dashboard.needs_value),
        ],
        ChartKey::SpendByYear => [
            td_string!(locale, dashboard.spend_title),
            td_string!(locale, dashboard.spend_label),
            td_string!(locale, dashboard.spend_value),
        ],
        ChartKey::CoverageByAgency => [
            td_string!(locale, dashboard.coverage_by_agency_title),
            td_string!(locale, dashboard.coverage_by_agency_label),
            td_string!(locale, dashboard.coverage_by_agency_value),
        ],
        ChartKey::UniversityContribution => [
            td_string!(locale, dashboard.contribution_title),
            td_string!(locale, dashboard.contribution_label),
            td_string!(locale, dashboard.contribution_value),
        ],
        ChartKey::OffersByStatus => [
            td_string!(locale, dashboard.offers_title),
            td_string!(locale, dashboard.offers_label),
            td_string!(locale, dashboard.offers_value),
        ],
        ChartKey::CompletionByCourse => [
            td_string!(locale, dashboard.completion_title),
            td_string!(locale, dashboard.completion_label),
            td_string!(locale, dashboard.completion_value),
        ],
        ChartKey::CollaborationsByStatus => [
            td_string!(locale, dashboard.collaborations_title),
            td_string!(locale, dashboard.collaborations_label),
            td_string!(locale, dashboard.collaborations_value),
        ],
    }
}

/// What a bar stands for, in `locale`.
pub fn label_text(locale: Locale, label: &ChartLabel) -> String {
    match label {
        ChartLabel::Year(year) => year.to_string(),
        ChartLabel::Named { id, en } => localized_name(locale, id, en).to_owned(),
        ChartLabel::Enrollment(status) => enrollment_status_label(locale, *status).to_owned(),
        ChartLabel::Need(status) => need_status_label(locale, *status).to_owned(),
        ChartLabel::Offer(status) => status_label(locale, *status).to_owned(),
        ChartLabel::Collaboration(status) => collaboration_status_label(locale, *status).to_owned(),
        ChartLabel::JpBand { from, to: Some(to) } if from == to => {
            td_string!(locale, dashboard.band_one, from = from).to_string()
        }
        ChartLabel::JpBand { from, to: Some(to) } => {
            td_string!(locale, dashboard.band, from = from, to = to).to_string()
        }
        ChartLabel::JpBand { from, to: None } => {
            td_string!(locale, dashboard.band_open, from = from).to_string()
        }
    }
}

/// A value as shown: whole numbers plainly, others to one decimal in the locale's style.
pub fn value_text(locale: Locale, value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { one_decimal(locale, value) }
}

/// Every chart of a dashboard, each with its CSV under `csv_base`.
#[component]
pub fn DashboardCharts(charts: Vec<Chart>, csv_base: String) -> impl IntoView {
    let charts = charts
        .into_iter()
        .map(|chart| view! { <ChartFigure chart csv_base=csv_base.clone() /> })
        .collect_view();
    view! { <div class="charts">{charts}</div> }
}

/// The chart, its table and its CSV link (`{csv_base}/{slug}.csv`).
#[component]
pub fn ChartFigure(chart: Chart, csv_base: String) -> impl IntoView {
    let locale = use_locale();
    let [title, label_heading, value_heading] = chart_texts(locale, chart.key);
    let slug = chart.key.slug();
    let title_id = format!("grafik-{slug}");
    let csv = format!("{csv_base}/{slug}.csv");
    if chart.rows.is_empty() {
        return view! {
            <section class="chart" id=slug>
                <h2 id=title_id>{title}</h2>
                <p class="hint">{td_string!(locale, dashboard.empty)}</p>
            </section>
        }
        .into_any();
    }
    let labelled: Vec<(String, f64)> =
        chart.rows.iter().map(|row| (label_text(locale, &row.label), row.value)).collect();
    let rows = labelled
        .iter()
        .map(|(label, value)| {
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    <td class="number">{value_text(locale, *value)}</td>
                </tr>
            }
        })
        .collect_view();
    let target = chart.target.map(|t| {
        view! {
            <p class="hint">{td_string!(locale, dashboard.target, target = value_text(locale, t))}</p>
        }
    });
    view! {
        <section class="chart" id=slug>
            <h2 id=title_id.clone()>{title}</h2>
            <BarsSvg labelled target=chart.target full=chart.key.full_scale() title_id />
            {target}
            <details>
                // The chart's title, unseen, tells one chart's links from the next to a screen
                // reader listing links.
                <summary>
                    {td_string!(locale, dashboard.table)}
                    <span class="visually-hidden">{format!(": {title}")}</span>
                </summary>
                <div class="table-scroll">
                    <table>
                        <caption class="visually-hidden">{title}</caption>
                        <thead>
                        <tr>
                            <th scope="col">{label_heading}</th>
                            <th scope="col">{value_heading}</th>
                        </tr>
                    </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
            <p>
                <a href=csv download="">
                    {td_string!(locale, dashboard.csv)}
                    <span class="visually-hidden">{format!(": {title}")}</span>
                </a>
            </p>
        </section>
    }
    .into_any()
}

/// A coordinate to one decimal: enough for any screen, and no float noise in the page.
fn at(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The SVG: labels left, bars on one scale, values right of each bar, the target as a line.
#[component]
fn BarsSvg(
    labelled: Vec<(String, f64)>,
    target: Option<f64>,
    full: Option<f64>,
    title_id: String,
) -> impl IntoView {
    let locale = use_locale();
    let bars = Bars::layout(&labelled, target, full);
    let height = bars.height();
    let middle = BAR_HEIGHT * 0.7;
    let drawn = bars
        .bars
        .iter()
        .map(|bar| {
            let short: String = if bar.label.chars().count() > LABEL_CHARS {
                bar.label.chars().take(LABEL_CHARS - 1).chain(['…']).collect()
            } else {
                bar.label.clone()
            };
            let value = value_text(locale, bar.value);
            view! {
                <g>
                    <title>{format!("{}: {value}", bar.label)}</title>
                    <text x=LABEL_WIDTH - 8.0 y=at(bar.y + middle) text-anchor="end">{short}</text>
                    <rect class="bar" x=LABEL_WIDTH y=at(bar.y) width=at(bar.length) height=BAR_HEIGHT />
                    <text x=at(LABEL_WIDTH + bar.length + 6.0) y=at(bar.y + middle)>{value}</text>
                </g>
            }
        })
        .collect_view();
    let line = bars.target_x.map(|x| {
        view! { <line class="target" x1=at(x) x2=at(x) y1=0.0 y2=at(height) /> }
    });
    view! {
        <svg
            class="bars"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-labelledby=title_id
            preserveAspectRatio="xMinYMin meet"
        >
            {drawn}
            {line}
        </svg>
    }
}
