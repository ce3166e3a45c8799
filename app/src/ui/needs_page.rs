//! `/kebutuhan`: the agency needs the viewer may see (open needs; public ones for a visitor), with
//! a plain GET filter form (kind, competency) and keyset pages. `?instansi={slug}` narrows it to
//! one agency, whose leads also see its drafts and finished needs there.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::ErrorView;
use super::labels::{localized_name, long_date, need_kind_label, need_status_label, rupiah};
use super::locale::{localized, use_locale};
use crate::api::{get_catalogue_facets, list_needs};
use crate::i18n::{Locale, td_string};
use crate::model::{NeedCard, NeedKind, NeedPage, NeedQuery};

/// The page.
#[component]
pub fn NeedsPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let map = params.get();
        let some = |key: &str| map.get(key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        NeedQuery {
            kind: some("jenis").and_then(|w| NeedKind::from_url_word(&w)),
            competency: some("kompetensi").map(|c| c.chars().take(40).collect()),
            agency: some("instansi").map(|a| a.chars().take(120).collect()),
            after: some("setelah"),
        }
    });
    let needs = Resource::new(move || query.get(), list_needs);
    let facets = Resource::new(|| (), |_| get_catalogue_facets());
    view! {
        <Title text=td_string!(locale, need.list_title) />
        <h1>{td_string!(locale, need.list_title)}</h1>
        <p class="lead">{td_string!(locale, need.list_lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    let facets = facets.await?;
                    let page = needs.await?;
                    let query = query.get_untracked();
                    Ok::<_, crate::error::AppError>(view! {
                        <Filters query=query.clone() competencies=facets.competencies />
                        <Results query page />
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Filters(query: NeedQuery, competencies: Vec<(String, String, String, String)>) -> impl IntoView {
    let locale = use_locale();
    let kinds = NeedKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.url_word() selected=query.kind == Some(k)>{need_kind_label(locale, k)}</option> })
        .collect_view();
    let chosen = query.competency.clone().unwrap_or_default();
    let competency_options = competencies
        .into_iter()
        .map(|(code, id, en, _)| {
            let label = localized_name(locale, &id, &en).to_owned();
            view! { <option value=code.clone() selected=chosen == code>{label}</option> }
        })
        .collect_view();
    view! {
        <form class="catalogue-filters" method="get" action=localized(locale, "/kebutuhan")>
            {query.agency.clone().map(|a| view! { <input type="hidden" name="instansi" value=a /> })}
            <div class="field">
                <label for="need-kind">{td_string!(locale, need.kind)}</label>
                <select id="need-kind" name="jenis">
                    <option value="">{td_string!(locale, need.all)}</option>
                    {kinds}
                </select>
            </div>
            <div class="field">
                <label for="need-competency">{td_string!(locale, need.competency)}</label>
                <select id="need-competency" name="kompetensi">
                    <option value="">{td_string!(locale, need.all)}</option>
                    {competency_options}
                </select>
            </div>
            <div class="actions">
                <button class="button" type="submit">{td_string!(locale, need.submit)}</button>
            </div>
        </form>
    }
}

#[component]
fn Results(query: NeedQuery, page: NeedPage) -> impl IntoView {
    let locale = use_locale();
    let next = page.next_after.map(|after| {
        let next_query = NeedQuery { after: Some(after), ..query.clone() };
        view! {
            <a class="button button-link" rel="next" href=needs_href(locale, &next_query)>
                {td_string!(locale, need.next)}
            </a>
        }
    });
    let empty = page.needs.is_empty();
    view! {
        <section id="need-results" aria-label=td_string!(locale, need.list_title)>
            {empty.then(|| view! { <p>{td_string!(locale, need.none)}</p> })}
            <ul class="offer-list">
                {page.needs.into_iter().map(|card| view! { <Card card /> }).collect_view()}
            </ul>
            <nav class="pager" aria-label=td_string!(locale, catalogue.pages)>{next}</nav>
        </section>
    }
}

/// One need.
#[component]
fn Card(card: NeedCard) -> impl IntoView {
    let locale = use_locale();
    let mut facts = vec![
        need_kind_label(locale, card.kind).to_owned(),
        format!("{} {}", td_string!(locale, need.deadline), long_date(locale, card.deadline)),
    ];
    if let Some(count) = card.headcount {
        facts.push(td_string!(locale, need.headcount_n, count = count).to_string());
    }
    if card.budget_rupiah > 0 {
        facts.push(rupiah(locale, card.budget_rupiah, false));
    }
    let competency = card.competency.map(|tag| {
        let name = localized_name(locale, &tag.name_id, &tag.name_en).to_owned();
        let level = tag.level.map(|l| format!(" · level {l}"));
        view! { <ul class="tags"><li>{name}{level}</li></ul> }
    });
    view! {
        <li class="offer-card need-card" data-slug=card.slug.clone()>
            <article>
                <h3>
                    <a href=localized(locale, &format!("/kebutuhan/{}", card.slug))>{card.title}</a>
                </h3>
                <p class="offer-university">{card.agency_name}</p>
                <p class="offer-facts">
                    {facts.join(" · ")}" · "
                    <span data-status=card.status.as_db()>{need_status_label(locale, card.status)}</span>
                </p>
                <p>{card.summary}</p>
                {competency}
            </article>
        </li>
    }
}

/// The list's URL for `query`.
fn needs_href(locale: Locale, query: &NeedQuery) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if let Some(kind) = query.kind {
        params.push(("jenis", kind.url_word().to_owned()));
    }
    for (key, value) in
        [("kompetensi", &query.competency), ("instansi", &query.agency), ("setelah", &query.after)]
    {
        if let Some(value) = value {
            params.push((key, value.clone()));
        }
    }
    let path = localized(locale, "/kebutuhan");
    if params.is_empty() {
        return path;
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(params).finish();
    format!("{path}?{encoded}")
}
