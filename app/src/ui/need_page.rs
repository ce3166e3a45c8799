//! `/kebutuhan/{slug}`: a need's page for those who may see it — what the agency needs, why
//! (with its evidence as a table), by when and with what budget — and, for the agency's leads and
//! the province, the lifecycle buttons, the history and (open needs) the link to its ranked offers;
//! below, the universities' proposals (`need_proposals.rs`).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::{
    localized_name, long_date, mode_label, need_kind_label, need_status_label, output_label, rupiah,
};
use super::locale::{localized, use_locale};
use super::need_proposals::{NeedProposalsSection, ProposalActions};
use crate::api::{ChangeNeedStatus, get_need};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{MAX_DECISION_NOTE, NeedDetail, NeedFacts, NeedFigure, NeedKind, NeedStatus};

/// The page.
#[component]
pub fn NeedPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let change = ServerAction::<ChangeNeedStatus>::new();
    let proposals = ProposalActions::new();
    // Accepting a proposal moves the need to matched: reload it too.
    let need = Resource::new(
        move || (slug(), change.version().get(), proposals.accept.version().get()),
        move |(slug, _, _)| get_need(slug),
    );
    view! {
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    need.await.map(|detail| view! { <NeedView detail change proposals /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn NeedView(
    detail: NeedDetail,
    change: ServerAction<ChangeNeedStatus>,
    proposals: ProposalActions,
) -> impl IntoView {
    let locale = use_locale();
    let card = detail.card.clone();
    let banner = (card.status != NeedStatus::Open).then(|| {
        let notice =
            (card.status == NeedStatus::Draft).then(|| td_string!(locale, need.draft_notice));
        view! {
            <p class="status-banner" data-status=card.status.as_db()>
                {td_string!(locale, need.status_is)}" "
                <strong>{need_status_label(locale, card.status)}</strong>
                {notice.map(|n| view! { " " {n} })}
            </p>
        }
    });
    let budget = if card.budget_rupiah > 0 {
        rupiah(locale, card.budget_rupiah, false)
    } else {
        td_string!(locale, need.no_budget).to_owned()
    };
    let budget_label = match card.kind {
        NeedKind::Competency => td_string!(locale, need.budget_ceiling),
        NeedKind::Research => td_string!(locale, need.budget),
    };
    let description_label = match card.kind {
        NeedKind::Competency => td_string!(locale, need.justification),
        NeedKind::Research => td_string!(locale, need.problem),
    };
    let competency = card.competency.clone().map(|tag| {
        let name = localized_name(locale, &tag.name_id, &tag.name_en).to_owned();
        let level = tag.level.map(|l| td_string!(locale, need.target_level, level = l).to_string());
        view! {
            <dt>{td_string!(locale, need.competency)}</dt>
            <dd>
                <a href=localized(locale, &format!("/katalog?kompetensi={}", tag.code))>{name}</a>
                {level.map(|l| view! { " — " {l} })}
            </dd>
        }
    });
    let facts = match detail.facts.clone() {
        NeedFacts::Competency { units, mode, region } => view! {
            <dt>{td_string!(locale, need.headcount)}</dt>
            <dd>{card.headcount.unwrap_or_default()}</dd>
            <dt>{td_string!(locale, need.units)}</dt>
            <dd>{units.join(", ")}</dd>
            <dt>{td_string!(locale, need.mode)}</dt>
            <dd>{mode.map(|m| mode_label(locale, m)).unwrap_or(td_string!(locale, need.mode_any))}</dd>
            <dt>{td_string!(locale, need.region)}</dt>
            <dd>{region.unwrap_or_else(|| td_string!(locale, need.region_any).to_owned())}</dd>
        }
        .into_any(),
        NeedFacts::Research { expected_output, outputs, starts_on } => {
            let outputs: Vec<&str> = outputs.iter().map(|o| output_label(locale, *o)).collect();
            view! {
                <dt>{td_string!(locale, need.expected_output)}</dt>
                <dd>{expected_output}</dd>
                <dt>{td_string!(locale, need.output_kinds)}</dt>
                <dd>{outputs.join(", ")}</dd>
                <dt>{td_string!(locale, need.timeline)}</dt>
                <dd>{long_date(locale, starts_on)}" – "{long_date(locale, card.deadline)}</dd>
            }
            .into_any()
        }
    };
    let manage = (detail.editable || !detail.moves.is_empty() || !detail.history.is_empty())
        .then(|| view! { <Manage detail=detail.clone() change /> });
    view! {
        <Title text=card.title.clone() />
        <Meta name="description" content=card.summary.clone() />
        // Needs that are not public are for signed-in partners only: keep them out of indexes.
        {(!card.is_public).then(|| view! { <Meta name="robots" content="noindex" /> })}
        <p class="breadcrumb">
            <a href=localized(locale, "/kebutuhan")>{td_string!(locale, need.list_title)}</a>
            " / "
            {need_kind_label(locale, card.kind)}
        </p>
        <h1>{card.title.clone()}</h1>
        <p class="offer-university">
            <a href=localized(locale, &format!("/organisasi/{}", card.agency_slug))>{card.agency_name.clone()}</a>
        </p>
        {banner}
        <p class="lead">{card.summary.clone()}</p>
        <dl class="facts">
            {competency}
            {facts}
            <dt>{td_string!(locale, need.deadline)}</dt>
            <dd>{long_date(locale, card.deadline)}</dd>
            <dt>{budget_label}</dt>
            <dd>{budget}</dd>
        </dl>
        <section aria-labelledby="description-heading">
            <h2 id="description-heading">{description_label}</h2>
            <p class="prose plain-text">{detail.description.clone()}</p>
        </section>
        {(!detail.figures.is_empty()).then(|| view! { <Evidence figures=detail.figures.clone() /> })}
        {(card.status != NeedStatus::Draft).then(|| view! {
            <NeedProposalsSection slug=card.slug.clone() kind=card.kind actions=proposals />
        })}
        {manage}
    }
}

/// The figures an agency gave as evidence, as a table.
#[component]
fn Evidence(figures: Vec<NeedFigure>) -> impl IntoView {
    let locale = use_locale();
    let rows = figures
        .into_iter()
        .map(|f| {
            let month = long_date(locale, f.month);
            // "1 Oktober 2026" → "Oktober 2026": the day means nothing here.
            let month = month.split_once(' ').map(|(_, rest)| rest.to_owned()).unwrap_or(month);
            view! {
                <tr>
                    <td>{f.unit}</td>
                    <td>{month}</td>
                    <td>{f.measure}</td>
                    <td class="number">{f.value}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{td_string!(locale, need.evidence)}</h2>
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, need.figure_unit)}</th>
                            <th scope="col">{td_string!(locale, need.figure_month)}</th>
                            <th scope="col">{td_string!(locale, need.figure_measure)}</th>
                            <th scope="col">{td_string!(locale, need.figure_value)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The edit link, the lifecycle buttons (each a plain form) and the history.
#[component]
fn Manage(detail: NeedDetail, change: ServerAction<ChangeNeedStatus>) -> impl IntoView {
    let locale = use_locale();
    let slug = detail.card.slug.clone();
    let error = move || form_error(change.value().get());
    // Open needs have a ranking; its readers are those who see the history (leads, province).
    let ranked = detail.card.status == NeedStatus::Open && !detail.history.is_empty();
    let moves = detail
        .moves
        .iter()
        .copied()
        .map(|next| {
            let slug = slug.clone();
            let label = match next {
                NeedStatus::Open => td_string!(locale, need.open),
                NeedStatus::Fulfilled => td_string!(locale, need.fulfil),
                _ => td_string!(locale, need.close),
            };
            // Closing or fulfilling says why: the universities still waiting are told.
            let note = if next == NeedStatus::Open {
                view! { <input type="hidden" name="note" value="" /> }.into_any()
            } else {
                let id = format!("need-note-{}", next.as_db());
                view! {
                    <label for=id.clone()>{td_string!(locale, need.move_note)}</label>
                    <input type="text" id=id name="note" maxlength=MAX_DECISION_NOTE />
                }
                .into_any()
            };
            view! {
                <ActionForm action=change attr:class="inline-form">
                    <input type="hidden" name="slug" value=slug />
                    <input type="hidden" name="status" value=format!("{next:?}") />
                    {note}
                    <button class="button button-small" type="submit">{label}</button>
                </ActionForm>
            }
        })
        .collect_view();
    let history = detail
        .history
        .iter()
        .map(|step| {
            view! {
                <li>
                    {format_wib(&step.at)}" · "
                    <strong>{need_status_label(locale, step.to)}</strong>" · "
                    {step.by.clone()}
                    {(!step.note.is_empty()).then(|| format!(" — {}", step.note))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{td_string!(locale, need.manage)}</h2>
            {move || view! { <FormError error=error() /> }}
            <div class="actions">
                {detail.editable.then(|| view! {
                    <a class="button button-small button-link" href=localized(locale, &format!("/kebutuhan/{slug}/ubah"))>
                        {td_string!(locale, need.edit)}
                    </a>
                })}
                {ranked.then(|| view! {
                    <a class="button button-small button-link" href=localized(locale, &format!("/kebutuhan/{slug}/penawaran"))>
                        {td_string!(locale, matching.see)}
                    </a>
                })}
                {moves}
            </div>
            {(!detail.history.is_empty()).then(|| view! {
                <h3>{td_string!(locale, need.history)}</h3>
                <ol class="history">{history}</ol>
            })}
        </section>
    }
}
