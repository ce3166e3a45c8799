//! The participant sheet's CSV import of scores: a plain multipart form (no JavaScript needed)
//! and, back from it, how many were set (`?nilai=`) or each problem by line (`?galat_nilai=`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::error_view::field_message;
use super::locale::{localized, use_locale};
use crate::i18n::td_string;
use crate::model::FieldError;

/// The form for the course `slug`, with the outcome of the last import.
#[component]
pub fn ScoreImport(slug: String) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let imported: Option<u32> = query.read_untracked().get("nilai").and_then(|n| n.parse().ok());
    let problems: Vec<FieldError> = query
        .read_untracked()
        .get("galat_nilai")
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let outcome = imported.map(|count| {
        view! {
            <p class="status-banner" role="status">
                {td_string!(locale, attendance.import_done, count = count).to_string()}
            </p>
        }
    });
    let refused = (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|problem| {
                let place = match problem.field.strip_prefix("line_") {
                    Some(line) => {
                        td_string!(locale, attendance.import_line, line = line.to_owned())
                            .to_string()
                    }
                    None => td_string!(locale, attendance.import_file).to_owned(),
                };
                view! { <li>{format!("{place}: {}", field_message(locale, problem))}</li> }
            })
            .collect_view();
        view! {
            <div class="error-box" role="alert">
                <p>{td_string!(locale, attendance.import_refused)}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let action = localized(locale, &format!("/katalog/kursus/{slug}/peserta/nilai"));
    view! {
        <section aria-labelledby="score-import-heading">
            <h3 id="score-import-heading">{td_string!(locale, attendance.import_title)}</h3>
            <p class="hint">{td_string!(locale, attendance.import_hint)}</p>
            {outcome}
            {refused}
            <form method="post" action=action enctype="multipart/form-data" class="inline-form">
                <label>
                    {td_string!(locale, attendance.import_file_label)} " "
                    <input type="file" name="file" accept=".csv,text/csv" required />
                </label>
                <button class="button" type="submit">{td_string!(locale, attendance.import_button)}</button>
            </form>
        </section>
    }
}
