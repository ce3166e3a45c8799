//! The enrollment box of a course page: the seats left and the line, and for a civil servant
//! the one thing to do now — enroll, join the waitlist, or give the place up — as plain forms.

use leptos::prelude::*;

use super::error_view::{FormError, field_messages, form_error};
use super::labels::{enrollment_status_label, long_date};
use super::locale::{localized, use_locale};
use crate::api::{CancelEnrollment, CheckIn, Enroll, get_course_seats};
use crate::i18n::td_string;
use crate::model::{
    CourseSeats, EnrollmentOutcome, EnrollmentStatus, MAX_ENROLLMENT_NOTE, OwnPlace, SeatViewer,
};

/// The box for the course `slug`; nothing when the course has no seats to show (a draft).
#[component]
pub fn EnrollmentBox(slug: String) -> impl IntoView {
    let enroll = ServerAction::<Enroll>::new();
    let cancel = ServerAction::<CancelEnrollment>::new();
    let seats = Resource::new(
        move || (slug.clone(), enroll.version().get(), cancel.version().get()),
        |(slug, _, _)| get_course_seats(slug),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                seats.await.ok().map(|seats| view! { <SeatsView seats enroll cancel /> })
            })}
        </Suspense>
    }
}

#[component]
fn SeatsView(
    seats: CourseSeats,
    enroll: ServerAction<Enroll>,
    cancel: ServerAction<CancelEnrollment>,
) -> impl IntoView {
    let locale = use_locale();
    let free = seats.free();
    let summary =
        td_string!(locale, enrollment.seats, free = free, capacity = seats.capacity).to_string();
    let waiting = (seats.waiting > 0)
        .then(|| td_string!(locale, enrollment.waiting, count = seats.waiting).to_string());
    let period = td_string!(
        locale,
        enrollment.period,
        from = long_date(locale, seats.opens_on),
        to = long_date(locale, seats.closes_on)
    )
    .to_string();
    let error =
        move || form_error(enroll.value().get()).or_else(|| form_error(cancel.value().get()));
    let done = move || enroll.value().get().and_then(Result::ok).map(|o| outcome_text(locale, o));
    let action = match seats.viewer {
        SeatViewer::Visitor => {
            let back = localized(locale, &format!("/katalog/kursus/{}", seats.slug));
            let href = format!("{}?kembali={back}", localized(locale, "/masuk"));
            view! { <p><a class="button" href=href>{td_string!(locale, enrollment.sign_in)}</a></p> }
                .into_any()
        }
        SeatViewer::NotStaff => {
            view! { <p class="hint">{td_string!(locale, enrollment.not_staff)}</p> }.into_any()
        }
        SeatViewer::MayEnroll if !seats.open => {
            view! { <p class="hint">{td_string!(locale, enrollment.not_open)}</p> }.into_any()
        }
        SeatViewer::MayEnroll => {
            let (label, line) = if free > 0 {
                (td_string!(locale, enrollment.enroll), false)
            } else {
                (td_string!(locale, enrollment.join_waitlist), true)
            };
            view! {
                {line.then(|| view! { <p class="hint">{td_string!(locale, enrollment.full_note)}</p> })}
                <ActionForm action=enroll>
                    <input type="hidden" name="slug" value=seats.slug.clone() />
                    <input type="hidden" name="waitlist" value=line.to_string() />
                    <button class="button" type="submit">{label}</button>
                </ActionForm>
            }
            .into_any()
        }
        SeatViewer::Holds(place) => {
            let enrolled = place.status == EnrollmentStatus::Enrolled;
            view! {
                <PlaceView place cancel />
                {enrolled.then(|| view! { <CheckInForm slug=seats.slug.clone() /> })}
            }
            .into_any()
        }
    };
    view! {
        <section class="enrollment-box" aria-labelledby="enrollment-heading">
            <h2 id="enrollment-heading">{td_string!(locale, enrollment.heading)}</h2>
            <p><strong>{summary}</strong>{waiting.map(|w| view! { " · " {w} })}</p>
            <p class="hint">{period}</p>
            {move || done().map(|text| view! { <p class="notice" role="status">{text}</p> })}
            {move || view! { <FormError error=error() /> }}
            {action}
        </section>
    }
}

/// What the person's place is, and the form to give it up while they may.
#[component]
fn PlaceView(place: OwnPlace, cancel: ServerAction<CancelEnrollment>) -> impl IntoView {
    let locale = use_locale();
    let status = enrollment_status_label(locale, place.status);
    let position = place
        .position
        .map(|p| format!(" — {}", td_string!(locale, enrollment.position, position = p)));
    let label = if place.status == EnrollmentStatus::Waitlisted {
        td_string!(locale, enrollment.leave_waitlist)
    } else {
        td_string!(locale, enrollment.cancel)
    };
    let form = if place.may_cancel {
        view! {
            <ActionForm action=cancel attr:class="decline-form">
                <input type="hidden" name="id" value=place.enrollment_id />
                <label for="cancel-note">{td_string!(locale, enrollment.cancel_note)}</label>
                <textarea id="cancel-note" name="note" rows="2" maxlength=MAX_ENROLLMENT_NOTE></textarea>
                <button class="button button-small" type="submit">{label}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <p class="hint">{td_string!(locale, enrollment.cancel_closed)}</p> }.into_any()
    };
    view! {
        <p class="status-banner" data-status=place.status.as_db()>
            {td_string!(locale, enrollment.your_place)}": "<strong>{status}</strong>{position}
        </p>
        {form}
    }
}

/// Checking in to today's session with the code the instructor gives out.
#[component]
fn CheckInForm(slug: String) -> impl IntoView {
    let locale = use_locale();
    let check_in = ServerAction::<CheckIn>::new();
    let error = move || form_error(check_in.value().get());
    let done = move || matches!(check_in.value().get(), Some(Ok(())));
    view! {
        <h3>{td_string!(locale, attendance.check_in)}</h3>
        {move || done().then(|| view! { <p class="notice" role="status">{td_string!(locale, attendance.checked_in)}</p> })}
        <ActionForm action=check_in attr:class="inline-form">
            <input type="hidden" name="slug" value=slug />
            <label for="check-in-code">{td_string!(locale, attendance.check_in_code)}</label>
            <input id="check-in-code" name="code" required autocomplete="off" size="8" />
            {move || field_messages(locale, error().as_ref())("code")}
            <button class="button button-small" type="submit">{td_string!(locale, attendance.check_in_button)}</button>
        </ActionForm>
    }
}

fn outcome_text(locale: crate::i18n::Locale, outcome: EnrollmentOutcome) -> String {
    match outcome {
        EnrollmentOutcome::Seated { status: EnrollmentStatus::Pending, .. } => {
            td_string!(locale, enrollment.done_pending).to_owned()
        }
        EnrollmentOutcome::Seated { .. } => td_string!(locale, enrollment.done_seated).to_owned(),
        EnrollmentOutcome::Waitlisted { position, .. } => {
            td_string!(locale, enrollment.done_waitlisted, position = position).to_string()
        }
    }
}
