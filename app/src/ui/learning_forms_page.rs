//! `/tabel-jp`: the LAN conversion table (how each form of learning counts in JP), public; for
//! province administrators, a plain form per row to change it and one to add a row.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::localized_name;
use super::locale::use_locale;
use crate::api::{SaveLearningForm, list_learning_forms};
use crate::domain::calendar::format_wib;
use crate::i18n::{Locale, td_string};
use crate::model::{JpBasisKind, LearningFormRow, LearningFormView};

/// The page.
#[component]
pub fn LearningFormsPage() -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SaveLearningForm>::new();
    let table = Resource::new(move || save.version().get(), |_| list_learning_forms());
    let error = move || form_error(save.value().get());
    view! {
        <Title text=td_string!(locale, jp_table.title) />
        <h1>{td_string!(locale, jp_table.title)}</h1>
        <p class="lead">{td_string!(locale, jp_table.lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    table.await.map(|table| {
                        let editors = table.editable.then(|| {
                            let rows = table
                                .rows
                                .iter()
                                .map(|view| view! { <RowForm row=Some(view.row.clone()) save /> })
                                .collect_view();
                            view! {
                                <section class="manage" aria-labelledby="jp-edit-heading">
                                    <h2 id="jp-edit-heading">{td_string!(locale, jp_table.edit_heading)}</h2>
                                    {move || view! { <FormError error=error() /> }}
                                    {rows}
                                    <RowForm row=None save />
                                </section>
                            }
                        });
                        view! {
                            <Table rows=table.rows />
                            {editors}
                        }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Table(rows: Vec<LearningFormView>) -> impl IntoView {
    let locale = use_locale();
    let body = rows
        .into_iter()
        .map(|view| {
            let row = view.row;
            let changed = match (view.updated_at, view.updated_by) {
                (Some(at), Some(by)) => format!("{} · {by}", format_wib(&at)),
                _ => td_string!(locale, jp_table.seeded).to_owned(),
            };
            view! {
                <tr data-code=row.code.clone()>
                    <th scope="row">{localized_name(locale, &row.name_id, &row.name_en).to_owned()}</th>
                    <td>{basis_label(locale, row.basis)}</td>
                    <td class="number">{row.national}</td>
                    <td class="number">{row.international}</td>
                    <td>{changed}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, jp_table.form)}</th>
                        <th scope="col">{td_string!(locale, jp_table.basis)}</th>
                        <th scope="col">{td_string!(locale, jp_table.national)}</th>
                        <th scope="col">{td_string!(locale, jp_table.international)}</th>
                        <th scope="col">{td_string!(locale, jp_table.updated)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The form of one row (`None`: a new row), folded in a `<details>`.
#[component]
fn RowForm(row: Option<LearningFormRow>, save: ServerAction<SaveLearningForm>) -> impl IntoView {
    let locale = use_locale();
    let new = row.is_none();
    let key = row.as_ref().map(|r| r.code.clone()).unwrap_or_else(|| "baru".to_owned());
    let id = move |field: &str| format!("{field}-{key}");
    let summary = match &row {
        Some(r) => td_string!(
            locale,
            jp_table.edit_row,
            name = localized_name(locale, &r.name_id, &r.name_en)
        )
        .to_string(),
        None => td_string!(locale, jp_table.add_heading).to_owned(),
    };
    let text = |pick: fn(&LearningFormRow) -> String| row.as_ref().map(pick).unwrap_or_default();
    let (code, name_id, name_en) =
        (text(|r| r.code.clone()), text(|r| r.name_id.clone()), text(|r| r.name_en.clone()));
    let (national, international) =
        (text(|r| r.national.to_string()), text(|r| r.international.to_string()));
    let basis = row.as_ref().map(|r| r.basis).unwrap_or(JpBasisKind::ProgrammePercent);
    let options = JpBasisKind::ALL
        .into_iter()
        .map(|b| view! { <option value=b.as_db() selected=b == basis>{basis_label(locale, b)}</option> })
        .collect_view();
    view! {
        <details class="row-editor">
            <summary>{summary}</summary>
            <ActionForm action=save attr:class="course-form">
                <input type="hidden" name="new" value=new.to_string() />
                <div class="row-fields">
                    <div class="field">
                        <label for=id("code")>{td_string!(locale, jp_table.code)}</label>
                        <input id=id("code") name="code" required maxlength="40" pattern="[a-z0-9_-]+" value=code readonly=!new />
                    </div>
                    <div class="field field-grow">
                        <label for=id("name_id")>{td_string!(locale, jp_table.name_id)}</label>
                        <input id=id("name_id") name="name_id" required maxlength="200" value=name_id />
                    </div>
                    <div class="field field-grow">
                        <label for=id("name_en")>{td_string!(locale, jp_table.name_en)}</label>
                        <input id=id("name_en") name="name_en" required maxlength="200" value=name_en />
                    </div>
                </div>
                <div class="row-fields">
                    <div class="field">
                        <label for=id("basis")>{td_string!(locale, jp_table.basis)}</label>
                        <select id=id("basis") name="basis">{options}</select>
                    </div>
                    <div class="field">
                        <label for=id("national")>{td_string!(locale, jp_table.national)}</label>
                        <input id=id("national") name="national" type="number" required min="0" max="500" value=national />
                    </div>
                    <div class="field">
                        <label for=id("international")>{td_string!(locale, jp_table.international)}</label>
                        <input id=id("international") name="international" type="number" required min="0" max="500" value=international />
                    </div>
                </div>
                <button class="button button-small" type="submit">{td_string!(locale, jp_table.save)}</button>
            </ActionForm>
        </details>
    }
}

fn basis_label(locale: Locale, basis: JpBasisKind) -> &'static str {
    match basis {
        JpBasisKind::ProgrammePercent => td_string!(locale, jp_table.basis_programme_percent),
        JpBasisKind::PerDay => td_string!(locale, jp_table.basis_per_day),
    }
}
