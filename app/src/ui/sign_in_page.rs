//! `/masuk`: sign in with a local account. A plain HTML form: it works without JavaScript, and a
//! failed attempt comes back to this page with the error.

use leptos::prelude::*;
use leptos_meta::Title;

use super::error_view::message;
use super::locale::use_locale;
use crate::api::SignIn;
use crate::error::AppError;
use crate::i18n::{Locale, td_string};
use crate::model::ValidationCode;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<SignIn>::new();
    // After a failed plain-form post the server redirects here with the error in the URL, and the
    // action reads it back during server rendering.
    let error = action.value().get_untracked().and_then(Result::err);
    #[cfg(feature = "ssr")]
    if let Some(error) = &error {
        super::apply_error_status(std::slice::from_ref(error));
    }
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
