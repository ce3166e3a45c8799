//! `/persetujuan-pendaftaran`: an agency lead's enrollment approvals — per agency they lead,
//! whether staff need approval to enroll (a plain form to change it) and the enrollments
//! waiting, oldest first, each approved or refused with a reason by a plain form.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::long_date;
use super::locale::{localized, use_locale};
use crate::api::{DecideEnrollment, SetEnrollmentApproval, get_enrollment_approvals};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{AgencyApprovals, MAX_ENROLLMENT_NOTE, PendingEnrollment};

/// The page.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let locale = use_locale();
    let decide = ServerAction::<DecideEnrollment>::new();
    let rule = ServerAction::<SetEnrollmentApproval>::new();
    let list = Resource::new(
        move || (decide.version().get(), rule.version().get()),
        |_| get_enrollment_approvals(),
    );
    let error = move || form_error(decide.value().get()).or_else(|| form_error(rule.value().get()));
    view! {
        <Title text=td_string!(locale, enrollment.approvals_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, enrollment.approvals_title)}</h1>
        <p class="lead">{td_string!(locale, enrollment.approvals_lead)}</p>
        {move || view! { <FormError error=error() /> }}
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|agencies| {
                        agencies
                            .into_iter()
                            .map(|agency| view! { <AgencySection agency decide rule /> })
                            .collect_view()
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AgencySection(
    agency: AgencyApprovals,
    decide: ServerAction<DecideEnrollment>,
    rule: ServerAction<SetEnrollmentApproval>,
) -> impl IntoView {
    let locale = use_locale();
    let heading_id = format!("agency-{}", agency.slug);
    let (state, change) = if agency.approval_required {
        (td_string!(locale, enrollment.rule_required), td_string!(locale, enrollment.rule_release))
    } else {
        (td_string!(locale, enrollment.rule_free), td_string!(locale, enrollment.rule_require))
    };
    let empty = agency.pending.is_empty();
    let rows =
        agency.pending.into_iter().map(|row| view! { <PendingRow row decide /> }).collect_view();
    let table = view! {
        <div class="table-scroll">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, enrollment.person)}</th>
                        <th scope="col">{td_string!(locale, enrollment.course)}</th>
                        <th scope="col">{td_string!(locale, enrollment.requested)}</th>
                        <th scope="col">{td_string!(locale, enrollment.actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    };
    view! {
        <section aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>
                {td_string!(locale, enrollment.rule_heading, agency = agency.name.clone()).to_string()}
            </h2>
            <p>{state}</p>
            <ActionForm action=rule attr:class="inline-form">
                <input type="hidden" name="agency" value=agency.slug.clone() />
                <input type="hidden" name="required" value=(!agency.approval_required).to_string() />
                <button class="button button-small" type="submit">{change}</button>
            </ActionForm>
            {if empty {
                view! { <p>{td_string!(locale, enrollment.approvals_none)}</p> }.into_any()
            } else {
                table.into_any()
            }}
        </section>
    }
}

#[component]
fn PendingRow(row: PendingEnrollment, decide: ServerAction<DecideEnrollment>) -> impl IntoView {
    let locale = use_locale();
    let note_id = format!("refuse-note-{}", row.enrollment_id);
    let course = localized(locale, &format!("/katalog/kursus/{}", row.course_slug));
    view! {
        <tr>
            <td>
                {row.person}
                {row.nip.map(|nip| view! { <br /><span class="hint">{nip}</span> })}
                {row.unit.map(|unit| view! { <br /><span class="hint">{unit}</span> })}
            </td>
            <td>
                <a href=course>{row.course_title}</a>
                <br />
                <span class="hint">
                    {format!("{} JP", row.jp)}
                    {row.first_day.map(|d| format!(" · {}", long_date(locale, d)))}
                </span>
            </td>
            <td>{format_wib(&row.requested_at.to_rfc3339())}</td>
            <td>
                <ActionForm action=decide attr:class="inline-form">
                    <input type="hidden" name="id" value=row.enrollment_id />
                    <input type="hidden" name="approve" value="true" />
                    <input type="hidden" name="note" value="" />
                    <button class="button button-small" type="submit">
                        {td_string!(locale, enrollment.approve)}
                    </button>
                </ActionForm>
                <ActionForm action=decide attr:class="decline-form">
                    <input type="hidden" name="id" value=row.enrollment_id />
                    <input type="hidden" name="approve" value="false" />
                    <label for=note_id.clone()>{td_string!(locale, enrollment.refuse_note)}</label>
                    <textarea id=note_id name="note" rows="2" required maxlength=MAX_ENROLLMENT_NOTE></textarea>
                    <button class="button button-small" type="submit">
                        {td_string!(locale, enrollment.refuse)}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}
