//! The pending access requests of an organisation, with approve and refuse buttons, for its
//! administrators (a section of the organisation page).

use leptos::prelude::*;

use super::error_view::{FormError, form_error};
use super::labels::role_label;
use super::locale::use_locale;
use crate::api::DecideAccessRequest;
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::PendingAccessRequest;

/// The section; nothing when there are no pending requests.
#[component]
pub fn AccessRequestsSection(slug: String, requests: Vec<PendingAccessRequest>) -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<DecideAccessRequest>::new();
    let error = form_error(action.value().get_untracked());
    if requests.is_empty() && error.is_none() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="requests-title">
            <h2 id="requests-title">{td_string!(locale, access.requests_heading)}</h2>
            <FormError error />
            <ul class="cards">
                {requests
                    .into_iter()
                    .map(|request| {
                        let slug = slug.clone();
                        let name = request.full_name.clone();
                        let approve =
                            td_string!(locale, access.approve_label, name = name.clone()).to_string();
                        let refuse = td_string!(locale, access.refuse_label, name = name).to_string();
                        view! {
                            <li class="card" data-request=request.id>
                                <p class="card-title">{request.full_name}</p>
                                <dl class="facts">
                                    <dt>{td_string!(locale, profile.email)}</dt>
                                    <dd>{request.email}</dd>
                                    <dt>{td_string!(locale, profile.role)}</dt>
                                    <dd>{role_label(locale, request.role)}</dd>
                                    <dt>{td_string!(locale, access.provider)}</dt>
                                    <dd>{request.provider}</dd>
                                    <dt>{td_string!(locale, access.sent_at)}</dt>
                                    <dd>{format_wib(&request.created_at)}</dd>
                                </dl>
                                {request.message.map(|m| view! { <blockquote>{m}</blockquote> })}
                                <div class="inline-form">
                                    <DecisionForm action slug=slug.clone() id=request.id approve=true label=approve />
                                    <DecisionForm action slug id=request.id approve=false label=refuse />
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
fn DecisionForm(
    action: ServerAction<DecideAccessRequest>,
    slug: String,
    id: i32,
    approve: bool,
    label: String,
) -> impl IntoView {
    let locale = use_locale();
    let text = if approve {
        td_string!(locale, access.approve)
    } else {
        td_string!(locale, access.refuse)
    };
    view! {
        <ActionForm action=action>
            <input type="hidden" name="slug" value=slug />
            <input type="hidden" name="request_id" value=id />
            <input type="hidden" name="approve" value=approve.to_string() />
            <button type="submit" class="button button-small" aria-label=label>
                {text}
            </button>
        </ActionForm>
    }
}
