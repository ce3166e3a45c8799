//! `/penilaian-perilaku`: the behaviour reviews that fell due for the signed-in supervisor or
//! agency lead — who, which course, since when — each rated with a plain form.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::long_date;
use super::locale::use_locale;
use crate::api::{RateBehaviour, get_pending_reviews};
use crate::i18n::{Locale, td_string};
use crate::model::{MAX_EVALUATION_COMMENT, PendingReview};

/// The page.
#[component]
pub fn BehaviourReviewsPage() -> impl IntoView {
    let locale = use_locale();
    let rate = ServerAction::<RateBehaviour>::new();
    let pending = Resource::new(move || rate.version().get(), |_| get_pending_reviews());
    view! {
        <Title text=td_string!(locale, evaluation.reviews_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, evaluation.reviews_title)}</h1>
        <p class="lead">{td_string!(locale, evaluation.reviews_lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    pending.await.map(|pending| view! { <ReviewList pending rate /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The five levels of applying what was learned.
fn level_label(locale: Locale, level: i16) -> &'static str {
    match level {
        1 => td_string!(locale, evaluation.level_1),
        2 => td_string!(locale, evaluation.level_2),
        3 => td_string!(locale, evaluation.level_3),
        4 => td_string!(locale, evaluation.level_4),
        _ => td_string!(locale, evaluation.level_5),
    }
}

#[component]
fn ReviewList(pending: Vec<PendingReview>, rate: ServerAction<RateBehaviour>) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(rate.value().get());
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    if pending.is_empty() {
        return view! { <p>{td_string!(locale, evaluation.reviews_none)}</p> }.into_any();
    }
    let items = pending
        .into_iter()
        .map(|review| {
            let id = review.enrollment_id;
            let levels = (1..=5)
                .map(|n: i16| {
                    let radio = format!("level-{id}-{n}");
                    view! {
                        <div class="level-choice">
                            <input type="radio" name="level" id=radio.clone() value=n required />
                            <label for=radio>{level_label(locale, n)}</label>
                        </div>
                    }
                })
                .collect_view();
            let due = td_string!(locale, evaluation.due, date = long_date(locale, review.due_on)).to_string();
            view! {
                <li class="card" data-review=id>
                    <p><strong>{review.person}</strong>" — "{review.course}</p>
                    <p class="hint">{due}</p>
                    <ActionForm action=rate attr:class="stacked-form">
                        <input type="hidden" name="enrollment" value=id />
                        <fieldset>
                            <legend>{td_string!(locale, evaluation.level)}</legend>
                            {levels}
                        </fieldset>
                        <label>
                            {td_string!(locale, evaluation.comment)}
                            <textarea name="comment" rows="2" maxlength=MAX_EVALUATION_COMMENT></textarea>
                        </label>
                        <button class="button" type="submit">{td_string!(locale, evaluation.rate)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        {move || view! { <FormError error=error() /> }}
        {field("level")}
        <ul class="cards">{items}</ul>
    }
    .into_any()
}
