//! `/kolaborasi/{id}`: a collaboration for its two parties and the province — the need it
//! answers, what was agreed (seats or outputs, price, dates), both contacts, where it stands and
//! its history — and, for the parties, the next moves as plain forms.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::collaboration_seats::CollaborationSeatsSection;
use super::error_view::{FormError, form_error};
use super::labels::{collaboration_status_label, long_date, output_label, rupiah};
use super::locale::{localized, use_locale};
use crate::api::{ChangeCollaborationStatus, get_collaboration};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{
    CollaborationDetail, CollaborationStatus, Contact, MAX_COLLABORATION_NOTE, NeedKind, OfferKind,
};

/// The page.
#[component]
pub fn CollaborationPage() -> impl IntoView {
    let params = use_params_map();
    let change = ServerAction::<ChangeCollaborationStatus>::new();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0);
    let detail =
        Resource::new(move || (id(), change.version().get()), |(id, _)| get_collaboration(id));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    detail.await.map(|detail| view! { <CollaborationView detail change /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn CollaborationView(
    detail: CollaborationDetail,
    change: ServerAction<ChangeCollaborationStatus>,
) -> impl IntoView {
    let locale = use_locale();
    let title =
        td_string!(locale, collaboration.title, need = detail.need_title.clone()).to_string();
    let lead = td_string!(
        locale,
        collaboration.lead,
        agency = detail.agency_name.clone(),
        university = detail.university_name.clone()
    )
    .to_string();
    let segment = match detail.need_kind {
        NeedKind::Competency => OfferKind::Course.path_segment(),
        NeedKind::Research => OfferKind::Research.path_segment(),
    };
    let offer = detail.offer.clone().map(|(slug, title)| {
        view! {
            <dt>{td_string!(locale, collaboration.offer)}</dt>
            <dd><a href=localized(locale, &format!("/katalog/{segment}/{slug}"))>{title}</a></dd>
        }
    });
    let seats = detail.reserved_seats.map(|seats| {
        view! {
            <dt>{td_string!(locale, collaboration.seats)}</dt>
            <dd>{seats}</dd>
        }
    });
    let outputs = (!detail.outputs.is_empty()).then(|| {
        let names: Vec<&str> = detail.outputs.iter().map(|o| output_label(locale, *o)).collect();
        view! {
            <dt>{td_string!(locale, collaboration.outputs)}</dt>
            <dd>{names.join(", ")}</dd>
        }
    });
    let history = detail
        .history
        .iter()
        .map(|step| {
            view! {
                <li>
                    {format_wib(&step.at.to_rfc3339())}" · "
                    <strong>{collaboration_status_label(locale, step.to)}</strong>" · "
                    {step.by.clone()}
                    {(!step.note.is_empty()).then(|| format!(" — {}", step.note))}
                </li>
            }
        })
        .collect_view();
    let manage = (!detail.moves.is_empty())
        .then(|| view! { <Moves id=detail.id moves=detail.moves.clone() change /> });
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb">
            <a href=localized(locale, &format!("/kebutuhan/{}", detail.need_slug))>
                {td_string!(locale, collaboration.need)}
            </a>
        </p>
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        <p class="status-banner" data-status=detail.status.as_db()>
            {td_string!(locale, collaboration.status)}": "
            <strong>{collaboration_status_label(locale, detail.status)}</strong>
        </p>
        <dl class="facts">
            {offer}
            {seats}
            {outputs}
            <dt>{td_string!(locale, collaboration.price)}</dt>
            <dd>{rupiah(locale, detail.price_rupiah, true)}</dd>
            <dt>{td_string!(locale, collaboration.dates)}</dt>
            <dd>{long_date(locale, detail.starts_on)}" – "{long_date(locale, detail.ends_on)}</dd>
        </dl>
        <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{td_string!(locale, collaboration.contacts)}</h2>
            <dl class="facts">
                <dt>{td_string!(locale, collaboration.agency_contact)}</dt>
                <dd><ContactLine contact=detail.agency_contact.clone() /></dd>
                <dt>{td_string!(locale, collaboration.university_contact)}</dt>
                <dd><ContactLine contact=detail.university_contact.clone() /></dd>
            </dl>
        </section>
        <CollaborationSeatsSection id=detail.id />
        {manage}
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{td_string!(locale, collaboration.history)}</h2>
            <ol class="history">{history}</ol>
        </section>
    }
}

#[component]
fn ContactLine(contact: Contact) -> impl IntoView {
    let mailto = format!("mailto:{}", contact.email);
    view! { {contact.name}" · "<a href=mailto>{contact.email}</a> }
}

/// The moves the viewer may make, each a plain form with an optional (cancel: required) note.
#[component]
fn Moves(
    id: i32,
    moves: Vec<CollaborationStatus>,
    change: ServerAction<ChangeCollaborationStatus>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(change.value().get());
    let forms = moves
        .into_iter()
        .map(|next| {
            // Each form its own note label: a screen reader lists them apart.
            let (label, note, required) = match next {
                CollaborationStatus::Running => {
                    (td_string!(locale, collaboration.start), td_string!(locale, collaboration.note_move), false)
                }
                CollaborationStatus::Completed => {
                    (td_string!(locale, collaboration.complete), td_string!(locale, collaboration.note_move), false)
                }
                _ => (td_string!(locale, collaboration.cancel), td_string!(locale, collaboration.note_cancel), true),
            };
            let note_id = format!("note-{}", next.as_db());
            view! {
                <ActionForm action=change attr:class="decline-form">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="status" value=format!("{next:?}") />
                    <label for=note_id.clone()>{note}</label>
                    <textarea id=note_id name="note" rows="2" required=required maxlength=MAX_COLLABORATION_NOTE></textarea>
                    <button class="button button-small" type="submit">{label}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <section class="manage" aria-labelledby="manage-heading">
            <h2 id="manage-heading">{td_string!(locale, collaboration.manage)}</h2>
            {move || view! { <FormError error=error() /> }}
            <div class="proposal-decision">{forms}</div>
        </section>
    }
}
