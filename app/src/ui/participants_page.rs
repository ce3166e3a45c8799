//! `/katalog/kursus/{slug}/peserta`: a course's participant sheet for its academics — the
//! sessions with their attendance counts and check-in codes, one session's list to tick in bulk
//! (`?sesi=`), and the test scores, a page of participants at a time (`?halaman=`). Every form
//! is a plain form.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::enrollment_status_label;
use super::locale::{localized, use_locale};
use super::pager::pager_window;
use super::score_import::ScoreImport;
use crate::api::{MarkAttendance, OpenCheckIn, SaveScores, get_attendance_sheet};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::AttendanceSheet;

/// The page.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let mark = ServerAction::<MarkAttendance>::new();
    let code = ServerAction::<OpenCheckIn>::new();
    let scores = ServerAction::<SaveScores>::new();
    let page = move || query.read().get("halaman").and_then(|p| p.parse().ok()).unwrap_or(1);
    let sheet = Resource::new(
        move || {
            let versions = (mark.version().get(), code.version().get(), scores.version().get());
            (params.read().get("slug").unwrap_or_default(), page(), versions)
        },
        |(slug, page, _)| get_attendance_sheet(slug, page),
    );
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    sheet.await.map(|sheet| view! { <SheetView sheet mark code scores /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn SheetView(
    sheet: AttendanceSheet,
    mark: ServerAction<MarkAttendance>,
    code: ServerAction<OpenCheckIn>,
    scores: ServerAction<SaveScores>,
) -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let title =
        td_string!(locale, attendance.title, course = sheet.course_title.clone()).to_string();
    let course_href = localized(locale, &format!("/katalog/kursus/{}", sheet.course_slug));
    let chosen = query
        .read_untracked()
        .get("sesi")
        .and_then(|s| s.parse::<i32>().ok())
        .and_then(|id| sheet.sessions.iter().position(|s| s.id == id))
        .unwrap_or(0);
    let error = move || {
        form_error(mark.value().get())
            .or_else(|| form_error(code.value().get()))
            .or_else(|| form_error(scores.value().get()))
    };
    let course_slug = sheet.course_slug.clone();
    let sessions = sheet
        .sessions
        .clone()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let link = format!("?sesi={}&halaman={}", s.id, sheet.page);
            let slug = course_slug.clone();
            let shown_code = s.check_in.as_ref().map(|c| {
                view! {
                    <strong class="check-in-code">{c.code.clone()}</strong>
                    " "
                    {td_string!(locale, attendance.until, time = format_wib(&c.closes_at.to_rfc3339())).to_string()}
                }
            });
            view! {
                <tr>
                    <td><a href=link>{format!("{}. {}", i + 1, format_wib(&s.starts_at.to_rfc3339()))}</a></td>
                    <td>{format!("{} / {}", s.present, sheet.participants)}</td>
                    <td>
                        {shown_code}
                        <ActionForm action=code attr:class="inline-form">
                            <input type="hidden" name="slug" value=slug />
                            <input type="hidden" name="session" value=s.id />
                            <button class="button button-small" type="submit">
                                {td_string!(locale, attendance.open_code)}
                            </button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let pages = (sheet.pages > 1).then(|| {
        // Another page of participants keeps the session whose list is open.
        let session_id = sheet.sessions.get(chosen).map(|s| s.id);
        let links = pager_window(sheet.page, sheet.pages)
            .into_iter()
            .map(|shown| match shown {
                Some(p) => {
                    let current = (p == sheet.page).then_some("page");
                    let href = match session_id {
                        Some(id) => format!("?sesi={id}&halaman={p}"),
                        None => format!("?halaman={p}"),
                    };
                    view! { <li><a href=href aria-current=current>{p}</a></li> }
                        .into_any()
                }
                None => view! { <li aria-hidden="true">"…"</li> }.into_any(),
            })
            .collect_view();
        view! { <nav aria-label=td_string!(locale, attendance.pages)><ol class="pager">{links}</ol></nav> }
    });
    let session = sheet.sessions.get(chosen).cloned();
    view! {
        <Title text=title.clone() />
        <p class="breadcrumb"><a href=course_href>{sheet.course_title.clone()}</a></p>
        <h1>{title}</h1>
        <p class="lead">{td_string!(locale, attendance.lead, count = sheet.participants).to_string()}</p>
        {move || view! { <FormError error=error() /> }}
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{td_string!(locale, attendance.sessions)}</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, attendance.session)}</th>
                            <th scope="col">{td_string!(locale, attendance.present)}</th>
                            <th scope="col">{td_string!(locale, attendance.code)}</th>
                        </tr>
                    </thead>
                    <tbody>{sessions}</tbody>
                </table>
            </div>
        </section>
        {session.map(|session| view! { <ListForm sheet=sheet.clone() session=session.id number=chosen + 1 mark /> })}
        <ScoresForm sheet=sheet.clone() scores />
        {pages}
    }
}

