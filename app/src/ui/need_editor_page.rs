//! `/organisasi/{slug}/kebutuhan-baru?jenis=kompetensi|riset` and `/kebutuhan/{slug}/ubah`: the
//! need form of an agency's leads. A plain form post; the browser checks what HTML can express
//! (required, lengths, ranges, dates) from the same limits the server applies.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::params::ParamsMap;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::{localized_name, mode_label, output_label};
use super::locale::use_locale;
use crate::api::{SaveNeed, get_need_editor};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::model::{
    DeliveryMode, FORM_ROWS, FigureRow, GapPrefill, MAX_RESEARCH_BUDGET, NeedEditor, NeedKind,
    Region, ResearchOutput, course_limits, need_limits,
};

/// A new need of the agency in the URL, of the kind in `?jenis=`.
#[component]
pub fn NewNeedPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let source = move || {
        let kind = query
            .read()
            .get("jenis")
            .and_then(|w| NeedKind::from_url_word(&w))
            .unwrap_or(NeedKind::Competency);
        (params.read().get("slug").unwrap_or_default(), kind, gap_prefill(&query.read()))
    };
    let editor = Resource::new(source, |(agency, kind, prefill)| {
        get_need_editor(agency, None, kind, prefill)
    });
    view! { <EditorFrame editor /> }
}

/// Editing the need in the URL.
#[component]
pub fn EditNeedPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let editor = Resource::new(slug, |slug| {
        get_need_editor(String::new(), Some(slug), NeedKind::Competency, None)
    });
    view! { <EditorFrame editor /> }
}

