//! `/kursus-saya`: a civil servant's courses — taking, waiting for, or taken — newest first,
//! each with where it stands and, while allowed, a plain form to give the place up.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::{enrollment_status_label, long_date};
use super::locale::{localized, use_locale};
use crate::api::{CancelEnrollment, EvaluateCourse, get_own_enrollments};
use crate::i18n::td_string;
use crate::model::{EnrollmentStatus, MAX_EVALUATION_COMMENT, OwnEnrollment};

/// The page.
#[component]
pub fn OwnCoursesPage() -> impl IntoView {
    let locale = use_locale();
    let cancel = ServerAction::<CancelEnrollment>::new();
    let evaluate = ServerAction::<EvaluateCourse>::new();
    let list = Resource::new(
        move || (cancel.version().get(), evaluate.version().get()),
        |_| get_own_enrollments(),
    );
    view! {
        <Title text=td_string!(locale, enrollment.own_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, enrollment.own_title)}</h1>
        <p class="lead">{td_string!(locale, enrollment.own_lead)}</p>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|list| view! { <OwnCoursesView list cancel evaluate /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn OwnCoursesView(
    list: Vec<OwnEnrollment>,
    cancel: ServerAction<CancelEnrollment>,
    evaluate: ServerAction<EvaluateCourse>,
) -> impl IntoView {
    let locale = use_locale();
    let error =
        move || form_error(cancel.value().get()).or_else(|| form_error(evaluate.value().get()));
    if list.is_empty() {
        return view! {
            <p>
                <a href=localized(locale, "/katalog")>{td_string!(locale, enrollment.own_none)}</a>
            </p>
        }
        .into_any();
    }
    let rows = list
        .into_iter()
        .map(|row| {
            let href = localized(locale, &format!("/katalog/kursus/{}", row.course_slug));
            let status = enrollment_status_label(locale, row.place.status);
            let position = row
                .place
                .position
                .map(|p| format!(" — {}", td_string!(locale, enrollment.position, position = p)));
            let nominated = row.nominated_by.map(|name| {
                view! { <br /><span class="hint">{td_string!(locale, enrollment.nominated_by, name = name).to_string()}</span> }
            });
            let note = (!row.note.is_empty()).then(|| view! { <br /><span class="hint">{row.note.clone()}</span> });
            // Once the course closed: what was found against what it asks.
            let result = row.attendance_percent.map(|percent| {
                let attendance = td_string!(
                    locale,
                    enrollment.result_attendance,
                    percent = percent,
                    required = row.min_attendance_percent
                )
                .to_string();
                let score = row.post_test.map_or_else(|| "–".to_owned(), |s| s.to_string());
                let post = td_string!(
                    locale,
                    enrollment.result_post_test,
                    score = score,
                    required = row.min_post_test
                )
                .to_string();
                view! { <br /><span class="hint">{attendance}" · "{post}</span> }
            });
            let label = if row.place.status == EnrollmentStatus::Waitlisted {
                td_string!(locale, enrollment.leave_waitlist)
            } else {
                td_string!(locale, enrollment.cancel)
            };
            let give_up = row.place.may_cancel.then(|| {
                view! {
                    <ActionForm action=cancel attr:class="inline-form">
                        <input type="hidden" name="id" value=row.place.enrollment_id />
                        <input type="hidden" name="note" value="" />
                        <button class="button button-small" type="submit">{label}</button>
                    </ActionForm>
                }
            });
            let certificate = row.certificate.map(|code| {
                view! {
                    <a class="button button-small" href=localized(locale, &format!("/verifikasi/{code}"))>
                        {td_string!(locale, certificate.link)}
                    </a>
                }
            });
            let rating = (row.place.status == EnrollmentStatus::Completed)
                .then(|| reaction_cell(locale, row.place.enrollment_id, row.reaction, evaluate));
            view! {
                <tr>
                    <td><a href=href>{row.course_title}</a>{nominated}</td>
                    <td>{row.university}</td>
                    <td>{row.first_day.map(|d| long_date(locale, d))}</td>
                    <td>{row.jp}</td>
                    <td data-status=row.place.status.as_db()>{status}{position}{note}{result}</td>
                    <td>{give_up}{certificate}{rating}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {move || view! { <FormError error=error() /> }}
        <div class="table-scroll">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, enrollment.course)}</th>
                        <th scope="col">{td_string!(locale, enrollment.university)}</th>
                        <th scope="col">{td_string!(locale, enrollment.first_day)}</th>
                        <th scope="col">{td_string!(locale, enrollment.jp)}</th>
                        <th scope="col">{td_string!(locale, enrollment.status)}</th>
                        <th scope="col">{td_string!(locale, enrollment.actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A completed course's rating by its participant: the form until given, then the rating.
fn reaction_cell(
    locale: crate::i18n::Locale,
    enrollment: i32,
    reaction: Option<i16>,
    evaluate: ServerAction<EvaluateCourse>,
) -> AnyView {
    if let Some(given) = reaction {
        let text = td_string!(locale, evaluation.your_rating, reaction = given).to_string();
        return view! { <p class="hint" data-reaction=given>{text}</p> }.into_any();
    }
    let choices = (1..=5).map(|n: i16| view! { <option value=n>{n}</option> }).collect_view();
    let (select, note) = (format!("reaction-{enrollment}"), format!("comment-{enrollment}"));
    view! {
        <details class="reaction-form">
            <summary>{td_string!(locale, evaluation.rate_course)}</summary>
            <ActionForm action=evaluate attr:class="stacked-form">
                <input type="hidden" name="enrollment" value=enrollment />
                <label for=select.clone()>{td_string!(locale, evaluation.reaction)}</label>
                <select id=select name="level" required>
                    <option value="">{td_string!(locale, evaluation.choose)}</option>
                    {choices}
                </select>
                <label for=note.clone()>{td_string!(locale, evaluation.comment)}</label>
                <textarea id=note name="comment" rows="2" maxlength=MAX_EVALUATION_COMMENT></textarea>
                <button class="button button-small" type="submit">{td_string!(locale, evaluation.send)}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
