//! `/kompetensi-saya/{code}` (a self-assessment) and `/orang/{id}/kompetensi/{code}` (the
//! supervisor's): one competency's five levels with their behavioural indicators, rated by
//! choosing the level that fits, in a plain form that works without JavaScript.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::competency_profile::kind_label;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::localized_name;
use super::locale::{localized, use_locale};
use crate::api::{AssessCompetency, get_assessment_form};
use crate::i18n::td_string;
use crate::model::{AssessmentForm, MAX_ASSESSMENT_NOTE};

/// The page, for either route.
#[component]
pub fn AssessmentPage() -> impl IntoView {
    let params = use_params_map();
    let assess = ServerAction::<AssessCompetency>::new();
    let key = move || {
        let read = params.read();
        let person = read.get("id").map(|id| id.parse::<i32>().unwrap_or(0));
        (person, read.get("code").unwrap_or_default())
    };
    let form = Resource::new(key, |(person, code)| get_assessment_form(person, code));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    form.await.map(|form| view! { <AssessmentFormView form assess /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AssessmentFormView(
    form: AssessmentForm,
    assess: ServerAction<AssessCompetency>,
) -> impl IntoView {
    let locale = use_locale();
    let competency =
        format!("{} {}", form.code, localized_name(locale, &form.name_id, &form.name_en));
    let (title, back, person) = if form.own {
        (
            td_string!(locale, assessment.form_title_self, competency = competency.clone())
                .to_string(),
            "/kompetensi-saya".to_owned(),
            String::new(),
        )
    } else {
        (
            td_string!(
                locale,
                assessment.form_title,
                competency = competency.clone(),
                name = form.person_name.clone()
            )
            .to_string(),
            format!("/orang/{}/kompetensi", form.person_id),
            form.person_id.to_string(),
        )
    };
    let error = move || form_error(assess.value().get());
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    let now = form.current.map(|c| {
        let text =
            td_string!(locale, assessment.now, level = c.level, kind = kind_label(locale, c.kind))
                .to_string();
        view! { <p data-current=c.level>{text}</p> }
    });
    let current = form.current.map(|c| c.level);
    let levels = form
        .levels
        .iter()
        .map(|choice| {
            let indicators = choice
                .indicators
                .iter()
                .map(|line| view! { <li>{line.clone()}</li> })
                .collect_view();
            let id = format!("level-{}", choice.level);
            view! {
                <div class="level-choice">
                    <input type="radio" name="level" id=id.clone() value=choice.level checked=current == Some(choice.level) />
                    <label for=id>
                        <strong>{td_string!(locale, assessment.level, level = choice.level).to_string()}</strong>
                        " — "{choice.description.clone()}
                    </label>
                    {(!choice.indicators.is_empty()).then(|| view! { <ul>{indicators}</ul> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="hint">{form.definition_id.clone()}</p>
        {now}
        {move || view! { <FormError error=error() /> }}
        <ActionForm action=assess attr:class="stacked-form">
            <input type="hidden" name="person" value=person />
            <input type="hidden" name="code" value=form.code.clone() />
            <fieldset aria-describedby="level-error">
                <legend>{td_string!(locale, assessment.form_hint)}</legend>
                {levels}
            </fieldset>
            {field("level")}
            <label>
                {td_string!(locale, assessment.note)}
                <textarea name="note" rows="2" maxlength=MAX_ASSESSMENT_NOTE aria-describedby="note-error"></textarea>
            </label>
            {field("note")}
            <button class="button" type="submit">{td_string!(locale, assessment.save)}</button>
        </ActionForm>
        <p><a href=localized(locale, &back)>{td_string!(locale, assessment.back)}</a></p>
    }
}
