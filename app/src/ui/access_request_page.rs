//! `/minta-akses`: someone who signed in with a login provider but has no Sinergi account asks
//! an organisation for a role. Reached only through a login; otherwise it says to sign in.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::{kind_label, role_label};
use super::locale::use_locale;
use crate::api::{RequestAccess, get_access_request_form};
use crate::i18n::td_string;
use crate::model::{AccessRequestForm, AccessRequestStatus, OrganisationKind, Role};

/// The page.
#[component]
pub fn AccessRequestPage() -> impl IntoView {
    let locale = use_locale();
    let form = Resource::new(|| (), |_| get_access_request_form());
    let action = ServerAction::<RequestAccess>::new();
    // A refused plain-form post comes back here with the error in the URL.
    let error = form_error(action.value().get_untracked());
    view! {
        <Title text=td_string!(locale, access.title) />
        <section class="form-page" aria-labelledby="access-title">
            <h1 id="access-title">{td_string!(locale, access.title)}</h1>
            <FormError error />
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                <Suspense>
                    {move || Suspend::new(async move {
                        form.await.map(|form| view! { <RequestForm form action /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

#[component]
fn RequestForm(form: AccessRequestForm, action: ServerAction<RequestAccess>) -> impl IntoView {
    let locale = use_locale();
    let roles = [Role::Academic, Role::UniversityCoordinator, Role::Asn, Role::AgencyLead];
    view! {
        <p class="lead">{td_string!(locale, access.lead, email = form.email.clone())}</p>
        {(!form.sent.is_empty()).then(|| {
            view! {
                <h2>{td_string!(locale, access.sent_heading)}</h2>
                <ul id="sent-requests">
                    {form
                        .sent
                        .iter()
                        .map(|sent| {
                            let status = match sent.status {
                                AccessRequestStatus::Pending => td_string!(locale, access.pending),
                                AccessRequestStatus::Approved => td_string!(locale, access.approved),
                                AccessRequestStatus::Refused => td_string!(locale, access.refused),
                            };
                            view! {
                                <li>
                                    {sent.organisation_name.clone()} " · "
                                    {role_label(locale, sent.role)} " · " <strong>{status}</strong>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })}
        <ActionForm action=action>
            <div class="field">
                <label for="full_name">{td_string!(locale, access.full_name)}</label>
                <input
                    id="full_name"
                    name="full_name"
                    type="text"
                    required
                    maxlength="200"
                    autocomplete="name"
                    value=form.full_name
                />
            </div>
            <div class="field">
                <label for="slug">{td_string!(locale, profile.organisation)}</label>
                <select id="slug" name="slug" required>
                    {form
                        .organisations
                        .into_iter()
                        .map(|o| {
                            let text = format!("{} ({})", o.name, kind_label(locale, o.kind));
                            view! { <option value=o.slug>{text}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="role">{td_string!(locale, profile.role)}</label>
                <select id="role" name="role" required>
                    {roles
                        .into_iter()
                        .map(|role| {
                            let kind = match role.organisation_kind() {
                                OrganisationKind::University => td_string!(locale, kind.university),
                                _ => td_string!(locale, kind.agency),
                            };
                            let text = format!("{} ({kind})", role_label(locale, role));
                            view! { <option value=format!("{role:?}")>{text}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="message">{td_string!(locale, access.message)}</label>
                <textarea id="message" name="message" maxlength="1000" rows="4"></textarea>
            </div>
            <button type="submit" class="button">{td_string!(locale, access.submit)}</button>
        </ActionForm>
    }
}
