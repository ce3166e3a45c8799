//! `/organisasi/{slug}/kebutuhan-cocok`: for a university's academics and coordinators (and the
//! province), the agencies' open needs its published offers match, best first, each with the
//! university's best offer for it and its score, linking to the need to propose.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::labels::{long_date, need_kind_label};
use super::locale::{localized, use_locale};
use crate::api::get_university_matches;
use crate::i18n::td_string;
use crate::model::{MatchedNeed, UniversityMatchList};

/// The page.
#[component]
pub fn UniversityMatchesPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let list = Resource::new(slug, get_university_matches);
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|list| view! { <UniversityMatchesView list /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn UniversityMatchesView(list: UniversityMatchList) -> impl IntoView {
    let locale = use_locale();
    let title =
        td_string!(locale, matching.university_title, university = list.university_name.clone())
            .to_string();
    let empty = list
        .needs
        .is_empty()
        .then(|| view! { <p>{td_string!(locale, matching.university_none)}</p> });
    let items = list.needs.into_iter().map(|found| view! { <NeedItem found /> }).collect_view();
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb">
            <a href=localized(locale, &format!("/organisasi/{}", list.university_slug))>
                {list.university_name.clone()}
            </a>
        </p>
        <h1>{title}</h1>
        <p class="lead">{td_string!(locale, matching.university_lead)}</p>
        {empty}
        <ol class="offer-list match-list">{items}</ol>
    }
}

#[component]
fn NeedItem(found: MatchedNeed) -> impl IntoView {
    let locale = use_locale();
    let need = found.need;
    let offer_href = localized(
        locale,
        &format!("/katalog/{}/{}", found.offer_kind.path_segment(), found.offer_slug),
    );
    view! {
        <li class="offer-card match-card" data-slug=need.slug.clone() data-total=found.total>
            <article>
                <p class="match-score">
                    <strong>{td_string!(locale, matching.score, total = found.total).to_string()}</strong>
                </p>
                <meter min="0" max="100" value=found.total aria-hidden="true"></meter>
                <h2 class="match-title">
                    <a href=localized(locale, &format!("/kebutuhan/{}", need.slug))>{need.title.clone()}</a>
                </h2>
                <p class="offer-university">{need.agency_name.clone()}</p>
                <p class="offer-facts">
                    {need_kind_label(locale, need.kind)}" · "
                    {td_string!(locale, need.deadline)}" "{long_date(locale, need.deadline)}
                </p>
                <p>
                    {td_string!(locale, matching.best_offer)}": "
                    <a href=offer_href>{found.offer_title.clone()}</a>
                </p>
                {found.proposed.then(|| view! {
                    <p class="match-marks"><span class="badge">{td_string!(locale, matching.proposed)}</span></p>
                })}
            </article>
        </li>
    }
}
