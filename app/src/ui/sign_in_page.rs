//! `/masuk`: sign in with a local account or a configured login provider. Plain HTML forms: they
//! work without JavaScript; a failed attempt comes back to this page with the reason.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::error_view::{form_error, message};
use super::locale::use_locale;
use crate::api::{SignIn, list_login_providers};
use crate::error::AppError;
use crate::i18n::{Locale, td_string};
use crate::model::{LoginFailure, LoginProviderView, ValidationCode};

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<SignIn>::new();
    // After a failed plain-form post the server redirects here with the error in the URL, and the
    // action reads it back during server rendering.
    let error = form_error(action.value().get_untracked());
    // A refused external login lands here as `?gagal={code}`.
    let query = use_query_map();
    let failure = query.read_untracked().get("gagal").and_then(|c| LoginFailure::from_code(&c));
    let return_to = query.read_untracked().get("kembali").unwrap_or_default();
    let providers = Resource::new(|| (), |_| list_login_providers());
    view! {
        <Title text=td_string!(locale, sign_in.title) />
        <section class="form-page" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{td_string!(locale, sign_in.title)}</h1>
            {error.map(|e| {
                view! {
                    <div class="error-box" role="alert" id="sign-in-error">
                        <p>{sign_in_message(locale, &e)}</p>
                    </div>
                }
            })}
            {failure.map(|f| {
                view! {
                    <div class="error-box" role="alert" id="login-failure" data-failure=f.code()>
                        <p>{failure_message(locale, f)}</p>
                    </div>
                }
            })}
            <Suspense>
                {move || {
                    let return_to = return_to.clone();
                    Suspend::new(async move {
                        let list = providers.await.unwrap_or_default();
                        view! { <ProviderButtons providers=list return_to /> }
                    })
                }}
            </Suspense>
            <ActionForm action=action>
                <div class="field">
                    <label for="email">{td_string!(locale, sign_in.email)}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required />
                </div>
                <div class="field">
                    <label for="password">{td_string!(locale, sign_in.password)}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </div>
                <button type="submit" class="button">{td_string!(locale, sign_in.submit)}</button>
            </ActionForm>
            <p class="hint">{td_string!(locale, sign_in.demo_hint)}</p>
        </section>
    }
}

fn sign_in_message(locale: Locale, error: &AppError) -> String {
    match error {
        AppError::Invalid(fields)
            if fields.iter().any(|f| f.code == ValidationCode::WrongCredentials) =>
        {
            td_string!(locale, sign_in.wrong_credentials).to_owned()
        }
        other => message(locale, other),
    }
}

/// One form per provider: a POST (CSRF-checked) that sends the browser to the provider.
#[component]
fn ProviderButtons(providers: Vec<LoginProviderView>, return_to: String) -> impl IntoView {
    let locale = use_locale();
    if providers.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="providers" aria-labelledby="providers-title">
            <h2 id="providers-title">{td_string!(locale, sign_in.providers_heading)}</h2>
            <ul class="provider-list">
                {providers
                    .into_iter()
                    .map(|p| {
                        let action = format!("/auth/{}/start", p.name);
                        view! {
                            <li>
                                <form method="post" action=action>
                                    <input type="hidden" name="return_to" value=return_to.clone() />
                                    <button type="submit" class="button button-secondary">
                                        {td_string!(locale, sign_in.with_provider, provider = p.label)}
                                    </button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="hint">{td_string!(locale, sign_in.or_local)}</p>
        </section>
    }
    .into_any()
}

fn failure_message(locale: Locale, failure: LoginFailure) -> &'static str {
    match failure {
        LoginFailure::UnknownProvider => td_string!(locale, login_failure.unknown_provider),
        LoginFailure::NoLoginInProgress => td_string!(locale, login_failure.no_login),
        LoginFailure::StateMismatch => td_string!(locale, login_failure.state),
        LoginFailure::ProviderMismatch => td_string!(locale, login_failure.mix_up),
        LoginFailure::Cancelled => td_string!(locale, login_failure.cancelled),
        LoginFailure::ProviderUnavailable => td_string!(locale, login_failure.unavailable),
        LoginFailure::IssuerMismatch => td_string!(locale, login_failure.issuer),
        LoginFailure::TokenRejected => td_string!(locale, login_failure.token),
        LoginFailure::IdentityInvalid => td_string!(locale, login_failure.identity),
        LoginFailure::EmailUnverified => td_string!(locale, login_failure.email),
        LoginFailure::UnsafeReturn => td_string!(locale, login_failure.return_url),
        LoginFailure::AccountDeactivated => td_string!(locale, login_failure.deactivated),
    }
}
