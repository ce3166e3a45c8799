//! `/organisasi/{slug}/riset-baru` and `/katalog/riset/{slug}/ubah`: the research offer form of a
//! university's academics. A plain form post, checked in the browser from the same limits the
//! server applies, like the course form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::{localized_name, output_label};
use super::locale::use_locale;
use crate::api::{SaveResearch, get_research_editor};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::model::{
    FORM_ROWS, MAX_RESEARCH_BUDGET, PersonRow, ResearchEditor, ResearchOutput, course_limits,
};

/// A new research offer of the university in the URL.
#[component]
pub fn NewResearchPage() -> impl IntoView {
    let params = use_params_map();
    let university = move || params.read().get("slug").unwrap_or_default();
    let editor = Resource::new(university, |university| get_research_editor(university, None));
    view! { <EditorFrame editor /> }
}

/// Editing the research offer in the URL.
#[component]
pub fn EditResearchPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let editor = Resource::new(slug, |slug| get_research_editor(String::new(), Some(slug)));
    view! { <EditorFrame editor /> }
}

#[component]
fn EditorFrame(editor: Resource<Result<ResearchEditor, AppError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=td_string!(locale, research_editor.title) />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    editor.await.map(|editor| view! { <ResearchFormView editor /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ResearchFormView(editor: ResearchEditor) -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SaveResearch>::new();
    let error = form_error(save.value().get_untracked());
    let message = field_messages(locale, error.as_ref());
    let form = editor.form.clone();
    let heading = match &editor.slug {
        Some(_) => td_string!(locale, research_editor.edit_heading),
        None => td_string!(locale, research_editor.new_heading),
    };
    let rows = |n: usize| n.max(FORM_ROWS).max(n + 1);
    let mut competencies = form.competencies.clone();
    competencies
        .resize(rows(competencies.len()).min(course_limits::COMPETENCIES as usize), String::new());
    let mut team = form.team.clone();
    team.resize(rows(team.len()).min(course_limits::PEOPLE as usize), PersonRow::default());

    let competency_rows = competencies
        .into_iter()
        .enumerate()
        .map(|(i, chosen)| {
            let options = editor
                .competencies
                .iter()
                .map(|(code, id, en)| {
                    let label = format!("{} ({code})", localized_name(locale, id, en));
                    view! { <option value=code.clone() selected=chosen == *code>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field">
                    <label for=format!("competency-{i}")>{td_string!(locale, editor.competency_n, n = i + 1).to_string()}</label>
                    <select id=format!("competency-{i}") name=format!("form[competencies][{i}]") required=i == 0>
                        <option value="">"—"</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    let team_rows = team
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <div class="row-fields">
                    <div class="field field-grow">
                        <label for=format!("member-{i}")>{td_string!(locale, research_editor.member_n, n = i + 1).to_string()}</label>
                        <input id=format!("member-{i}") name=format!("form[team][{i}][name]") maxlength=course_limits::PERSON_NAME value=row.name required=i == 0 />
                    </div>
                    <div class="field field-grow">
                        <label for=format!("member-role-{i}")>{td_string!(locale, research_editor.member_role, n = i + 1).to_string()}</label>
                        <input id=format!("member-role-{i}") name=format!("form[team][{i}][role]") maxlength=course_limits::PERSON_NAME value=row.role />
                    </div>
                </div>
            }
        })
        .collect_view();
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
        <h1>{heading}</h1>
        <p class="lead">{editor.university_name.clone()}</p>
        <FormError error=error.clone() />
        <ActionForm action=save attr:class="course-form">
            <input type="hidden" name="university" value=editor.university_slug.clone() />
            <input type="hidden" name="slug" value=editor.slug.clone().unwrap_or_default() />
            <fieldset>
                <legend>{td_string!(locale, research_editor.about)}</legend>
                <div class="field">
                    <label for="title">{td_string!(locale, editor.course_title)}</label>
                    <input id="title" name="form[title]" required maxlength=course_limits::TITLE value=form.title.clone() />
                    {message("title")}
                </div>
                <div class="field">
                    <label for="summary">{td_string!(locale, editor.summary)}</label>
                    <textarea id="summary" name="form[summary]" required maxlength=course_limits::SUMMARY rows="2">{form.summary.clone()}</textarea>
                    {message("summary")}
                </div>
                <div class="field">
                    <label for="description">{td_string!(locale, research_editor.abstract_label)}</label>
                    <textarea id="description" name="form[description]" required maxlength=course_limits::DESCRIPTION rows="6">{form.description.clone()}</textarea>
                    {message("description")}
                </div>
                <div class="field">
                    <label for="expertise">{td_string!(locale, research_editor.expertise)}</label>
                    <input id="expertise" name="form[expertise]" required maxlength="1000" value=form.expertise.clone() />
                    {message("expertise")}
                </div>
                <div class="field">
                    <label for="sectors">{td_string!(locale, research_editor.sectors)}</label>
                    <textarea id="sectors" name="form[sectors]" required rows="3">{form.sectors.clone()}</textarea>
                    {message("sectors")}
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, editor.competencies)}</legend>
                <p class="hint">{td_string!(locale, research_editor.competencies_hint)}</p>
                {message("competencies")}
                {competency_rows}
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, research_editor.scope)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="duration_months">{td_string!(locale, research_editor.duration)}</label>
                        <input id="duration_months" name="form[duration_months]" type="number" required min="1" max="60" value=form.duration_months.clone() />
                        {message("duration_months")}
                    </div>
                    <div class="field">
                        <label for="budget_min">{td_string!(locale, research_editor.budget_min)}</label>
                        <input id="budget_min" name="form[budget_min]" type="number" required min="0" max=MAX_RESEARCH_BUDGET value=form.budget_min.clone() />
                        {message("budget_min")}
                    </div>
                    <div class="field">
                        <label for="budget_max">{td_string!(locale, research_editor.budget_max)}</label>
                        <input id="budget_max" name="form[budget_max]" type="number" required min="0" max=MAX_RESEARCH_BUDGET value=form.budget_max.clone() />
                        {message("budget_max")}
                    </div>
                </div>
                <fieldset class="field checkbox">
                    <legend>{td_string!(locale, offer.outputs)}</legend>
                    <div class="kind-choice">{outputs}</div>
                    {message("outputs")}
                </fieldset>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, offer.team)}</legend>
                {message("team")}
                {team_rows}
            </fieldset>
            <button class="button" type="submit">{td_string!(locale, editor.save)}</button>
        </ActionForm>
    }
}
