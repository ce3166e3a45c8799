//! `/jp-staf` (`?tahun=`): an agency lead's view of the JP ledger — every staff member's JP of
//! the year against the minimum, who is below it, how many days of the year are left — and the
//! learning done elsewhere waiting for verification, each with plain forms to verify or reject.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::long_date;
use super::locale::{localized, use_locale};
use crate::api::{DecideJpEntry, get_staff_jp};
use crate::i18n::td_string;
use crate::model::{AgencyJp, JP_YEARLY_MINIMUM, MAX_ENROLLMENT_NOTE};

/// The page.
#[component]
pub fn StaffJpPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let decide = ServerAction::<DecideJpEntry>::new();
    let agencies = Resource::new(
        move || (query.read().get("tahun").and_then(|y| y.parse().ok()), decide.version().get()),
        |(year, _)| get_staff_jp(year),
    );
    view! {
        <Title text=td_string!(locale, jp.staff_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, jp.staff_title)}</h1>
        {move || view! { <FormError error=form_error(decide.value().get()) /> }}
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    agencies.await.map(|list| {
                        list.into_iter()
                            .map(|agency| view! { <AgencyView agency decide /> })
                            .collect_view()
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AgencyView(agency: AgencyJp, decide: ServerAction<DecideJpEntry>) -> impl IntoView {
    let locale = use_locale();
    let summary = td_string!(
        locale,
        jp.staff_summary,
        below = agency.below_minimum(),
        staff = agency.staff.len(),
        minimum = JP_YEARLY_MINIMUM,
        year = agency.year,
        days = agency.days_left
    )
    .to_string();
    let (base, year) = (format!("/organisasi/{}/ekspor", agency.slug), agency.year);
    let rows = agency
        .staff
        .iter()
        .map(|s| {
            let below = s.jp < JP_YEARLY_MINIMUM;
            view! {
                <tr class=below.then_some("below-minimum")>
                    <td>
                        {s.name.clone()}<br />
                        <a class="hint" href=localized(locale, &format!("/orang/{}/kompetensi", s.person_id))>
                            {td_string!(locale, assessment.link)}
                        </a>
                    </td>
                    <td>{s.nip.clone()}</td>
                    <td>{s.unit.clone()}</td>
                    <td>{format!("{} / {}", s.jp, JP_YEARLY_MINIMUM)}</td>
                    <td>{below.then(|| td_string!(locale, jp.below))}</td>
                </tr>
            }
        })
        .collect_view();
    let pending = agency
        .pending
        .iter()
        .map(|p| {
            let id = p.entry.id;
            let dates = format!(
                "{} – {} ({})",
                long_date(locale, p.entry.started_on),
                long_date(locale, p.entry.ended_on),
                td_string!(locale, jp.days, days = p.days)
            );
            view! {
                <li class="card" data-entry=id>
                    <p><strong>{p.person.clone()}</strong>" — "{p.entry.title.clone()}</p>
                    <p class="hint">{format!("{} · {} · {dates}", p.entry.organiser, p.learning_form)}</p>
                    <p>{td_string!(locale, jp.would_credit, jp = p.entry.jp, programme = p.programme_jp).to_string()}</p>
                    <p>{td_string!(locale, jp.evidence)}": "{p.evidence.clone()}</p>
                    <ActionForm action=decide attr:class="inline-form">
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="approve" value="true" />
                        <input type="hidden" name="note" value="" />
                        <button class="button button-small" type="submit">{td_string!(locale, jp.verify)}</button>
                    </ActionForm>
                    <ActionForm action=decide attr:class="inline-form">
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="approve" value="false" />
                        <label>
                            {td_string!(locale, jp.reject_reason)}
                            " "
                            <input type="text" name="note" maxlength=MAX_ENROLLMENT_NOTE />
                        </label>
                        <button class="button button-small button-secondary" type="submit">{td_string!(locale, jp.reject)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=format!("agency-{}", agency.slug)>
            <h2 id=format!("agency-{}", agency.slug)>{agency.name.clone()}</h2>
            <p class="lead">{summary}</p>
            <p>
                <a href=localized(locale, &format!("/organisasi/{}/kesenjangan", agency.slug))>
                    {td_string!(locale, gaps.link)}
                </a>
                " · "
                <a href=localized(locale, &format!("/organisasi/{}/dasbor", agency.slug))>
                    {td_string!(locale, dashboard.agency_link)}
                </a>
            </p>
            <p class="downloads">
                {td_string!(locale, jp.exports)} " "
                <a href=format!("{base}/jp-staf.csv?tahun={year}") download>{td_string!(locale, jp.export_staff)}" (CSV)"</a>
                " · "
                <a href=format!("{base}/jp-staf.xlsx?tahun={year}") download>"XLSX"</a>
                " · "
                <a href=format!("{base}/riwayat-pelatihan.csv?tahun={year}") download>{td_string!(locale, jp.export_history)}" (CSV)"</a>
                " · "
                <a href=format!("{base}/riwayat-pelatihan.xlsx?tahun={year}") download>"XLSX"</a>
            </p>
            <h3>{td_string!(locale, jp.pending_title)}</h3>
            {if agency.pending.is_empty() {
                view! { <p>{td_string!(locale, jp.pending_none)}</p> }.into_any()
            } else {
                view! { <ul class="card-list">{pending}</ul> }.into_any()
            }}
            <h3>{td_string!(locale, jp.staff_heading)}</h3>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, enrollment.person)}</th>
                            <th scope="col">"NIP"</th>
                            <th scope="col">{td_string!(locale, jp.unit)}</th>
                            <th scope="col">{td_string!(locale, jp.jp)}</th>
                            <th scope="col">{td_string!(locale, jp.status)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
