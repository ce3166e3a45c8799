//! `/organisasi/{slug}/kesenjangan` (`?dasar=sasaran` for the target positions): an agency's
//! competency gaps as a heatmap table, competencies × units, for its leads and the province.
//! Each cell is a number first (how many below standard, of how many) and a shade second; it
//! links to the people behind it, and a lead turns a competency's gap into a need in one step.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::labels::{localized_name, one_decimal};
use super::locale::{localized, use_locale};
use crate::api::get_gap_map;
use crate::i18n::{Locale, td_string};
use crate::model::{GapBasis, GapCell, GapMap, GapMapRow, GapPrefill};

/// The page.
#[component]
pub fn GapMapPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let source = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            query.read().get("dasar").unwrap_or_default(),
        )
    };
    let map = Resource::new(source, |(agency, basis)| get_gap_map(agency, basis));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move { map.await.map(|map| view! { <GapMapView map /> }) })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// How dark a cell is: 0 (nobody below) to 4 (everyone below).
fn shade(cell: &GapCell) -> String {
    if cell.required_of == 0 {
        return "heat heat-none".into();
    }
    let step = (cell.below * 4).div_ceil(cell.required_of).min(4);
    format!("heat heat-{step}")
}

/// The text of a cell: below of required, the mean gap, the unassessed.
pub fn cell_text(locale: Locale, cell: &GapCell) -> String {
    let mut text =
        td_string!(locale, gaps.cell, below = cell.below, of = cell.required_of).to_string();
    if let Some(mean) = cell.mean_gap.filter(|m| *m > 0.0) {
        text.push_str("; ");
        text.push_str(&td_string!(locale, gaps.mean, gap = one_decimal(locale, mean)).to_string());
    }
    if cell.unassessed > 0 {
        text.push_str("; ");
        text.push_str(&td_string!(locale, gaps.unassessed, count = cell.unassessed).to_string());
    }
    text
}

/// The link turning `cell`'s gap in `code` into a new competency need of the agency.
pub fn need_link(slug: &str, code: &str, cell: &GapCell, units: Vec<String>) -> Option<String> {
    let level = cell.top_required.filter(|_| cell.below > 0)?;
    let prefill = GapPrefill {
        competency: code.to_owned(),
        target_level: level.to_string(),
        headcount: cell.below.to_string(),
        units,
    };
    Some(format!("/organisasi/{slug}/kebutuhan-baru?{}", prefill.query()))
}

#[component]
fn GapMapView(map: GapMap) -> impl IntoView {
    let locale = use_locale();
    let title = td_string!(locale, gaps.title, agency = map.agency_name.clone()).to_string();
    let base = format!("/organisasi/{}/kesenjangan", map.agency_slug);
    let basis_link = |basis: GapBasis, label: &'static str| {
        let href = localized(locale, &format!("{base}?dasar={}", basis.url_word()));
        let current = (map.basis == basis).then_some("page");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    };
    let unit_name = move |unit: &str| {
        if unit.is_empty() { td_string!(locale, gaps.no_unit).to_owned() } else { unit.to_owned() }
    };
    let heads =
        map.units.iter().map(|u| view! { <th scope="col">{unit_name(u)}</th> }).collect_view();
    let rows = map.rows.iter().map(|row| gap_row(locale, &map, row)).collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <nav aria-label=td_string!(locale, gaps.link)>
            <ul class="inline-list">
                {basis_link(GapBasis::Held, td_string!(locale, gaps.basis_held))}
                {basis_link(GapBasis::Target, td_string!(locale, gaps.basis_target))}
            </ul>
        </nav>
        <p class="hint">{td_string!(locale, gaps.summary, staff = map.staff).to_string()}</p>
        {map.rows.is_empty().then(|| view! { <p>{td_string!(locale, gaps.empty)}</p> })}
        {(!map.rows.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table class="gap-map">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, assessment.competency)}</th>
                            {heads}
                            <th scope="col">{td_string!(locale, gaps.all_units)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
    }
}

/// One competency across the units, then the whole agency (with the lead's one-step action).
fn gap_row(locale: Locale, map: &GapMap, row: &GapMapRow) -> impl IntoView + use<> {
    let people = |unit: Option<&str>| {
        let mut href = format!(
            "/organisasi/{}/kesenjangan/{}?dasar={}",
            map.agency_slug,
            row.code,
            map.basis.url_word()
        );
        if let Some(unit) = unit {
            let encoded: String = form_urlencoded::byte_serialize(unit.as_bytes()).collect();
            href.push_str(&format!("&unit={encoded}"));
        }
        localized(locale, &href)
    };
    let cells = map
        .units
        .iter()
        .zip(&row.cells)
        .map(|(unit, cell)| {
            let content = (cell.required_of > 0).then(|| {
                view! { <a href=people(Some(unit))>{cell_text(locale, cell)}</a> }
            });
            view! { <td class=shade(cell) data-unit=unit.clone() data-below=cell.below>{content}</td> }
        })
        .collect_view();
    let units_below: Vec<String> = map
        .units
        .iter()
        .zip(&row.cells)
        .filter(|(unit, cell)| cell.below > 0 && !unit.is_empty())
        .map(|(unit, _)| unit.clone())
        .collect();
    let action = map
        .may_act
        .then(|| need_link(&map.agency_slug, &row.code, &row.total, units_below))
        .flatten()
        .map(|href| {
            view! { <br /><a class="button button-small" href=localized(locale, &href)>{td_string!(locale, gaps.turn_into_need)}</a> }
        });
    view! {
        <tr data-competency=row.code.clone()>
            <th scope="row">{row.code.clone()}" "{localized_name(locale, &row.name_id, &row.name_en).to_owned()}</th>
            {cells}
            <td class=shade(&row.total) data-below=row.total.below>
                <a href=people(None)>{cell_text(locale, &row.total)}</a>
                {action}
            </td>
        </tr>
    }
}