/// One session's list: a tick per participant of this page.
#[component]
fn ListForm(
    sheet: AttendanceSheet,
    session: i32,
    number: usize,
    mark: ServerAction<MarkAttendance>,
) -> impl IntoView {
    let locale = use_locale();
    let column = sheet.sessions.iter().position(|s| s.id == session).unwrap_or(0);
    let rows = sheet
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let box_id = format!("present-{}", row.enrollment_id);
            let ticked = row.present.get(column).copied().unwrap_or(false);
            view! {
                <tr>
                    <td>
                        <input type="hidden" name=format!("shown[{i}]") value=row.enrollment_id />
                        <input type="checkbox" id=box_id.clone() name=format!("present[{i}]") value=row.enrollment_id checked=ticked />
                    </td>
                    <td><label for=box_id>{row.name.clone()}</label></td>
                    <td>{row.agency.clone()}</td>
                    <td>{enrollment_status_label(locale, row.status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">{td_string!(locale, attendance.list, number = number).to_string()}</h2>
            <ActionForm action=mark>
                <input type="hidden" name="session" value=session />
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, attendance.present)}</th>
                                <th scope="col">{td_string!(locale, enrollment.person)}</th>
                                <th scope="col">{td_string!(locale, attendance.agency)}</th>
                                <th scope="col">{td_string!(locale, enrollment.status)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button class="button" type="submit">{td_string!(locale, attendance.save_list)}</button>
            </ActionForm>
        </section>
    }
}

/// The pre- and post-test scores of this page's participants.
#[component]
fn ScoresForm(sheet: AttendanceSheet, scores: ServerAction<SaveScores>) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(scores.value().get());
    let rows = sheet
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (pre_id, post_id) = (format!("pre_{}", row.enrollment_id), format!("post_{}", row.enrollment_id));
            let (pre_field, post_field) = (pre_id.clone(), post_id.clone());
            // After the close: the certificate, where the university may also revoke it.
            let certificate = row.certificate.as_ref().map(|code| {
                let href = localized(locale, &format!("/verifikasi/{code}"));
                view! { " · " <a href=href>{td_string!(locale, certificate.link)}</a> }
            });
            view! {
                <tr>
                    <td>
                        <input type="hidden" name=format!("scores[{i}][id]") value=row.enrollment_id />
                        {row.name.clone()}
                        {certificate}
                    </td>
                    <td>
                        <label class="visually-hidden" for=pre_id.clone()>{td_string!(locale, attendance.pre_test)}</label>
                        <input id=pre_id name=format!("scores[{i}][pre]") inputmode="numeric" size="4" value=row.pre_test.map(|v| v.to_string()) />
                        {move || field_messages(locale, error().as_ref())(&pre_field)}
                    </td>
                    <td>
                        <label class="visually-hidden" for=post_id.clone()>{td_string!(locale, attendance.post_test)}</label>
                        <input id=post_id name=format!("scores[{i}][post]") inputmode="numeric" size="4" value=row.post_test.map(|v| v.to_string()) />
                        {move || field_messages(locale, error().as_ref())(&post_field)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let import_slug = sheet.course_slug.clone();
    view! {
        <section aria-labelledby="scores-heading">
            <h2 id="scores-heading">{td_string!(locale, attendance.scores)}</h2>
            <ActionForm action=scores>
                <input type="hidden" name="slug" value=sheet.course_slug.clone() />
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, enrollment.person)}</th>
                                <th scope="col">{td_string!(locale, attendance.pre_test)}</th>
                                <th scope="col">{td_string!(locale, attendance.post_test)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button class="button" type="submit">{td_string!(locale, attendance.save_scores)}</button>
            </ActionForm>
            <ScoreImport slug=import_slug />
        </section>
    }
}
