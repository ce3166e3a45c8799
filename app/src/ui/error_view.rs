//! What an error boundary shows: the translated message of each `AppError`, and (during SSR) the
//! HTTP status that error calls for.

use leptos::prelude::*;

use super::locale::{localized, use_locale};
use crate::error::{AppError, ConflictReason};
use crate::i18n::{Locale, td_string};
use crate::model::{EmailError, FieldError, NipError, PasswordError, ValidationCode};

/// Fallback of `<ErrorBoundary>`: lists the errors and sets the response status.
#[component]
pub fn ErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let locale = use_locale();
    let app_errors: Vec<AppError> = errors
        .get_untracked()
        .into_iter()
        .map(|(_, error)| {
            error
                .downcast_ref::<AppError>()
                .cloned()
                .unwrap_or(AppError::Internal { incident: "-".to_owned() })
        })
        .collect();
    #[cfg(feature = "ssr")]
    apply_error_status(&app_errors);
    view! {
        <div class="error-box" role="alert">
            <p class="error-title">{td_string!(locale, error.title)}</p>
            <ul>
                {app_errors
                    .iter()
                    .map(|e| view! { <li>{message(locale, e)}</li> })
                    .collect_view()}
            </ul>
            {app_errors.contains(&AppError::Unauthenticated).then(|| {
                view! {
                    <p>
                        <a href=localized(locale, "/masuk")>
                            {td_string!(locale, error.sign_in_link)}
                        </a>
                    </p>
                }
            })}
        </div>
    }
}

/// The error a plain-form post came back with (the server redirects to the page with it in the
/// URL, and the page's `ServerAction` reads it back); during SSR it also sets the status.
pub fn form_error<T>(outcome: Option<Result<T, AppError>>) -> Option<AppError> {
    let error = outcome.and_then(Result::err);
    #[cfg(feature = "ssr")]
    if let Some(error) = &error {
        apply_error_status(std::slice::from_ref(error));
    }
    error
}

/// The box a refused form shows above itself.
#[component]
pub fn FormError(error: Option<AppError>) -> impl IntoView {
    let locale = use_locale();
    error.map(|e| {
        view! {
            <div class="error-box" role="alert">
                <p>{message(locale, &e)}</p>
            </div>
        }
    })
}

/// The translated sentence for an error.
pub fn message(locale: Locale, error: &AppError) -> String {
    match error {
        AppError::NotFound => td_string!(locale, error.not_found).to_owned(),
        AppError::Unauthenticated => td_string!(locale, error.unauthenticated).to_owned(),
        AppError::Forbidden => td_string!(locale, error.forbidden).to_owned(),
        AppError::Invalid(fields) if !fields.is_empty() => {
            let details: Vec<String> = fields.iter().map(|f| field_message(locale, f)).collect();
            format!("{} {}", td_string!(locale, error.invalid), details.join(" "))
        }
        AppError::Invalid(_) => td_string!(locale, error.invalid).to_owned(),
        AppError::Conflict(ConflictReason::AlreadyExists { .. }) => {
            td_string!(locale, error.conflict_exists).to_owned()
        }
        AppError::Conflict(ConflictReason::Stale) => {
            td_string!(locale, error.conflict_stale).to_owned()
        }
        AppError::Conflict(ConflictReason::OrganisationNotVerified) => {
            td_string!(locale, error.conflict_not_verified).to_owned()
        }
        AppError::Conflict(ConflictReason::OwnAccount) => {
            td_string!(locale, error.conflict_own_account).to_owned()
        }
        AppError::Conflict(ConflictReason::NeedNotOpen) => {
            td_string!(locale, error.conflict_need_not_open).to_owned()
        }
        AppError::Conflict(ConflictReason::ProposalPending) => {
            td_string!(locale, error.conflict_proposal_pending).to_owned()
        }
        AppError::Conflict(ConflictReason::CourseFull) => {
            td_string!(locale, error.conflict_course_full).to_owned()
        }
        AppError::Conflict(ConflictReason::NotEnoughSeats { free }) => {
            td_string!(locale, error.conflict_not_enough_seats, free = *free).to_string()
        }
        AppError::Conflict(ConflictReason::AlreadyEnrolled) => {
            td_string!(locale, error.conflict_already_enrolled).to_owned()
        }
        AppError::Conflict(ConflictReason::EnrollmentClosed) => {
            td_string!(locale, error.conflict_enrollment_closed).to_owned()
        }
        AppError::Conflict(ConflictReason::EnrollmentFinal) => {
            td_string!(locale, error.conflict_enrollment_final).to_owned()
        }
        AppError::Conflict(ConflictReason::CertificateRevoked) => {
            td_string!(locale, error.conflict_certificate_revoked).to_owned()
        }
        AppError::Conflict(ConflictReason::NotCompleted) => {
            td_string!(locale, error.conflict_not_completed).to_owned()
        }
        AppError::Conflict(ConflictReason::BelowMentorLevel) => {
            td_string!(locale, error.conflict_below_mentor_level).to_owned()
        }
        AppError::Conflict(ConflictReason::MentorFull) => {
            td_string!(locale, error.conflict_mentor_full).to_owned()
        }
        AppError::Conflict(ConflictReason::NoConfirmedSessions) => {
            td_string!(locale, error.conflict_no_confirmed_sessions).to_owned()
        }
        AppError::RateLimited { retry_after_secs } => {
            td_string!(locale, error.rate_limited, seconds = *retry_after_secs).to_string()
        }
        AppError::Unavailable => td_string!(locale, error.unavailable).to_owned(),
        AppError::Internal { incident } => {
            td_string!(locale, error.internal, incident = incident.clone()).to_string()
        }
    }
}

