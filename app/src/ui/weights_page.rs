//! `/bobot-pencocokan`: the matching weights in force with each part's share, the defaults and
//! why they are what they are, the latest changes; for province administrators, a plain form to
//! change them (works without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::locale::use_locale;
use super::match_reasons::factor_label;
use crate::api::{SetMatchWeights, get_match_weights};
use crate::domain::calendar::format_wib;
use crate::domain::matching::Weights;
use crate::i18n::td_string;
use crate::model::{WEIGHT_FIELDS, WeightsChange, WeightsForm, weight_of};

/// The page.
#[component]
pub fn WeightsPage() -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SetMatchWeights>::new();
    // Read again after a save; not after a refusal, so a hydrated form keeps what was typed.
    let saves =
        move || save.value().with(|v| matches!(v, Some(Ok(())))).then(|| save.version().get());
    let page = Resource::new(saves, |_| get_match_weights());
    view! {
        <Title text=td_string!(locale, weights.title) />
        <h1>{td_string!(locale, weights.title)}</h1>
        <p class="lead">{td_string!(locale, weights.lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    page.await.map(|page| {
                        let form = page.editable.then(|| view! { <WeightsEditor form=page.form save /> });
                        view! {
                            <WeightsTable current=page.current defaults=page.defaults />
                            <h2>{td_string!(locale, weights.why_heading)}</h2>
                            <p>{td_string!(locale, weights.why)}</p>
                            {form}
                            <History history=page.history />
                        }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// Each part's weight as a share of all, in percent (rounded).
fn share(weights: &Weights, weight: u32) -> u32 {
    let total: u32 = WEIGHT_FIELDS.iter().map(|(f, _)| weight_of(weights, *f)).sum();
    (weight * 100 + total / 2).checked_div(total).unwrap_or(0)
}

#[component]
fn WeightsTable(current: Weights, defaults: Weights) -> impl IntoView {
    let locale = use_locale();
    let rows = WEIGHT_FIELDS
        .iter()
        .map(|(factor, field)| {
            let weight = weight_of(&current, *factor);
            view! {
                <tr data-factor=*field>
                    <th scope="row">{factor_label(locale, *factor)}</th>
                    <td class="number">{weight}</td>
                    <td class="number">{format!("{} %", share(&current, weight))}</td>
                    <td class="number">{weight_of(&defaults, *factor)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id="weights">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, weights.factor)}</th>
                        <th scope="col">{td_string!(locale, weights.current)}</th>
                        <th scope="col">{td_string!(locale, weights.share)}</th>
                        <th scope="col">{td_string!(locale, weights.default)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The province's form, filled with the weights in force (or, after a refused post, as typed).
#[component]
fn WeightsEditor(form: WeightsForm, save: ServerAction<SetMatchWeights>) -> impl IntoView {
    let locale = use_locale();
    let outcome = move || save.value().get();
    let error = move || form_error(outcome());
    let saved = move || matches!(outcome(), Some(Ok(())));
    let fields = WEIGHT_FIELDS
        .iter()
        .zip(form.values)
        .map(|((factor, field), value)| {
            let field = *field;
            let id = format!("weight-{field}");
            let message = move || field_messages(locale, error().as_ref())(field);
            view! {
                <div class="field">
                    <label for=id.clone()>{factor_label(locale, *factor)}</label>
                    <input id=id name=field type="number" required min="0" max="100" step="1"
                        inputmode="numeric" aria-describedby=format!("{field}-error") value=value />
                    {message}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="manage" aria-labelledby="weights-edit-heading">
            <h2 id="weights-edit-heading">{td_string!(locale, weights.edit_heading)}</h2>
            <p>{td_string!(locale, weights.edit_lead)}</p>
            {move || view! { <FormError error=error() /> }}
            {move || saved().then(|| view! { <p class="notice" role="status">{td_string!(locale, weights.saved)}</p> })}
            <ActionForm action=save attr:class="course-form">
                <div class="row-fields">{fields}</div>
                <div class="field field-grow">
                    <label for="weights-note">{td_string!(locale, weights.note)}</label>
                    <textarea id="weights-note" name="note" maxlength="1000" rows="3">{form.note}</textarea>
                </div>
                <button class="button" type="submit">{td_string!(locale, weights.save)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn History(history: Vec<WeightsChange>) -> impl IntoView {
    let locale = use_locale();
    let body = if history.is_empty() {
        view! { <p>{td_string!(locale, weights.history_none)}</p> }.into_any()
    } else {
        let rows = history
            .into_iter()
            .map(|change| {
                let weights: Vec<String> = WEIGHT_FIELDS
                    .iter()
                    .map(|(f, _)| {
                        format!("{} {}", factor_label(locale, *f), weight_of(&change.weights, *f))
                    })
                    .collect();
                view! {
                    <tr>
                        <td>{format_wib(&change.changed_at.to_rfc3339())}</td>
                        <td>{change.changed_by}</td>
                        <td>{weights.join(" · ")}</td>
                        <td>{change.note}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table" id="weights-history">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, weights.changed)}</th>
                            <th scope="col">{td_string!(locale, weights.by)}</th>
                            <th scope="col">{td_string!(locale, weights.weights)}</th>
                            <th scope="col">{td_string!(locale, weights.note)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <h2>{td_string!(locale, weights.history_heading)}</h2>
        {body}
    }
}