#[component]
fn EditorFrame(editor: Resource<Result<NeedEditor, AppError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=td_string!(locale, need.form_title) />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    editor.await.map(|editor| view! { <NeedFormView editor /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// A gap turned into a need (`?kompetensi=&level=&jumlah=&unit=…`, from the gap pages).
fn gap_prefill(query: &ParamsMap) -> Option<GapPrefill> {
    let competency = query.get("kompetensi").filter(|c| !c.trim().is_empty())?;
    Some(GapPrefill {
        competency,
        target_level: query.get("level").unwrap_or_default(),
        headcount: query.get("jumlah").unwrap_or_default(),
        units: query.get_all("unit").unwrap_or_default(),
    })
}

#[component]
fn NeedFormView(editor: NeedEditor) -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SaveNeed>::new();
    let error = form_error(save.value().get_untracked());
    let message = field_messages(locale, error.as_ref());
    let form = editor.form.clone();
    let kind = editor.kind;
    let heading = match (&editor.slug, kind) {
        (Some(_), _) => td_string!(locale, need.edit_heading),
        (None, NeedKind::Competency) => td_string!(locale, need.new_competency),
        (None, NeedKind::Research) => td_string!(locale, need.new_research),
    };
    let mut figures = form.figures.clone();
    figures.resize(figures.len().max(FORM_ROWS).max(figures.len() + 1), FigureRow::default());
    let figure_rows = figures
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <div class="row-fields">
                    <div class="field field-grow">
                        <label for=format!("figure-unit-{i}")>{td_string!(locale, need.figure_unit)}" "{i + 1}</label>
                        <input id=format!("figure-unit-{i}") name=format!("form[figures][{i}][unit]") maxlength=need_limits::UNIT value=row.unit />
                    </div>
                    <div class="field">
                        <label for=format!("figure-month-{i}")>{td_string!(locale, need.figure_month)}" "{i + 1}</label>
                        <input id=format!("figure-month-{i}") type="month" placeholder="2026-10" name=format!("form[figures][{i}][month]") value=row.month />
                    </div>
                    <div class="field field-grow">
                        <label for=format!("figure-measure-{i}")>{td_string!(locale, need.figure_measure)}" "{i + 1}</label>
                        <input id=format!("figure-measure-{i}") name=format!("form[figures][{i}][measure]") maxlength=need_limits::MEASURE value=row.measure />
                    </div>
                    <div class="field">
                        <label for=format!("figure-value-{i}")>{td_string!(locale, need.figure_value)}" "{i + 1}</label>
                        <input id=format!("figure-value-{i}") type="number" min="0" max=need_limits::MAX_FIGURE name=format!("form[figures][{i}][value]") value=row.value />
                    </div>
                </div>
            }
        })
        .collect_view();
    let specific = match kind {
        NeedKind::Competency => {
            let options = editor
                .competencies
                .iter()
                .map(|(code, id, en)| {
                    let label = format!("{} ({code})", localized_name(locale, id, en));
                    view! { <option value=code.clone() selected=form.competency == *code>{label}</option> }
                })
                .collect_view();
            let levels = (1..=5)
                .map(|l: u8| view! { <option value=l.to_string() selected=form.target_level == l.to_string()>{l}</option> })
                .collect_view();
            let modes = DeliveryMode::ALL
                .map(|m| view! { <option value=m.as_db() selected=form.mode == m.as_db()>{mode_label(locale, m)}</option> })
                .into_iter()
                .collect_view();
            let regions = Region::ALL
                .map(|r| view! { <option value=r.code selected=form.region == r.code>{r.name}</option> })
                .into_iter()
                .collect_view();
            let known = (!editor.known_units.is_empty()).then(|| {
                td_string!(locale, need.known_units, units = editor.known_units.join(", "))
                    .to_string()
            });
            view! {
                <fieldset>
                    <legend>{td_string!(locale, need.competency)}</legend>
                    <div class="row-fields">
                        <div class="field field-grow">
                            <label for="competency">{td_string!(locale, need.competency)}</label>
                            <select id="competency" name="form[competency]" required>
                                <option value="">"—"</option>
                                {options}
                            </select>
                            {message("competency")}
                        </div>
                        <div class="field">
                            <label for="target_level">{td_string!(locale, need.target)}</label>
                            <select id="target_level" name="form[target_level]" required>
                                <option value="">"—"</option>
                                {levels}
                            </select>
                            {message("target_level")}
                        </div>
                        <div class="field">
                            <label for="headcount">{td_string!(locale, need.headcount)}</label>
                            <input id="headcount" name="form[headcount]" type="number" required min="1" max=need_limits::MAX_HEADCOUNT value=form.headcount.clone() />
                            {message("headcount")}
                        </div>
                    </div>
                    <div class="field">
                        <label for="units">{td_string!(locale, need.units)}</label>
                        <textarea id="units" name="form[units]" required rows="3" aria-describedby="units-hint">{form.units.clone()}</textarea>
                        <p class="hint" id="units-hint">{td_string!(locale, need.units_hint)}" "{known}</p>
                        {message("units")}
                    </div>
                    <div class="row-fields">
                        <div class="field">
                            <label for="mode">{td_string!(locale, need.mode)}</label>
                            <select id="mode" name="form[mode]">
                                <option value="">{td_string!(locale, need.mode_any)}</option>
                                {modes}
                            </select>
                            {message("mode")}
                        </div>
                        <div class="field field-grow">
                            <label for="region">{td_string!(locale, need.region)}</label>
                            <select id="region" name="form[region]">
                                <option value="">{td_string!(locale, need.region_any)}</option>
                                {regions}
                            </select>
                            {message("region")}
                        </div>
                    </div>
                </fieldset>
            }
            .into_any()
        }
        NeedKind::Research => {
            let outputs = ResearchOutput::ALL
                .into_iter()
                .enumerate()
                .map(|(i, o)| {
                    let checked = form.outputs.iter().any(|c| c == o.as_db());
                    view! {
                        <label>
                            <input type="checkbox" name=format!("form[outputs][{i}]") value=o.as_db() checked=checked />
                            " "{output_label(locale, o)}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{td_string!(locale, need.research)}</legend>
                    <div class="field">
                        <label for="expected_output">{td_string!(locale, need.expected_output)}</label>
                        <textarea id="expected_output" name="form[expected_output]" required maxlength=need_limits::EXPECTED_OUTPUT rows="3">{form.expected_output.clone()}</textarea>
                        {message("expected_output")}
                    </div>
                    <fieldset class="field checkbox">
                        <legend>{td_string!(locale, need.output_kinds)}</legend>
                        <div class="kind-choice">{outputs}</div>
                        {message("outputs")}
                    </fieldset>
                    <div class="field">
                        <label for="starts_on">{td_string!(locale, need.starts_on)}</label>
                        <input id="starts_on" name="form[starts_on]" type="date" required value=form.starts_on.clone() />
                        {message("starts_on")}
                    </div>
                </fieldset>
            }
            .into_any()
        }
    };
    let description_hint = match kind {
        NeedKind::Competency => td_string!(locale, need.justification_hint),
        NeedKind::Research => td_string!(locale, need.problem_hint),
    };
    let description_label = match kind {
        NeedKind::Competency => td_string!(locale, need.justification),
        NeedKind::Research => td_string!(locale, need.problem),
    };
    view! {
        <h1>{heading}</h1>
        <p class="lead">{editor.agency_name.clone()}</p>
        <FormError error=error.clone() />
        <ActionForm action=save attr:class="course-form">
            <input type="hidden" name="agency" value=editor.agency_slug.clone() />
            <input type="hidden" name="slug" value=editor.slug.clone().unwrap_or_default() />
            <input type="hidden" name="form[kind]" value=kind.as_db() />
            <fieldset>
                <legend>{td_string!(locale, need.about)}</legend>
                <div class="field">
                    <label for="title">{td_string!(locale, need.title_field)}</label>
                    <input id="title" name="form[title]" required maxlength=course_limits::TITLE value=form.title.clone() />
                    {message("title")}
                </div>
                <div class="field">
                    <label for="summary">{td_string!(locale, need.summary)}</label>
                    <textarea id="summary" name="form[summary]" required maxlength=course_limits::SUMMARY rows="2">{form.summary.clone()}</textarea>
                    {message("summary")}
                </div>
                <div class="field">
                    <label for="description">{description_label}</label>
                    <textarea id="description" name="form[description]" required maxlength=need_limits::DESCRIPTION rows="6" aria-describedby="description-hint">{form.description.clone()}</textarea>
                    <p class="hint" id="description-hint">{description_hint}</p>
                    {message("description")}
                </div>
            </fieldset>
            {specific}
            <fieldset>
                <legend>{td_string!(locale, need.wishes)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="deadline">{td_string!(locale, need.deadline)}</label>
                        <input id="deadline" name="form[deadline]" type="date" required value=form.deadline.clone() aria-describedby="deadline-hint" />
                        <p class="hint" id="deadline-hint">{td_string!(locale, need.deadline_hint)}</p>
                        {message("deadline")}
                    </div>
                    <div class="field">
                        <label for="budget">{td_string!(locale, need.budget)}</label>
                        <input id="budget" name="form[budget]" type="number" required min="0" max=MAX_RESEARCH_BUDGET step="1" value=form.budget.clone() aria-describedby="budget-hint" />
                        <p class="hint" id="budget-hint">{td_string!(locale, need.budget_hint)}</p>
                        {message("budget")}
                    </div>
                </div>
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" name="form[public]" checked=form.public.is_some() />
                        " "{td_string!(locale, need.public_label)}
                    </label>
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, need.evidence)}</legend>
                <p class="hint">{td_string!(locale, need.evidence_hint)}</p>
                {message("figures")}
                {figure_rows}
            </fieldset>
            <button class="button" type="submit">{td_string!(locale, need.save)}</button>
        </ActionForm>
    }
}
