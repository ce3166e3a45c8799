//! `/katalog`: the public catalogue. The filters are a plain GET form, so every search is a link
//! and works without JavaScript; results come a page at a time with a "next" link.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_query_map;

use super::ErrorView;
use super::labels::{
    competency_type_label, localized_name, long_date, mode_label, offer_kind_label, rupiah,
};
use super::live_search::LiveSearch;
use super::locale::{localized, use_locale};
use crate::api::{get_catalogue_facets, search_catalogue};
use crate::i18n::td_string;
use crate::model::{
    CatalogueFacets, CataloguePage as Page, CatalogueQuery, CatalogueSort, DeliveryMode, OfferCard,
    OfferKind, Price, Region,
};

/// The query parameters the catalogue reads.
const PARAMS: [&str; 12] = [
    "q",
    "jenis",
    "kompetensi",
    "level",
    "tipe",
    "moda",
    "lokasi",
    "kampus",
    "biaya",
    "bulan",
    "urut",
    "setelah",
];

/// The page.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let locale = use_locale();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let map = params.get();
        let pairs: Vec<(&str, String)> =
            PARAMS.iter().filter_map(|key| map.get(key).map(|value| (*key, value))).collect();
        CatalogueQuery::from_params(pairs.iter().map(|(k, v)| (*k, v.as_str())))
    });
    let results = Resource::new(move || query.get(), search_catalogue);
    let facets = Resource::new(|| (), |_| get_catalogue_facets());
    view! {
        <Title text=td_string!(locale, catalogue.title) />
        <Meta name="description" content=td_string!(locale, catalogue.lead) />
        <Link rel="canonical" href=localized(locale, "/katalog") />
        <h1>{td_string!(locale, catalogue.title)}</h1>
        <p class="lead">{td_string!(locale, catalogue.lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    let facets = facets.await?;
                    let page = results.await?;
                    let query = query.get_untracked();
                    Ok::<_, crate::error::AppError>(
                        view! {
                            <Filters query=query.clone() facets />
                            <Results query page />
                        },
                    )
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The search form: words and every filter, submitted as a GET to the catalogue.
#[component]
fn Filters(query: CatalogueQuery, facets: CatalogueFacets) -> impl IntoView {
    let locale = use_locale();
    let any = td_string!(locale, catalogue.any);
    let option = |value: String, label: String, selected: bool| {
        view! { <option value=value selected=selected>{label}</option> }
    };
    let kinds = [OfferKind::Course, OfferKind::Research].map(|k| {
        option(k.path_segment().into(), offer_kind_label(locale, k).into(), query.kind == Some(k))
    });
    let competency_options = facets
        .competencies
        .iter()
        .map(|(code, name_id, name_en, _)| {
            let label = format!("{} ({code})", localized_name(locale, name_id, name_en));
            option(code.clone(), label, query.competency.as_deref() == Some(code.as_str()))
        })
        .collect_view();
    let levels = (1u8..=5).map(|l| {
        let label = td_string!(locale, catalogue.level_at_least, level = l).to_string();
        option(l.to_string(), label, query.level == Some(l))
    });
    let types = ["manajerial", "teknis", "sosial_kultural"].map(|code| {
        let label = competency_type_label(locale, code);
        option(code.into(), label, query.competency_type.as_deref() == Some(code))
    });
    let modes = DeliveryMode::ALL
        .map(|m| option(m.as_db().into(), mode_label(locale, m).into(), query.mode == Some(m)));
    let regions = Region::ALL
        .map(|r| option(r.code.into(), r.name.into(), query.region.as_deref() == Some(r.code)));
    let universities = facets
        .universities
        .iter()
        .map(|(slug, name)| {
            option(slug.clone(), name.clone(), query.university.as_deref() == Some(slug.as_str()))
        })
        .collect_view();
    let prices = [
        ("gratis", Price::Free, td_string!(locale, catalogue.price_free)),
        ("berbayar", Price::Paid, td_string!(locale, catalogue.price_paid)),
    ]
    .map(|(value, price, label)| option(value.into(), label.into(), query.price == Some(price)));
    let sorts = [
        (CatalogueSort::Relevance, td_string!(locale, catalogue.sort_relevance)),
        (CatalogueSort::Newest, td_string!(locale, catalogue.sort_newest)),
        (CatalogueSort::Soonest, td_string!(locale, catalogue.sort_soonest)),
    ]
    .map(|(sort, label)| option(sort.as_param().into(), label.into(), query.sort == sort));
    let month = query.month.map(|m| m.format("%Y-%m").to_string()).unwrap_or_default();
    let select = move |id: &'static str, label: &'static str, options: AnyView| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=id>
                    <option value="">{any}</option>
                    {options}
                </select>
            </div>
        }
    };
    view! {
        <form
            id="catalogue-form"
            class="catalogue-filters"
            method="get"
            action=localized(locale, "/katalog")
            role="search"
            aria-label=td_string!(locale, catalogue.search_label)
        >
            <div class="field field-wide">
                <label for="q">{td_string!(locale, catalogue.words)}</label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    maxlength="200"
                    value=query.q.clone()
                    placeholder=td_string!(locale, catalogue.words_hint)
                />
            </div>
            {select("jenis", td_string!(locale, catalogue.kind), kinds.into_iter().collect_view().into_any())}
            {select("kompetensi", td_string!(locale, catalogue.competency), competency_options.into_any())}
            {select("level", td_string!(locale, catalogue.level), levels.collect_view().into_any())}
            {select("tipe", td_string!(locale, catalogue.competency_type), types.into_iter().collect_view().into_any())}
            {select("moda", td_string!(locale, catalogue.mode), modes.into_iter().collect_view().into_any())}
            {select("lokasi", td_string!(locale, catalogue.region), regions.into_iter().collect_view().into_any())}
            {select("kampus", td_string!(locale, catalogue.university), universities.into_any())}
            {select("biaya", td_string!(locale, catalogue.price), prices.into_iter().collect_view().into_any())}
            <div class="field">
                <label for="bulan">{td_string!(locale, catalogue.month)}</label>
                <input id="bulan" name="bulan" type="month" value=month />
            </div>
            <div class="field">
                <label for="urut">{td_string!(locale, catalogue.sort)}</label>
                <select id="urut" name="urut">{sorts.into_iter().collect_view()}</select>
            </div>
            <LiveSearch form_id="catalogue-form".to_owned() results_id="catalogue-results".to_owned() />
            <div class="actions">
                <button class="button" type="submit">{td_string!(locale, catalogue.submit)}</button>
                <a href=localized(locale, "/katalog")>{td_string!(locale, catalogue.reset)}</a>
            </div>
        </form>
    }
}

/// The count, the cards and the link to the next page.
#[component]
fn Results(query: CatalogueQuery, page: Page) -> impl IntoView {
    let locale = use_locale();
    let next = page.next_after.map(|after| {
        let next_query = CatalogueQuery { after: Some(after), ..query.clone() };
        view! {
            <a class="button button-link" rel="next" href=catalogue_href(locale, &next_query)>
                {td_string!(locale, catalogue.next)}
            </a>
        }
    });
    let first = query.after.is_some().then(|| {
        let first_query = CatalogueQuery { after: None, ..query.clone() };
        view! {
            <a href=catalogue_href(locale, &first_query)>{td_string!(locale, catalogue.first)}</a>
        }
    });
    let empty = page.cards.is_empty();
    view! {
        <section id="catalogue-results" aria-labelledby="result-count">
            <h2 id="result-count" class="result-count" data-total=page.total>
                {if page.more {
                    td_string!(locale, catalogue.count_more, count = page.total).to_string()
                } else {
                    td_string!(locale, catalogue.count, count = page.total).to_string()
                }}
            </h2>
            {empty.then(|| view! { <p>{td_string!(locale, catalogue.none)}</p> })}
            <ul class="offer-list">
                {page.cards.into_iter().map(|card| view! { <Card card /> }).collect_view()}
            </ul>
            <nav class="pager" aria-label=td_string!(locale, catalogue.pages)>
                {first}
                {next}
            </nav>
        </section>
    }
}

/// One result.
#[component]
fn Card(card: OfferCard) -> impl IntoView {
    let locale = use_locale();
    let href = localized(locale, &format!("/katalog/{}/{}", card.kind.path_segment(), card.slug));
    let mut facts: Vec<String> = vec![offer_kind_label(locale, card.kind).to_owned()];
    facts.extend(card.mode.map(|m| mode_label(locale, m).to_owned()));
    facts.extend(card.region.clone());
    facts.extend(card.starts_on.map(|d| long_date(locale, d)));
    facts.extend(card.jp.map(|jp| format!("{jp} JP")));
    facts.extend(card.fee_rupiah.map(|fee| rupiah(locale, fee, true)));
    view! {
        <li class="offer-card" data-slug=card.slug.clone()>
            <article>
                <h3>
                    <a href=href>{card.title}</a>
                </h3>
                <p class="offer-university">{card.university}</p>
                <p class="offer-facts">{facts.join(" · ")}</p>
                <p>{card.summary}</p>
                <ul class="tags" aria-label=td_string!(locale, catalogue.competencies)>
                    {card
                        .competencies
                        .into_iter()
                        .map(|tag| {
                            let name = localized_name(locale, &tag.name_id, &tag.name_en).to_owned();
                            let level = tag.level.map(|l| format!(" · level {l}"));
                            view! { <li>{name}{level}</li> }
                        })
                        .collect_view()}
                </ul>
            </article>
        </li>
    }
}

/// The catalogue URL of a search, in the page's language.
fn catalogue_href(locale: crate::i18n::Locale, query: &CatalogueQuery) -> String {
    let params = query.to_params();
    let path = localized(locale, "/katalog");
    if params.is_empty() {
        return path;
    }
    let encoded = form_urlencoded::Serializer::new(String::new()).extend_pairs(params).finish();
    format!("{path}?{encoded}")
}
