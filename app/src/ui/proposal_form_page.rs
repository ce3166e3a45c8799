//! `/kebutuhan/{slug}/proposal-baru?universitas={slug}`: a university's proposal for an open
//! need — one of its published offers as it is, or a programme tailored for the agency — with
//! seats (competency needs) or outputs (research needs), price, dates and a message. A plain
//! form post; a refused one comes back with the typed input and each field's error.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::{output_label, proposal_kind_label};
use super::locale::{localized, use_locale};
use crate::api::{SubmitProposal, get_proposal_editor};
use crate::i18n::td_string;
use crate::model::{
    MAX_PROPOSAL_MESSAGE, MAX_PROPOSAL_PRICE, NeedKind, ProposalEditor, ProposalKind,
    ResearchOutput,
};

/// The page.
#[component]
pub fn ProposalFormPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let source = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            query.read().get("universitas").unwrap_or_default(),
        )
    };
    let editor = Resource::new(source, |(slug, university)| get_proposal_editor(slug, university));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    editor.await.map(|editor| view! { <ProposalFormView editor /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ProposalFormView(editor: ProposalEditor) -> impl IntoView {
    let locale = use_locale();
    let submit = ServerAction::<SubmitProposal>::new();
    let error = form_error(submit.value().get_untracked());
    let message = field_messages(locale, error.as_ref());
    let form = editor.form.clone();
    let title =
        td_string!(locale, proposal.form_title, need = editor.need_title.clone()).to_string();
    let lead = td_string!(
        locale,
        proposal.form_lead,
        university = editor.university_name.clone(),
        agency = editor.agency_name.clone()
    )
    .to_string();
    let kinds = [ProposalKind::Existing, ProposalKind::Tailored]
        .into_iter()
        .map(|kind| {
            view! {
                <label>
                    <input type="radio" name="form[kind]" value=kind.as_db() checked=form.kind == kind.as_db() required />
                    " "{proposal_kind_label(locale, kind)}
                </label>
            }
        })
        .collect_view();
    let offers = editor
        .offers
        .iter()
        .map(|(slug, title)| {
            view! { <option value=slug.clone() selected=form.offer == *slug>{title.clone()}</option> }
        })
        .collect_view();
    let no_offers = editor
        .offers
        .is_empty()
        .then(|| view! { <p class="hint">{td_string!(locale, proposal.offer_none)}</p> });
    let specific = match editor.need_kind {
        NeedKind::Competency => view! {
            <div class="field">
                <label for="seats">{td_string!(locale, proposal.seats)}</label>
                <input id="seats" name="form[seats]" type="number" required min="1" max="100000" value=form.seats.clone() />
                {message("seats")}
            </div>
        }
        .into_any(),
        NeedKind::Research => {
            let outputs = ResearchOutput::ALL
                .into_iter()
                .enumerate()
                .map(|(i, o)| {
                    let checked = form.outputs.iter().any(|c| c == o.as_db());
                    view! {
                        <label>
                            <input type="checkbox" name=format!("form[outputs][{i}]") value=o.as_db() checked=checked />
                            " "{output_label(locale, o)}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="field checkbox">
                    <legend>{td_string!(locale, proposal.outputs)}</legend>
                    <div class="kind-choice">{outputs}</div>
                    {message("outputs")}
                </fieldset>
            }
            .into_any()
        }
    };
    let back = localized(locale, &format!("/kebutuhan/{}", editor.need_slug));
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb"><a href=back.clone()>{td_string!(locale, proposal.back)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        <FormError error=error.clone() />
        <ActionForm action=submit attr:class="course-form proposal-form">
            <input type="hidden" name="slug" value=editor.need_slug.clone() />
            <input type="hidden" name="university" value=editor.university_slug.clone() />
            <fieldset>
                <legend>{td_string!(locale, proposal.what)}</legend>
                <div class="field checkbox">
                    <div class="kind-choice">{kinds}</div>
                    {message("kind")}
                </div>
                <div class="field">
                    <label for="offer">{td_string!(locale, proposal.offer_pick)}</label>
                    <select id="offer" name="form[offer]">
                        <option value="">"—"</option>
                        {offers}
                    </select>
                    {no_offers}
                    {message("offer")}
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, proposal.terms)}</legend>
                {specific}
                <div class="field">
                    <label for="price">{td_string!(locale, proposal.price)}</label>
                    <input id="price" name="form[price]" type="number" required min="0" max=MAX_PROPOSAL_PRICE step="1" value=form.price.clone() />
                    {message("price")}
                </div>
                <div class="row-fields">
                    <div class="field">
                        <label for="starts_on">{td_string!(locale, proposal.starts_on)}</label>
                        <input id="starts_on" name="form[starts_on]" type="date" required value=form.starts_on.clone() />
                        {message("starts_on")}
                    </div>
                    <div class="field">
                        <label for="ends_on">{td_string!(locale, proposal.ends_on)}</label>
                        <input id="ends_on" name="form[ends_on]" type="date" required value=form.ends_on.clone() />
                        {message("ends_on")}
                    </div>
                </div>
                <div class="field">
                    <label for="message">{td_string!(locale, proposal.message)}</label>
                    <textarea id="message" name="form[message]" maxlength=MAX_PROPOSAL_MESSAGE rows="5">{form.message.clone()}</textarea>
                    {message("message")}
                </div>
            </fieldset>
            <button class="button" type="submit">{td_string!(locale, proposal.send)}</button>
        </ActionForm>
    }
}
