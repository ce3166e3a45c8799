//! The form an organisation's administrators invite a member with (a section of the
//! organisation page).

use leptos::prelude::*;

use super::error_view::{FormError, form_error};
use super::labels::role_label;
use super::locale::use_locale;
use crate::api::InviteMember;
use crate::i18n::td_string;
use crate::model::{OrganisationKind, Role};

/// The section.
#[component]
pub fn InviteForm(slug: String, kind: OrganisationKind) -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<InviteMember>::new();
    let outcome = action.value().get_untracked();
    let sent = matches!(outcome, Some(Ok(())));
    let error = form_error(outcome);
    let roles: Vec<Role> =
        Role::ALL.into_iter().filter(|r| r.organisation_kind() == kind).collect();
    view! {
        <section aria-labelledby="invite-title" class="form-page">
            <h2 id="invite-title">{td_string!(locale, invite.heading)}</h2>
            {sent.then(|| view! { <p class="notice" role="status">{td_string!(locale, invite.sent)}</p> })}
            <FormError error />
            <ActionForm action=action>
                <input type="hidden" name="slug" value=slug />
                <div class="field">
                    <label for="invite-name">{td_string!(locale, access.full_name)}</label>
                    <input id="invite-name" name="full_name" type="text" required maxlength="200" />
                </div>
                <div class="field">
                    <label for="invite-email">{td_string!(locale, sign_in.email)}</label>
                    <input id="invite-email" name="email" type="email" required maxlength="254" />
                </div>
                <div class="field">
                    <label for="invite-role">{td_string!(locale, profile.role)}</label>
                    <select id="invite-role" name="role">
                        {roles
                            .into_iter()
                            .map(|role| {
                                view! { <option value=format!("{role:?}")>{role_label(locale, role)}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{td_string!(locale, invite.submit)}</button>
            </ActionForm>
        </section>
    }
}
