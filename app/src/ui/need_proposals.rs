//! The proposals section of a need's page: what each university proposed and where it stands;
//! the agency's leads accept or decline a waiting one, a university's staff withdraw theirs or
//! make one. Every button is a plain form, so the section works without JavaScript.

use leptos::prelude::*;

use super::error_view::{FormError, form_error};
use super::labels::{long_date, output_label, proposal_kind_label, proposal_status_label, rupiah};
use super::locale::{localized, use_locale};
use crate::api::{AcceptProposal, DeclineProposal, WithdrawProposal, get_need_proposals};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{
    MAX_DECISION_NOTE, NeedKind, NeedProposals, OfferKind, ProposalCard, ProposalStatus,
};

/// The actions of the section, created by the page so that accepting reloads the need too.
#[derive(Clone, Copy)]
pub struct ProposalActions {
    pub accept: ServerAction<AcceptProposal>,
    pub decline: ServerAction<DeclineProposal>,
    pub withdraw: ServerAction<WithdrawProposal>,
}

impl ProposalActions {
    pub fn new() -> Self {
        Self {
            accept: ServerAction::new(),
            decline: ServerAction::new(),
            withdraw: ServerAction::new(),
        }
    }

    /// Changes whenever one of them has run.
    pub fn version(&self) -> usize {
        self.accept.version().get() + self.decline.version().get() + self.withdraw.version().get()
    }
}