/// The message under each field of a refused form: call it with a field's name for that field's
/// first broken rule (with the id its input's `aria-describedby` may name), or nothing.
pub fn field_messages(
    locale: Locale,
    error: Option<&AppError>,
) -> impl Fn(&str) -> Option<AnyView> + use<> {
    let fields = match error {
        Some(AppError::Invalid(fields)) => fields.clone(),
        _ => Vec::new(),
    };
    move |field: &str| {
        fields.iter().find(|e| e.field == field).map(|e| {
            view! { <p class="field-error" id=format!("{field}-error")>{field_message(locale, e)}</p> }
                .into_any()
        })
    }
}

/// The translated sentence for one broken rule.
pub fn field_message(locale: Locale, error: &FieldError) -> String {
    use ValidationCode as V;
    let text = match error.code {
        V::Malformed => td_string!(locale, field.malformed),
        V::Required => td_string!(locale, field.required),
        V::TooLong { max } => return td_string!(locale, field.too_long, max = max).to_string(),
        V::Nip(NipError::Length) => td_string!(locale, field.nip_length),
        V::Nip(NipError::NotDigits) => td_string!(locale, field.nip_digits),
        V::Nip(NipError::BirthDate) => td_string!(locale, field.nip_birth),
        V::Nip(NipError::AppointmentMonth) => td_string!(locale, field.nip_appointment),
        V::Nip(NipError::AppointedTooYoung) => td_string!(locale, field.nip_young),
        V::Nip(NipError::Sex) => td_string!(locale, field.nip_sex),
        V::Nip(NipError::Sequence) => td_string!(locale, field.nip_sequence),
        V::Email(EmailError::Missing) => td_string!(locale, field.email_missing),
        V::Email(EmailError::Malformed) => td_string!(locale, field.email_malformed),
        V::Password(PasswordError::TooShort) => td_string!(locale, field.password_short),
        V::Password(PasswordError::TooLong) => td_string!(locale, field.password_long),
        V::Password(PasswordError::TooCommon) => td_string!(locale, field.password_common),
        V::Password(PasswordError::SameAsEmail) => td_string!(locale, field.password_email),
        V::WrongCredentials => td_string!(locale, field.wrong_credentials),
        V::RoleNotInOrganisation => td_string!(locale, field.role_kind),
        V::NotUtf8 => td_string!(locale, field.not_utf8),
        V::MissingColumn => td_string!(locale, field.missing_column),
        V::NoRows => td_string!(locale, field.no_rows),
        V::FileTooLarge { max_kib } => {
            return td_string!(locale, field.file_too_large, max_kib = max_kib).to_string();
        }
        V::TooManyRows { max } => {
            return td_string!(locale, field.too_many_rows, max = max).to_string();
        }
        V::DuplicateInFile { first_line } => {
            return td_string!(locale, field.duplicate, line = first_line).to_string();
        }
        V::TakenByAnotherPerson => td_string!(locale, field.taken),
        V::OutOfRange { min, max } => {
            return td_string!(locale, field.out_of_range, min = min, max = max).to_string();
        }
        V::NotANumber => td_string!(locale, field.not_a_number),
        V::BadDate => td_string!(locale, field.bad_date),
        V::EndsBeforeStart => td_string!(locale, field.ends_before_start),
        V::EnrollmentAfterStart => td_string!(locale, field.enrollment_after_start),
        V::UnknownChoice => td_string!(locale, field.unknown_choice),
        V::DuplicateEntry => td_string!(locale, field.duplicate_entry),
        V::TooFew { min } => return td_string!(locale, field.too_few, min = min).to_string(),
        V::TooMany { max } => return td_string!(locale, field.too_many, max = max).to_string(),
        V::InThePast => td_string!(locale, field.in_the_past),
        V::BelowTaken { taken } => {
            return td_string!(locale, field.below_taken, taken = taken).to_string();
        }
        V::NotStaff => td_string!(locale, field.not_staff),
        V::AlreadyEnrolled => td_string!(locale, field.already_enrolled),
        V::WrongCode => td_string!(locale, field.wrong_code),
        V::HasAttendance => td_string!(locale, field.has_attendance),
        V::InTheFuture => td_string!(locale, field.in_the_future),
        V::SupervisesThemselves => td_string!(locale, field.supervises_themselves),
    };
    text.to_owned()
}

/// Sets the response's status from the worst error (a 500 outranks a 404), and `Retry-After`
/// when the request was rate limited.
#[cfg(feature = "ssr")]
pub fn apply_error_status(errors: &[AppError]) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else { return };
    let Some(code) = errors.iter().map(AppError::status_code).max() else { return };
    if let Ok(status) = http::StatusCode::from_u16(code) {
        response.set_status(status);
    }
    for error in errors {
        if let AppError::RateLimited { retry_after_secs } = error {
            response.insert_header(http::header::RETRY_AFTER, (*retry_after_secs).into());
        }
    }
}
