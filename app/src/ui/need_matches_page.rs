//! `/kebutuhan/{slug}/penawaran`: a need's ranked offers for its agency's leads and the
//! province — each with its score, what fits and what does not, and the score part by part —
//! with a plain GET filter form (mode, cost). Read from the stored ranking: no scoring here.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::labels::{mode_label, offer_kind_label, rupiah};
use super::locale::{localized, use_locale};
use super::match_reasons::{factor_label, reason_text};
use crate::api::get_need_matches;
use crate::i18n::td_string;
use crate::model::{DeliveryMode, MatchQuery, MatchedOffer, NeedMatchList, Price};

/// The page.
#[component]
pub fn NeedMatchesPage() -> impl IntoView {
    let params = use_params_map();
    let query_map = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let query = Memo::new(move |_| {
        let map = query_map.get();
        let pairs: Vec<(&str, String)> =
            ["moda", "biaya"].iter().filter_map(|key| map.get(key).map(|v| (*key, v))).collect();
        MatchQuery::from_params(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    });
    let list =
        Resource::new(move || (slug(), query.get()), |(slug, query)| get_need_matches(slug, query));
    view! {
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|list| view! { <MatchesView list query=query.get_untracked() /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn MatchesView(list: NeedMatchList, query: MatchQuery) -> impl IntoView {
    let locale = use_locale();
    let need_href = localized(locale, &format!("/kebutuhan/{}", list.need.slug));
    let shown = list.offers.len();
    let empty = if list.listed == 0 {
        Some(td_string!(locale, matching.none))
    } else if shown == 0 {
        Some(td_string!(locale, matching.none_filtered))
    } else {
        None
    };
    let names = list.competencies.clone();
    let items = list
        .offers
        .into_iter()
        .map(|found| view! { <MatchItem found names=names.clone() /> })
        .collect_view();
    view! {
        <Title text=format!("{} — {}", td_string!(locale, matching.title), list.need.title) />
        <Meta name="robots" content="noindex" />
        <p class="breadcrumb">
            <a href=localized(locale, "/kebutuhan")>{td_string!(locale, need.list_title)}</a>
            " / "
            <a href=need_href>{list.need.title.clone()}</a>
        </p>
        <h1>{td_string!(locale, matching.title)}</h1>
        <p class="lead">{td_string!(locale, matching.lead)}</p>
        {list.pending.then(|| view! {
            <p class="status-banner" role="status">{td_string!(locale, matching.pending)}</p>
        })}
        <Filters slug=list.need.slug.clone() query />
        <section id="match-results" aria-label=td_string!(locale, matching.title)>
            {empty.map(|text| view! { <p>{text}</p> })}
            {(shown > 0).then(|| view! {
                <p class="result-count">
                    {td_string!(locale, matching.listed, shown = shown, listed = list.listed).to_string()}
                </p>
            })}
            <ol class="offer-list match-list">{items}</ol>
        </section>
    }
}

#[component]
fn Filters(slug: String, query: MatchQuery) -> impl IntoView {
    let locale = use_locale();
    let modes = [DeliveryMode::TatapMuka, DeliveryMode::Daring, DeliveryMode::Blended]
        .into_iter()
        .map(|m| view! { <option value=m.as_db() selected=query.mode == Some(m)>{mode_label(locale, m)}</option> })
        .collect_view();
    let prices = [(Price::Free, td_string!(locale, matching.free_only)), (Price::Paid, td_string!(locale, matching.paid_only))]
        .into_iter()
        .map(|(p, label)| view! { <option value=p.as_param() selected=query.price == Some(p)>{label}</option> })
        .collect_view();
    view! {
        <form class="catalogue-filters" method="get" action=localized(locale, &format!("/kebutuhan/{slug}/penawaran"))>
            <div class="field">
                <label for="match-mode">{td_string!(locale, matching.mode)}</label>
                <select id="match-mode" name="moda">
                    <option value="">{td_string!(locale, matching.all)}</option>
                    {modes}
                </select>
            </div>
            <div class="field">
                <label for="match-price">{td_string!(locale, matching.price)}</label>
                <select id="match-price" name="biaya">
                    <option value="">{td_string!(locale, matching.all)}</option>
                    {prices}
                </select>
            </div>
            <div class="actions">
                <button class="button" type="submit">{td_string!(locale, matching.submit)}</button>
            </div>
        </form>
    }
}

/// One ranked offer: what it is, its score, what fits and what does not, and the parts.
#[component]
fn MatchItem(found: MatchedOffer, names: Vec<(String, String, String)>) -> impl IntoView {
    let locale = use_locale();
    let card = found.card;
    let href = localized(locale, &format!("/katalog/{}/{}", card.kind.path_segment(), card.slug));
    let mut facts = vec![offer_kind_label(locale, card.kind).to_owned()];
    if let Some(mode) = card.mode {
        facts.push(mode_label(locale, mode).to_owned());
    }
    if let Some(region) = card.region.clone() {
        facts.push(region);
    }
    if let Some(fee) = card.fee_rupiah {
        facts.push(rupiah(locale, fee, true));
    }
    let reasons = |fits: bool| -> Vec<String> {
        found
            .parts
            .iter()
            .flat_map(|p| &p.reasons)
            .filter(|r| r.fits() == Some(fits))
            .filter_map(|r| reason_text(locale, &names, r))
            .collect()
    };
    let (good, poor) = (reasons(true), reasons(false));
    let list = |items: Vec<String>, class: &'static str| {
        view! { <ul class=class>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }
    };
    let parts = found
        .parts
        .iter()
        .map(|part| {
            let value = part.score.map_or_else(
                || td_string!(locale, matching.not_judged).to_owned(),
                |s| format!("{:.0}%", s * 100.0),
            );
            view! { <tr><th scope="row">{factor_label(locale, part.factor)}</th><td class="number">{value}</td></tr> }
        })
        .collect_view();
    let total = found.total;
    view! {
        <li class="offer-card match-card" data-slug=card.slug.clone() data-total=total>
            <article>
                <p class="match-score">
                    <span class="match-rank">{td_string!(locale, matching.rank, rank = found.rank).to_string()}</span>
                    " · "
                    <strong>{td_string!(locale, matching.score, total = total).to_string()}</strong>
                </p>
                <meter min="0" max="100" value=total aria-hidden="true"></meter>
                <h2 class="match-title"><a href=href>{card.title}</a></h2>
                <p class="offer-university">{card.university}</p>
                <p class="offer-facts">{facts.join(" · ")}</p>
                {(!good.is_empty()).then(|| view! {
                    <h3 class="match-heading">{td_string!(locale, matching.fits)}</h3>
                    {list(good, "match-fits")}
                })}
                {(!poor.is_empty()).then(|| view! {
                    <h3 class="match-heading">{td_string!(locale, matching.misfits)}</h3>
                    {list(poor, "match-misfits")}
                })}
                <details class="match-parts">
                    <summary>{td_string!(locale, matching.details)}</summary>
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, matching.part)}</th>
                                <th scope="col">{td_string!(locale, matching.part_score)}</th>
                            </tr>
                        </thead>
                        <tbody>{parts}</tbody>
                    </table>
                </details>
            </article>
        </li>
    }
}
