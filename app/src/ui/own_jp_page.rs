//! `/jp-saya` (`?tahun=`): a civil servant's JP ledger for a year — "JP this year / 20" with
//! every line (courses with their certificates, learning elsewhere and where its verification
//! stands) — and a plain form to submit learning done elsewhere with its evidence.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::long_date;
use super::locale::{localized, use_locale};
use crate::api::{AddOutsideLearning, get_jp_ledger};
use crate::i18n::{Locale, td_string};
use crate::model::{
    JpEntryStatus, JpEntryView, JpLedger, JpSource, LearningFormChoice, MAX_JP_EVIDENCE,
    MAX_JP_TEXT,
};

/// The page.
#[component]
pub fn OwnJpPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let add = ServerAction::<AddOutsideLearning>::new();
    let ledger = Resource::new(
        move || (query.read().get("tahun").and_then(|y| y.parse().ok()), add.version().get()),
        |(year, _)| get_jp_ledger(year),
    );
    view! {
        <Title text=td_string!(locale, jp.own_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, jp.own_title)}</h1>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    ledger.await.map(|ledger| view! { <LedgerView ledger add /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn LedgerView(ledger: JpLedger, add: ServerAction<AddOutsideLearning>) -> impl IntoView {
    let locale = use_locale();
    let progress = td_string!(
        locale,
        jp.progress,
        total = ledger.total,
        minimum = ledger.minimum,
        year = ledger.year
    )
    .to_string();
    let reached = ledger.total >= ledger.minimum;
    let verdict = if reached {
        td_string!(locale, jp.reached).to_string()
    } else {
        td_string!(locale, jp.short, missing = ledger.minimum - ledger.total).to_string()
    };
    let years = ledger
        .years
        .iter()
        .map(|y| {
            let href = localized(locale, &format!("/jp-saya?tahun={y}"));
            let current = (*y == ledger.year).then_some("page");
            view! { <li><a href=href aria-current=current>{*y}</a></li> }
        })
        .collect_view();
    let rows = ledger.entries.iter().map(|entry| entry_row(locale, entry)).collect_view();
    let empty = ledger.entries.is_empty().then(|| view! { <p>{td_string!(locale, jp.none)}</p> });
    let form = ledger.may_submit.then(|| view! { <OutsideForm forms=ledger.forms.clone() add /> });
    view! {
        <section class="jp-summary" data-total=ledger.total>
            <p class="jp-figure"><strong>{progress}</strong></p>
            <progress max=ledger.minimum value=ledger.total.min(ledger.minimum)>{ledger.total}</progress>
            <p class=if reached { "jp-reached" } else { "jp-short" }>{verdict}</p>
        </section>
        <nav aria-label=td_string!(locale, jp.years)><ul class="inline-list">{years}</ul></nav>
        {empty}
        {(!ledger.entries.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, jp.learning)}</th>
                            <th scope="col">{td_string!(locale, jp.organiser)}</th>
                            <th scope="col">{td_string!(locale, jp.dates)}</th>
                            <th scope="col">{td_string!(locale, jp.jp)}</th>
                            <th scope="col">{td_string!(locale, jp.status)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        {form}
    }
}

/// One line of the ledger.
fn entry_row(locale: Locale, entry: &JpEntryView) -> impl IntoView + use<> {
    let dates = if entry.started_on == entry.ended_on {
        long_date(locale, entry.started_on)
    } else {
        format!("{} – {}", long_date(locale, entry.started_on), long_date(locale, entry.ended_on))
    };
    let certificate = entry.certificate.as_ref().map(|code| {
        let href = localized(locale, &format!("/verifikasi/{code}"));
        view! { <br /><a href=href>{td_string!(locale, certificate.link)}</a> }
    });
    let source = match entry.source {
        JpSource::Course => td_string!(locale, jp.source_course),
        JpSource::Outside => td_string!(locale, jp.source_outside),
        JpSource::Mentoring => td_string!(locale, jp.source_mentoring),
    };
    let note = (!entry.note.is_empty())
        .then(|| view! { <br /><span class="hint">{entry.note.clone()}</span> });
    view! {
        <tr>
            <td>{entry.title.clone()}<br /><span class="hint">{source}</span>{certificate}</td>
            <td>{entry.organiser.clone()}</td>
            <td>{dates}</td>
            <td>{entry.jp}</td>
            <td data-status=entry.status.as_db()>{status_label(locale, entry.status)}{note}</td>
        </tr>
    }
}

/// The name of a line's state.
pub fn status_label(locale: Locale, status: JpEntryStatus) -> &'static str {
    match status {
        JpEntryStatus::Credited => td_string!(locale, jp.status_credited),
        JpEntryStatus::Pending => td_string!(locale, jp.status_pending),
        JpEntryStatus::Rejected => td_string!(locale, jp.status_rejected),
        JpEntryStatus::Void => td_string!(locale, jp.status_void),
    }
}

/// Learning done elsewhere, submitted for the lead's verification.
#[component]
fn OutsideForm(
    forms: Vec<LearningFormChoice>,
    add: ServerAction<AddOutsideLearning>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(add.value().get());
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    let forms = forms
        .iter()
        .map(|f| {
            let name = if locale == Locale::en { f.name_en.clone() } else { f.name_id.clone() };
            view! { <option value=f.code.clone()>{name}</option> }
        })
        .collect_view();
    let text = move |name: &'static str, label: &'static str, max: u32| {
        view! {
            <label>
                {label}
                <input type="text" name=format!("form[{name}]") required maxlength=max aria-describedby=format!("{name}-error") />
            </label>
            {field(name)}
        }
    };
    view! {
        <section aria-labelledby="outside-heading">
            <h2 id="outside-heading">{td_string!(locale, jp.add_title)}</h2>
            <p class="hint">{td_string!(locale, jp.add_hint)}</p>
            {move || view! { <FormError error=error() /> }}
            <ActionForm action=add attr:class="stacked-form">
                {text("title", td_string!(locale, jp.learning), MAX_JP_TEXT)}
                {text("organiser", td_string!(locale, jp.organiser), MAX_JP_TEXT)}
                <label>
                    {td_string!(locale, jp.form)}
                    <select name="form[learning_form]" required>{forms}</select>
                </label>
                {field("learning_form")}
                <label>
                    {td_string!(locale, jp.scope)}
                    <select name="form[international]">
                        <option value="false">{td_string!(locale, jp.national)}</option>
                        <option value="true">{td_string!(locale, jp.international)}</option>
                    </select>
                </label>
                <label>
                    {td_string!(locale, jp.started_on)}
                    <input type="date" name="form[started_on]" required aria-describedby="started_on-error" />
                </label>
                {field("started_on")}
                <label>
                    {td_string!(locale, jp.ended_on)}
                    <input type="date" name="form[ended_on]" required aria-describedby="ended_on-error" />
                </label>
                {field("ended_on")}
                <label>
                    {td_string!(locale, jp.programme_jp)}
                    <input type="text" name="form[programme_jp]" inputmode="numeric" size="5" aria-describedby="programme_jp-error" />
                </label>
                {field("programme_jp")}
                <label>
                    {td_string!(locale, jp.evidence)}
                    <textarea name="form[evidence]" rows="3" required maxlength=MAX_JP_EVIDENCE aria-describedby="evidence-error"></textarea>
                </label>
                {field("evidence")}
                <button class="button" type="submit">{td_string!(locale, jp.submit)}</button>
            </ActionForm>
        </section>
    }
}
