//! `/verifikasi/{code}` (and `/verifikasi?kode=` from its form): anyone checks a certificate —
//! valid or revoked, whose, which course from which university, how many JP, when — and, while
//! valid, downloads it as PDF or as an Open Badges credential. An academic of the issuing
//! university may revoke it here, saying why.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::long_date;
use super::locale::{localized, use_locale};
use crate::api::{RevokeCertificate, get_certificate};
use crate::error::AppError;
use crate::i18n::{Locale, td_string};
use crate::model::{CertificateView, MAX_REVOKE_REASON, grouped_code};

/// The page.
#[component]
pub fn VerificationPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let revoke = ServerAction::<RevokeCertificate>::new();
    let code =
        move || params.read().get("code").or_else(|| query.read().get("kode")).unwrap_or_default();
    let certificate = Resource::new(
        move || (code(), revoke.version().get()),
        |(code, _)| async move {
            if code.trim().is_empty() { Ok(None) } else { get_certificate(code).await.map(Some) }
        },
    );
    view! {
        <Title text=td_string!(locale, certificate.title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, certificate.title)}</h1>
        <form method="get" action=localized(locale, "/verifikasi") class="inline-form">
            <label>
                {td_string!(locale, certificate.code_label)} " "
                <input type="text" name="kode" value=code autocomplete="off" spellcheck="false" />
            </label>
            " "
            <button class="button" type="submit">{td_string!(locale, certificate.check)}</button>
        </form>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    match certificate.await {
                        Ok(Some(found)) => Ok(view! { <CertificateFacts found revoke /> }.into_any()),
                        Ok(None) => Ok(().into_any()),
                        Err(AppError::NotFound) => Ok(unknown(locale).into_any()),
                        Err(other) => Err(other),
                    }
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// No certificate has the code: said plainly (and answered 404).
fn unknown(locale: Locale) -> impl IntoView {
    #[cfg(feature = "ssr")]
    super::error_view::apply_error_status(&[AppError::NotFound]);
    view! {
        <div class="error-box" role="alert" data-certificate="unknown">
            <p>{td_string!(locale, certificate.unknown)}</p>
        </div>
    }
}

#[component]
fn CertificateFacts(
    found: CertificateView,
    revoke: ServerAction<RevokeCertificate>,
) -> impl IntoView {
    let locale = use_locale();
    let state = if found.revoked.is_some() { "revoked" } else { "valid" };
    let verdict = match &found.revoked {
        None => view! {
            <p class="verdict verdict-valid"><strong>{td_string!(locale, certificate.valid)}</strong></p>
        }
        .into_any(),
        Some(revocation) => {
            let on = long_date(locale, revocation.at.with_timezone(&crate::domain::calendar::WIB).date_naive());
            view! {
                <p class="verdict verdict-revoked">
                    <strong>{td_string!(locale, certificate.revoked, date = on).to_string()}</strong>
                    <br />
                    {td_string!(locale, certificate.revoked_reason)} " " {revocation.reason.clone()}
                </p>
            }
            .into_any()
        }
    };
    let dates = match (found.first_day, found.last_day) {
        (Some(first), Some(last)) if first != last => {
            format!("{} – {}", long_date(locale, first), long_date(locale, last))
        }
        (Some(day), _) => long_date(locale, day),
        _ => "–".to_owned(),
    };
    let competencies = found
        .competencies
        .iter()
        .map(|c| {
            let name = if locale == Locale::en { &c.name_en } else { &c.name_id };
            view! { <li><code>{c.code.clone()}</code> " " {name.clone()}</li> }
        })
        .collect_view();
    let course_href = localized(locale, &format!("/katalog/kursus/{}", found.course_slug));
    let downloads = found.revoked.is_none().then(|| {
        let base = format!("/verifikasi/{}", found.code);
        view! {
            <p class="actions">
                <a class="button" href=format!("{base}/sertifikat.pdf") download>
                    {td_string!(locale, certificate.download_pdf)}
                </a>
                " "
                <a class="button button-secondary" href=format!("{base}/openbadge.json") download>
                    {td_string!(locale, certificate.download_badge)}
                </a>
            </p>
        }
    });
    let revoke_form =
        found.may_revoke.then(|| view! { <RevokeForm code=found.code.clone() revoke /> });
    view! {
        <section class="certificate" data-certificate=state>
            {verdict}
            <div class="certificate-body">
                <dl class="facts">
                    <dt>{td_string!(locale, certificate.number)}</dt>
                    <dd>{found.number.clone()}</dd>
                    <dt>{td_string!(locale, certificate.holder)}</dt>
                    <dd>{found.holder_name.clone()}</dd>
                    <dt>{td_string!(locale, certificate.course)}</dt>
                    <dd><a href=course_href>{found.course_title.clone()}</a></dd>
                    <dt>{td_string!(locale, certificate.university)}</dt>
                    <dd>{found.university_name.clone()}</dd>
                    <dt>{td_string!(locale, certificate.jp)}</dt>
                    <dd>{found.jp}</dd>
                    <dt>{td_string!(locale, certificate.dates)}</dt>
                    <dd>{dates}</dd>
                    <dt>{td_string!(locale, certificate.completed_on)}</dt>
                    <dd>{long_date(locale, found.completed_on)}</dd>
                    <dt>{td_string!(locale, certificate.code)}</dt>
                    <dd><code>{grouped_code(&found.code)}</code></dd>
                </dl>
                // Drawn on the server from the code alone (no user text inside).
                <div class="qr" role="img" aria-label=td_string!(locale, certificate.qr_label) inner_html=found.qr_svg.clone()></div>
            </div>
            {(!found.competencies.is_empty()).then(|| view! {
                <h2>{td_string!(locale, certificate.competencies)}</h2>
                <ul>{competencies}</ul>
            })}
            {downloads}
            {revoke_form}
        </section>
    }
}

/// The university's form to revoke the certificate.
#[component]
fn RevokeForm(code: String, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(revoke.value().get());
    let reason_error = move || field_messages(locale, error().as_ref())("reason");
    view! {
        <h2>{td_string!(locale, certificate.revoke_title)}</h2>
        {move || view! { <FormError error=error() /> }}
        <ActionForm action=revoke attr:class="stacked-form">
            <input type="hidden" name="code" value=code />
            <label>
                {td_string!(locale, certificate.revoke_reason)}
                <textarea
                    name="reason"
                    rows="3"
                    required
                    maxlength=MAX_REVOKE_REASON
                    aria-describedby="reason-error"
                ></textarea>
            </label>
            {reason_error}
            <button class="button button-danger" type="submit">{td_string!(locale, certificate.revoke)}</button>
        </ActionForm>
    }
}