/// The section, loaded on its own: a visitor who may read the need but none of its proposals
/// gets nothing.
#[component]
pub fn NeedProposalsSection(
    slug: String,
    kind: NeedKind,
    actions: ProposalActions,
) -> impl IntoView {
    let source = slug.clone();
    let proposals =
        Resource::new(move || actions.version(), move |_| get_need_proposals(source.clone()));
    view! {
        <Suspense>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                    // A failure here must not take the need's page down with it.
                    proposals.await.ok().map(|list| view! { <ProposalList list slug kind actions /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn ProposalList(
    list: NeedProposals,
    slug: String,
    kind: NeedKind,
    actions: ProposalActions,
) -> impl IntoView {
    let locale = use_locale();
    if list.proposals.is_empty() && list.may_propose_for.is_none() && !list.may_decide {
        return None;
    }
    let error = move || {
        form_error(actions.accept.value().get())
            .or_else(|| form_error(actions.decline.value().get()))
            .or_else(|| form_error(actions.withdraw.value().get()))
    };
    let make = list.may_propose_for.map(|university| {
        let href = format!("/kebutuhan/{slug}/proposal-baru?universitas={university}");
        view! {
            <p>
                <a class="button button-link" href=localized(locale, &href)>
                    {td_string!(locale, proposal.make)}
                </a>
            </p>
        }
    });
    let collaboration = list.collaboration.map(|id| {
        view! {
            <p>
                <a class="button button-link" href=localized(locale, &format!("/kolaborasi/{id}"))>
                    {td_string!(locale, collaboration.see)}
                </a>
            </p>
        }
    });
    let hint = (list.may_decide
        && list.proposals.iter().any(|p| p.status == ProposalStatus::Submitted))
    .then(|| view! { <p class="hint">{td_string!(locale, proposal.accept_hint)}</p> });
    let empty =
        list.proposals.is_empty().then(|| view! { <p>{td_string!(locale, proposal.none)}</p> });
    let may_decide = list.may_decide;
    let cards = list
        .proposals
        .into_iter()
        .map(|card| view! { <Proposal card kind may_decide actions /> })
        .collect_view();
    Some(view! {
        <section class="proposals" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{td_string!(locale, proposal.heading)}</h2>
            {move || view! { <FormError error=error() /> }}
            {collaboration}
            {make}
            {hint}
            {empty}
            {cards}
        </section>
    })
}

/// One proposal, with the buttons the viewer may use on it.
#[component]
fn Proposal(
    card: ProposalCard,
    kind: NeedKind,
    may_decide: bool,
    actions: ProposalActions,
) -> impl IntoView {
    let locale = use_locale();
    let offer_kind = match kind {
        NeedKind::Competency => OfferKind::Course,
        NeedKind::Research => OfferKind::Research,
    };
    let offer = card.offer.clone().map(|(slug, title)| {
        let href = localized(locale, &format!("/katalog/{}/{slug}", offer_kind.path_segment()));
        view! {
            <dt>{td_string!(locale, proposal.offer)}</dt>
            <dd><a href=href>{title}</a></dd>
        }
    });
    let seats = card.seats.map(|seats| {
        view! {
            <dt>{td_string!(locale, proposal.seats)}</dt>
            <dd>{seats}</dd>
        }
    });
    let outputs = (!card.outputs.is_empty()).then(|| {
        let names: Vec<&str> = card.outputs.iter().map(|o| output_label(locale, *o)).collect();
        view! {
            <dt>{td_string!(locale, proposal.outputs)}</dt>
            <dd>{names.join(", ")}</dd>
        }
    });
    let note = match (card.status, card.decision_note.is_empty()) {
        (ProposalStatus::Declined, true) => {
            Some(td_string!(locale, proposal.declined_for_other).to_owned())
        }
        (ProposalStatus::Declined, false) => Some(card.decision_note.clone()),
        _ => None,
    };
    let waiting = card.status == ProposalStatus::Submitted;
    let decide = (may_decide && waiting).then(|| view! { <Decide id=card.id actions /> });
    let withdraw = card.may_withdraw.then(|| {
        view! {
            <ActionForm action=actions.withdraw attr:class="inline-form">
                <input type="hidden" name="id" value=card.id />
                <button class="button button-small button-secondary" type="submit">
                    {td_string!(locale, proposal.withdraw)}
                </button>
            </ActionForm>
        }
    });
    let by = td_string!(
        locale,
        proposal.by,
        name = card.author.clone(),
        at = format_wib(&card.created_at.to_rfc3339())
    )
    .to_string();
    view! {
        <article class="proposal" id=format!("proposal-{}", card.id) data-status=card.status.as_db()>
            <h3>
                {card.university_name.clone()}" — "{proposal_kind_label(locale, card.kind)}
            </h3>
            <p class="proposal-status">
                <strong>{proposal_status_label(locale, card.status)}</strong>
                {note.map(|n| view! { " — " {n} })}
            </p>
            <dl class="facts">
                {offer}
                {seats}
                <dt>{td_string!(locale, proposal.price)}</dt>
                <dd>{rupiah(locale, card.price_rupiah, true)}</dd>
                <dt>{td_string!(locale, proposal.dates)}</dt>
                <dd>{long_date(locale, card.starts_on)}" – "{long_date(locale, card.ends_on)}</dd>
                {outputs}
            </dl>
            {(!card.message.is_empty()).then(|| view! { <p class="plain-text">{card.message.clone()}</p> })}
            <p class="meta">{by}</p>
            {decide}
            {withdraw}
        </article>
    }
}

/// Accept, or decline with a reason: two plain forms.
#[component]
fn Decide(id: i32, actions: ProposalActions) -> impl IntoView {
    let locale = use_locale();
    let note_id = format!("decline-note-{id}");
    view! {
        <div class="proposal-decision">
            <ActionForm action=actions.accept attr:class="inline-form">
                <input type="hidden" name="id" value=id />
                <button class="button button-small" type="submit">
                    {td_string!(locale, proposal.accept)}
                </button>
            </ActionForm>
            <ActionForm action=actions.decline attr:class="decline-form">
                <input type="hidden" name="id" value=id />
                <label for=note_id.clone()>{td_string!(locale, proposal.decline_note)}</label>
                <textarea id=note_id name="note" rows="2" required maxlength=MAX_DECISION_NOTE></textarea>
                <button class="button button-small button-secondary" type="submit">
                    {td_string!(locale, proposal.decline)}
                </button>
            </ActionForm>
        </div>
    }
}
