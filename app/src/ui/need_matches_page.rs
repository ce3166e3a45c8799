//! `/kebutuhan/{slug}/penawaran`: a need's ranked offers for its agency's leads and the
//! province — each with its score, what fits and what does not, and the score part by part —
//! with a plain GET filter form (mode, cost, shortlist); the agency's leads keep a shortlist and
//! invite an offer's university to propose (plain forms). Read from the stored ranking.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::{mode_label, offer_kind_label, rupiah};
use super::locale::{localized, use_locale};
use super::match_reasons::{factor_label, reason_text};
use crate::api::{InviteToPropose, ShortlistOffer, get_need_matches};
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
        let pairs: Vec<(&str, String)> = ["moda", "biaya", "daftar"]
            .iter()
            .filter_map(|key| map.get(key).map(|v| (*key, v)))
            .collect();
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
    let actions = LeadActions { shortlist: ServerAction::new(), invite: ServerAction::new() };
    let error = move || {
        form_error(actions.shortlist.value().get())
            .or_else(|| form_error(actions.invite.value().get()))
    };
    let (slug, may_act) = (list.need.slug.clone(), list.may_act);
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
        .map(|found| {
            let lead = may_act.then(|| (slug.clone(), actions));
            view! { <MatchItem found names=names.clone() lead /> }
        })
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
        <p class="lead">
            {td_string!(locale, matching.lead)} " "
            <a href=localized(locale, "/bobot-pencocokan")>{td_string!(locale, weights.link)}</a>
        </p>
        {list.pending.then(|| view! {
            <p class="status-banner" role="status">{td_string!(locale, matching.pending)}</p>
        })}
        <Filters slug=list.need.slug.clone() query />
        {move || view! { <FormError error=error() /> }}
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
            <div class="field checkbox">
                <label>
                    <input type="checkbox" name="daftar" value="pendek" checked=query.shortlist_only />
                    " "{td_string!(locale, matching.shortlist_only)}
                </label>
            </div>
            <div class="actions">
                <button class="button" type="submit">{td_string!(locale, matching.submit)}</button>
            </div>
        </form>
    }
}

/// The actions of the need's agency leads on its ranking.
#[derive(Clone, Copy)]
struct LeadActions {
    shortlist: ServerAction<ShortlistOffer>,
    invite: ServerAction<InviteToPropose>,
}

/// One ranked offer: what it is, its score, what fits and what does not, and the parts; for a
/// lead (`lead`: the need's slug and the actions), the shortlist and invitation buttons.
#[component]
fn MatchItem(
    found: MatchedOffer,
    names: Vec<(String, String, String)>,
    lead: Option<(String, LeadActions)>,
) -> impl IntoView {
    let locale = use_locale();
    let card = found.card;
    let marks = (found.shortlisted || found.invited).then(|| {
        view! {
            <p class="match-marks">
                {found.shortlisted.then(|| view! { <span class="badge">{td_string!(locale, matching.shortlisted)}</span>" " })}
                {found.invited.then(|| view! { <span class="badge">{td_string!(locale, matching.invited)}</span> })}
            </p>
        }
    });
    let offer_slug = card.slug.clone();
    let buttons = lead.map(|(slug, actions)| {
        let on = !found.shortlisted;
        let (need, offer) = (slug.clone(), offer_slug.clone());
        let invite = (!found.invited).then(|| {
            view! {
                <ActionForm action=actions.invite attr:class="inline-form">
                    <input type="hidden" name="slug" value=need />
                    <input type="hidden" name="offer" value=offer />
                    <button class="button button-small" type="submit">{td_string!(locale, matching.invite)}</button>
                </ActionForm>
            }
        });
        let label = if on {
            td_string!(locale, matching.shortlist_add)
        } else {
            td_string!(locale, matching.shortlist_remove)
        };
        view! {
            <div class="actions match-actions">
                <ActionForm action=actions.shortlist attr:class="inline-form">
                    <input type="hidden" name="slug" value=slug />
                    <input type="hidden" name="offer" value=offer_slug.clone() />
                    <input type="hidden" name="on" value=on.to_string() />
                    <button class="button button-small" type="submit">{label}</button>
                </ActionForm>
                {invite}
            </div>
        }
    });
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
                {marks}
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
                {buttons}
            </article>
        </li>
    }
}
