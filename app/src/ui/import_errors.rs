//! The problems of a refused upload as a table: line, column, and the rule in the reader's
//! language (ASN roster and competency dictionary imports).

use leptos::prelude::*;

use super::error_view::field_message;
use super::locale::use_locale;
use crate::i18n::td_string;
use crate::model::{FieldError, ImportRowError};

/// The table.
#[component]
pub fn ImportErrors(errors: Vec<ImportRowError>, id: &'static str) -> impl IntoView {
    let locale = use_locale();
    let rows = errors
        .into_iter()
        .map(|e| {
            let text = field_message(locale, &FieldError::new(e.field.clone(), e.code));
            view! {
                <tr>
                    <td>{e.line}</td>
                    <td>{e.field}</td>
                    <td>{text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table" id=id>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, roster.line)}</th>
                        <th scope="col">{td_string!(locale, roster.column)}</th>
                        <th scope="col">{td_string!(locale, roster.problem)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
