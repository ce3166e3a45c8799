//! `/undangan/{token}`: the link of an invitation mail. Shows whom it invites where, and sets the
//! password; used once, it opens nothing again.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::role_label;
use super::locale::use_locale;
use crate::api::{AcceptInvitation, get_invitation};
use crate::i18n::td_string;
use crate::model::InvitationView;

/// The page.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let invitation = Resource::new(token, get_invitation);
    let action = ServerAction::<AcceptInvitation>::new();
    let error = form_error(action.value().get_untracked());
    view! {
        <Title text=td_string!(locale, invitation.title) />
        <section class="form-page" aria-labelledby="invitation-title">
            <h1 id="invitation-title">{td_string!(locale, invitation.title)}</h1>
            <FormError error />
            <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                <Suspense>
                    {move || Suspend::new(async move {
                        let token = token();
                        invitation.await.map(|view| view! { <AcceptForm view token action /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

#[component]
fn AcceptForm(
    view: InvitationView,
    token: String,
    action: ServerAction<AcceptInvitation>,
) -> impl IntoView {
    let locale = use_locale();
    let lead = td_string!(
        locale,
        invitation.lead,
        name = view.full_name.clone(),
        organisation = view.organisation_name.clone(),
        role = role_label(locale, view.role)
    )
    .to_string();
    view! {
        <p class="lead">{lead}</p>
        <ActionForm action=action>
            <input type="hidden" name="token" value=token />
            <div class="field">
                <label for="email">{td_string!(locale, sign_in.email)}</label>
                <input id="email" type="email" value=view.email readonly autocomplete="username" />
            </div>
            <div class="field">
                <label for="password">{td_string!(locale, invitation.password)}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="new-password"
                    minlength="8"
                    maxlength="256"
                    required
                    aria-describedby="password-hint"
                />
                <p class="hint" id="password-hint">{td_string!(locale, invitation.password_hint)}</p>
            </div>
            <button type="submit" class="button">{td_string!(locale, invitation.submit)}</button>
        </ActionForm>
    }
}
