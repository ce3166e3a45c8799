//! `/organisasi/{slug}/kesenjangan/{code}` (`?unit=`, `?dasar=`): the civil servants behind one
//! cell of the gap map — who is below the standard in the competency, by how much, and who was
//! never assessed — each linked to their profile, with the lead's "turn into a need".

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::competency_profile::{gap_label, kind_label};
use super::gap_map_page::{cell_text, need_link};
use super::labels::localized_name;
use super::locale::{localized, use_locale};
use crate::api::get_gap_people;
use crate::domain::profile::Gap;
use crate::i18n::td_string;
use crate::model::GapPeople;

/// The page.
#[component]
pub fn GapPeoplePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let source = move || {
        let (p, q) = (params.read(), query.read());
        (
            p.get("slug").unwrap_or_default(),
            p.get("code").unwrap_or_default(),
            q.get("unit"),
            q.get("dasar").unwrap_or_default(),
        )
    };
    let people = Resource::new(source, |(agency, code, unit, basis)| {
        get_gap_people(agency, code, unit, basis)
    });
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    people.await.map(|people| view! { <GapPeopleView people /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn GapPeopleView(people: GapPeople) -> impl IntoView {
    let locale = use_locale();
    let competency =
        format!("{} {}", people.code, localized_name(locale, &people.name_id, &people.name_en));
    let unit = match people.unit.as_deref() {
        None => td_string!(locale, gaps.all_units).to_owned(),
        Some("") => td_string!(locale, gaps.no_unit).to_owned(),
        Some(unit) => unit.to_owned(),
    };
    let title =
        td_string!(locale, gaps.people_title, competency = competency, unit = unit).to_string();
    let units: Vec<String> = match people.unit.clone() {
        Some(unit) if !unit.is_empty() => vec![unit],
        Some(_) => Vec::new(),
        None => {
            let mut below: Vec<String> = people
                .people
                .iter()
                .filter(|p| p.current.is_some_and(|c| c.level < p.required))
                .filter_map(|p| p.unit.clone())
                .collect();
            below.sort();
            below.dedup();
            below
        }
    };
    let action = people
        .may_act
        .then(|| need_link(&people.agency_slug, &people.code, &people.cell, units))
        .flatten()
        .map(|href| {
            view! { <p><a class="button" href=localized(locale, &href)>{td_string!(locale, gaps.turn_into_need)}</a></p> }
        });
    let rows = people
        .people
        .iter()
        .map(|p| {
            let gap = Gap::of(p.required, p.current.map(|c| c.level));
            let (gap_text, gap_class) = gap_label(locale, Some(gap));
            let current = p
                .current
                .map(|c| {
                    format!(
                        "{} ({})",
                        td_string!(locale, assessment.level, level = c.level),
                        kind_label(locale, c.kind)
                    )
                })
                .unwrap_or_else(|| td_string!(locale, assessment.unassessed).to_owned());
            let href = localized(locale, &format!("/orang/{}/kompetensi", p.person_id));
            view! {
                <tr data-person=p.person_id>
                    <th scope="row"><a href=href>{p.name.clone()}</a><br /><span class="hint">{p.nip.clone()}</span></th>
                    <td>{p.unit.clone()}</td>
                    <td>{p.position.clone()}</td>
                    <td>{p.required}</td>
                    <td>{current}</td>
                    <td class=gap_class>{gap_text}</td>
                </tr>
            }
        })
        .collect_view();
    let back = localized(
        locale,
        &format!(
            "/organisasi/{}/kesenjangan?dasar={}",
            people.agency_slug,
            people.basis.url_word()
        ),
    );
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{cell_text(locale, &people.cell)}</p>
        {action}
        {people.people.is_empty().then(|| view! { <p>{td_string!(locale, gaps.people_none)}</p> })}
        {(!people.people.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, gaps.person)}</th>
                            <th scope="col">{td_string!(locale, assessment.unit)}</th>
                            <th scope="col">{td_string!(locale, gaps.position)}</th>
                            <th scope="col">{td_string!(locale, gaps.required)}</th>
                            <th scope="col">{td_string!(locale, assessment.current)}</th>
                            <th scope="col">{td_string!(locale, assessment.gap)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        <p><a href=back>{td_string!(locale, gaps.back)}</a></p>
    }
}
