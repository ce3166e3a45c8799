//! `/organisasi/{slug}/kursus-baru` and `/katalog/kursus/{slug}/ubah`: the course form of a
//! university's academics. A plain form post; the browser checks what HTML can express (required,
//! lengths, ranges, dates) from the same limits the server applies, the server checks the rest.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::{localized_name, mode_label};
use super::locale::use_locale;
use crate::api::{SaveCourse, get_course_editor};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::model::{
    CompetencyRow, CourseEditor, DeliveryMode, FORM_ROWS, PersonRow, Region, SessionRow,
    course_limits as limits,
};

/// A new course of the university in the URL.
#[component]
pub fn NewCoursePage() -> impl IntoView {
    let params = use_params_map();
    let university = move || params.read().get("slug").unwrap_or_default();
    let editor = Resource::new(university, |university| get_course_editor(university, None));
    view! { <EditorFrame editor /> }
}

/// Editing the course in the URL.
#[component]
pub fn EditCoursePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let editor = Resource::new(slug, |slug| get_course_editor(String::new(), Some(slug)));
    view! { <EditorFrame editor /> }
}

#[component]
fn EditorFrame(editor: Resource<Result<CourseEditor, AppError>>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=td_string!(locale, editor.title) />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    editor.await.map(|editor| view! { <CourseFormView editor /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn CourseFormView(editor: CourseEditor) -> impl IntoView {
    let locale = use_locale();
    let save = ServerAction::<SaveCourse>::new();
    let error = form_error(save.value().get_untracked());
    let message = field_messages(locale, error.as_ref());
    let form = editor.form.clone();
    let heading = match &editor.slug {
        Some(_) => td_string!(locale, editor.edit_heading),
        None => td_string!(locale, editor.new_heading),
    };
    let rows = |n: usize| n.max(FORM_ROWS).max(n + 1);
    let mut competencies = form.competencies.clone();
    competencies.resize(rows(competencies.len()), CompetencyRow::default());
    let mut sessions = form.sessions.clone();
    sessions.resize(rows(sessions.len()), SessionRow::default());
    let mut instructors = form.instructors.clone();
    instructors.resize(rows(instructors.len()).min(limits::PEOPLE as usize), PersonRow::default());

    let competency_rows = competencies
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let options = editor
                .competencies
                .iter()
                .map(|(code, id, en)| {
                    let label = format!("{} ({code})", localized_name(locale, id, en));
                    view! { <option value=code.clone() selected=row.code == *code>{label}</option> }
                })
                .collect_view();
            let levels = (1..=5)
                .map(|l: u8| view! { <option value=l.to_string() selected=row.level == l.to_string()>{l}</option> })
                .collect_view();
            view! {
                <div class="row-fields">
                    <div class="field">
                        <label for=format!("competency-{i}")>{td_string!(locale, editor.competency_n, n = i + 1).to_string()}</label>
                        <select id=format!("competency-{i}") name=format!("form[competencies][{i}][code]") required=i == 0>
                            <option value="">"—"</option>
                            {options}
                        </select>
                    </div>
                    <div class="field">
                        <label for=format!("level-{i}")>{td_string!(locale, editor.level_n, n = i + 1).to_string()}</label>
                        <select id=format!("level-{i}") name=format!("form[competencies][{i}][level]") required=i == 0>
                            <option value="">"—"</option>
                            {levels}
                        </select>
                    </div>
                </div>
            }
        })
        .collect_view();
    let session_rows = sessions
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <div class="row-fields">
                    <div class="field">
                        <label for=format!("session-date-{i}")>{td_string!(locale, editor.session_date, n = i + 1).to_string()}</label>
                        <input id=format!("session-date-{i}") type="date" name=format!("form[sessions][{i}][date]") value=row.date required=i == 0 />
                    </div>
                    <div class="field">
                        <label for=format!("session-starts-{i}")>{td_string!(locale, editor.session_starts, n = i + 1).to_string()}</label>
                        <input id=format!("session-starts-{i}") type="time" name=format!("form[sessions][{i}][starts]") value=row.starts required=i == 0 />
                    </div>
                    <div class="field">
                        <label for=format!("session-ends-{i}")>{td_string!(locale, editor.session_ends, n = i + 1).to_string()}</label>
                        <input id=format!("session-ends-{i}") type="time" name=format!("form[sessions][{i}][ends]") value=row.ends required=i == 0 />
                    </div>
                    <div class="field field-grow">
                        <label for=format!("session-place-{i}")>{td_string!(locale, editor.session_place, n = i + 1).to_string()}</label>
                        <input id=format!("session-place-{i}") name=format!("form[sessions][{i}][place]") maxlength=limits::PLACE value=row.place required=i == 0 />
                    </div>
                </div>
            }
        })
        .collect_view();
    let instructor_rows = instructors
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            view! {
                <div class="row-fields">
                    <div class="field field-grow">
                        <label for=format!("instructor-{i}")>{td_string!(locale, editor.instructor_n, n = i + 1).to_string()}</label>
                        <input id=format!("instructor-{i}") name=format!("form[instructors][{i}][name]") maxlength=limits::PERSON_NAME value=row.name required=i == 0 />
                    </div>
                    <div class="field field-grow">
                        <label for=format!("instructor-role-{i}")>{td_string!(locale, editor.instructor_role, n = i + 1).to_string()}</label>
                        <input id=format!("instructor-role-{i}") name=format!("form[instructors][{i}][role]") maxlength=limits::PERSON_NAME value=row.role />
                    </div>
                </div>
            }
        })
        .collect_view();
    let learning_forms = editor
        .learning_forms
        .iter()
        .map(|(code, id, en)| {
            view! { <option value=code.clone() selected=form.learning_form == *code>{localized_name(locale, id, en).to_owned()}</option> }
        })
        .collect_view();
    let modes = DeliveryMode::ALL
        .map(|m| view! { <option value=m.as_db() selected=form.mode == m.as_db()>{mode_label(locale, m)}</option> })
        .into_iter()
        .collect_view();
    let regions = Region::ALL
        .map(|r| view! { <option value=r.code selected=form.region == r.code>{r.name}</option> })
        .into_iter()
        .collect_view();
    view! {
        <h1>{heading}</h1>
        <p class="lead">{editor.university_name.clone()}</p>
        <FormError error=error.clone() />
        <ActionForm action=save attr:class="course-form">
            <input type="hidden" name="university" value=editor.university_slug.clone() />
            <input type="hidden" name="slug" value=editor.slug.clone().unwrap_or_default() />
            <fieldset>
                <legend>{td_string!(locale, editor.about)}</legend>
                <div class="field">
                    <label for="title">{td_string!(locale, editor.course_title)}</label>
                    <input id="title" name="form[title]" required maxlength=limits::TITLE value=form.title.clone() />
                    {message("title")}
                </div>
                <div class="field">
                    <label for="summary">{td_string!(locale, editor.summary)}</label>
                    <textarea id="summary" name="form[summary]" required maxlength=limits::SUMMARY rows="2">{form.summary.clone()}</textarea>
                    {message("summary")}
                </div>
                <div class="field">
                    <label for="description">{td_string!(locale, editor.description)}</label>
                    <textarea id="description" name="form[description]" maxlength=limits::DESCRIPTION rows="8" aria-describedby="description-hint">{form.description.clone()}</textarea>
                    <p class="hint" id="description-hint">{td_string!(locale, editor.description_hint)}</p>
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, editor.competencies)}</legend>
                <p class="hint">{td_string!(locale, editor.competencies_hint)}</p>
                {message("competencies")}
                {competency_rows}
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, editor.learning)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="jp">{td_string!(locale, offer.jp)}</label>
                        <input id="jp" name="form[jp]" type="number" required min="1" max=limits::MAX_JP value=form.jp.clone() />
                        {message("jp")}
                    </div>
                    <div class="field field-grow">
                        <label for="learning_form">{td_string!(locale, editor.learning_form)}</label>
                        <select id="learning_form" name="form[learning_form]" required>{learning_forms}</select>
                        {message("learning_form")}
                    </div>
                </div>
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" name="form[international]" checked=form.international.is_some() />
                        " "{td_string!(locale, editor.international)}
                    </label>
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, editor.delivery)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="mode">{td_string!(locale, catalogue.mode)}</label>
                        <select id="mode" name="form[mode]" required>{modes}</select>
                    </div>
                    <div class="field field-grow">
                        <label for="region">{td_string!(locale, catalogue.region)}</label>
                        <select id="region" name="form[region]" aria-describedby="region-hint">
                            <option value="">"—"</option>
                            {regions}
                        </select>
                        <p class="hint" id="region-hint">{td_string!(locale, editor.region_hint)}</p>
                        {message("region")}
                    </div>
                </div>
                <p class="hint">{td_string!(locale, editor.sessions_hint)}</p>
                {message("sessions")}
                {session_rows}
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, editor.seats_and_fee)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="capacity">{td_string!(locale, offer.capacity)}</label>
                        <input id="capacity" name="form[capacity]" type="number" required min="1" max=limits::MAX_CAPACITY value=form.capacity.clone() />
                        {message("capacity")}
                    </div>
                    <div class="field">
                        <label for="fee">{td_string!(locale, editor.fee)}</label>
                        <input id="fee" name="form[fee]" type="number" required min="0" max=limits::MAX_FEE step="1" value=form.fee.clone() />
                        {message("fee")}
                    </div>
                    <div class="field">
                        <label for="enrollment_opens">{td_string!(locale, editor.enrollment_opens)}</label>
                        <input id="enrollment_opens" name="form[enrollment_opens]" type="date" required value=form.enrollment_opens.clone() />
                        {message("enrollment_opens")}
                    </div>
                    <div class="field">
                        <label for="enrollment_closes">{td_string!(locale, editor.enrollment_closes)}</label>
                        <input id="enrollment_closes" name="form[enrollment_closes]" type="date" required value=form.enrollment_closes.clone() />
                        {message("enrollment_closes")}
                    </div>
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, offer.completion)}</legend>
                <div class="row-fields">
                    <div class="field">
                        <label for="min_attendance">{td_string!(locale, editor.min_attendance)}</label>
                        <input id="min_attendance" name="form[min_attendance]" type="number" required min="0" max="100" value=form.min_attendance.clone() />
                        {message("min_attendance")}
                    </div>
                    <div class="field">
                        <label for="min_post_test">{td_string!(locale, editor.min_post_test)}</label>
                        <input id="min_post_test" name="form[min_post_test]" type="number" required min="0" max="100" value=form.min_post_test.clone() />
                        {message("min_post_test")}
                    </div>
                </div>
                <div class="field">
                    <label for="prerequisites">{td_string!(locale, offer.prerequisites)}</label>
                    <textarea id="prerequisites" name="form[prerequisites]" maxlength=limits::PREREQUISITES rows="2">{form.prerequisites.clone()}</textarea>
                </div>
            </fieldset>
            <fieldset>
                <legend>{td_string!(locale, offer.instructors)}</legend>
                {message("instructors")}
                {instructor_rows}
            </fieldset>
            <button class="button" type="submit">{td_string!(locale, editor.save)}</button>
        </ActionForm>
    }
}
