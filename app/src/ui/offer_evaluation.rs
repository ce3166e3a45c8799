//! A course's evaluation on its page: completion, the participants' rating, the test-score gain
//! and the supervisors' rating of its use at work, beside the same for all the university's
//! courses (the record the matching engine weighs).

use leptos::prelude::*;

use super::labels::one_decimal;
use super::locale::use_locale;
use crate::domain::evaluation::Summary;
use crate::i18n::{Locale, td_string};
use crate::model::OfferEvaluation;

/// The evaluation table of a course; `university` names the comparison column.
#[component]
pub fn OfferEvaluationView(evaluation: OfferEvaluation, university: String) -> impl IntoView {
    let locale = use_locale();
    let OfferEvaluation { course, university: overall } = evaluation;
    let row = |label: &'static str, cell: fn(Locale, &Summary) -> String| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{cell(locale, &course)}</td>
                <td>{cell(locale, &overall)}</td>
            </tr>
        }
    };
    view! {
        <section class="offer-evaluation" aria-labelledby="evaluation-heading">
            <h2 id="evaluation-heading">{td_string!(locale, evaluation.results)}</h2>
            <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, evaluation.measure)}</th>
                        <th scope="col">{td_string!(locale, evaluation.this_course)}</th>
                        <th scope="col">
                            {td_string!(locale, evaluation.all_courses_of, university = university)}
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {row(td_string!(locale, evaluation.completion), completion)}
                    {row(td_string!(locale, evaluation.participants_rating), reaction)}
                    {row(td_string!(locale, evaluation.learning), learning)}
                    {row(td_string!(locale, evaluation.on_the_job), behaviour)}
                </tbody>
            </table>
            </div>
        </section>
    }
}

fn none_yet(locale: Locale) -> String {
    td_string!(locale, evaluation.none_yet).to_owned()
}

pub(super) fn completion(locale: Locale, summary: &Summary) -> String {
    match summary.completion_rate() {
        Some(rate) => {
            let percent = (rate * 100.0).round() as u32;
            td_string!(
                locale,
                evaluation.completion_value,
                percent = percent,
                ended = summary.ended
            )
            .to_string()
        }
        None => none_yet(locale),
    }
}

/// A 1–5 mean with how many gave it.
fn out_of_five(locale: Locale, mean: Option<f32>, count: u32) -> String {
    match mean {
        Some(mean) => {
            let mean = one_decimal(locale, f64::from(mean));
            td_string!(locale, evaluation.out_of_five, mean = mean, count = count).to_string()
        }
        None => none_yet(locale),
    }
}

pub(super) fn reaction(locale: Locale, summary: &Summary) -> String {
    out_of_five(locale, summary.mean_reaction, summary.reactions)
}

pub(super) fn behaviour(locale: Locale, summary: &Summary) -> String {
    out_of_five(locale, summary.mean_behaviour, summary.behaviours)
}

pub(super) fn learning(locale: Locale, summary: &Summary) -> String {
    match summary.mean_learning {
        Some(gain) => {
            let sign = if gain > 0.0 { "+" } else { "" };
            let points = format!("{sign}{}", one_decimal(locale, f64::from(gain)));
            td_string!(locale, evaluation.points, points = points, count = summary.tested)
                .to_string()
        }
        None => none_yet(locale),
    }
}
