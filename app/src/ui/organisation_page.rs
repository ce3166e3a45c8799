//! `/organisasi/{slug}`: an organisation's public summary and, for its administrators and the
//! province, its members with account deactivation.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::access_requests_section::AccessRequestsSection;
use super::error_view::{FormError, form_error};
use super::invite_form::InviteForm;
use super::labels::{kind_label, role_label, verified_label};
use super::locale::{localized, use_locale};
use super::roster_upload::RosterUpload;
use crate::api::{SetMemberActive, get_organisation, list_access_requests, list_members};
use crate::error::AppError;
use crate::i18n::td_string;
use crate::model::{MemberRow, OrganisationKind, OrganisationSummary, PendingAccessRequest};

/// The organisation page.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let organisation = Resource::new(slug, get_organisation);
    let members = Resource::new(slug, list_members);
    let requests = Resource::new(slug, list_access_requests);
    view! {
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    let organisation = organisation.await?;
                    // Only administrators get the list; for everyone else the server refuses and
                    // the section is simply not there.
                    let members = members.await.ok();
                    let requests = requests.await.ok();
                    Ok::<_, AppError>(view! { <OrganisationView organisation members requests /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn OrganisationView(
    organisation: OrganisationSummary,
    members: Option<Vec<MemberRow>>,
    requests: Option<Vec<PendingAccessRequest>>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=organisation.name.clone() />
        <section aria-labelledby="organisation-name">
            <h1 id="organisation-name">{organisation.name.clone()}</h1>
            <dl class="facts">
                <dt>{td_string!(locale, organisation.kind)}</dt>
                <dd>{kind_label(locale, organisation.kind)}</dd>
                <dt>{td_string!(locale, profile.status)}</dt>
                <dd data-verified=organisation.verified.to_string()>
                    {verified_label(locale, organisation.verified)}
                </dd>
            </dl>
            {(!organisation.verified).then(|| {
                view! {
                    <p class="notice" role="note">
                        {td_string!(locale, organisation.unverified_notice)}
                    </p>
                }
            })}
            {(organisation.kind == OrganisationKind::Agency).then(|| {
                let slug = organisation.slug.clone();
                let new_need = |word: &str| localized(locale, &format!("/organisasi/{slug}/kebutuhan-baru?jenis={word}"));
                view! {
                    <p class="actions">
                        <a href=localized(locale, &format!("/kebutuhan?instansi={slug}"))>
                            {td_string!(locale, need.agency_needs)}
                        </a>
                        {organisation.viewer_posts_needs.then(|| view! {
                            " "
                            <a href=localized(locale, &format!("/organisasi/{slug}/dasbor"))>
                                {td_string!(locale, dashboard.agency_link)}
                            </a>
                            " "
                            <a class="button button-link" href=new_need("kompetensi")>
                                {td_string!(locale, need.new_competency)}
                            </a>
                            " "
                            <a class="button button-link" href=new_need("riset")>
                                {td_string!(locale, need.new_research)}
                            </a>
                        })}
                    </p>
                }
            })}
            {organisation.viewer_writes_offers.then(|| {
                let href = localized(locale, &format!("/organisasi/{}/kursus-baru", organisation.slug));
                let research_href =
                    localized(locale, &format!("/organisasi/{}/riset-baru", organisation.slug));
                let matches_href =
                    localized(locale, &format!("/organisasi/{}/kebutuhan-cocok", organisation.slug));
                let dashboard_href =
                    localized(locale, &format!("/organisasi/{}/dasbor-kampus", organisation.slug));
                view! {
                    <p>
                        <a class="button button-link" href=href>
                            {td_string!(locale, editor.new_course)}
                        </a>
                        " "
                        <a class="button button-link" href=research_href>
                            {td_string!(locale, research_editor.new_research)}
                        </a>
                        " "
                        <a href=matches_href>{td_string!(locale, matching.university_link)}</a>
                        " "
                        <a href=dashboard_href>{td_string!(locale, dashboard.university_link)}</a>
                    </p>
                }
            })}
        </section>
        {requests.map(|requests| {
            view! { <AccessRequestsSection slug=organisation.slug.clone() requests /> }
        })}
        {members
            .map(|rows| {
                view! {
                    <MemberTable slug=organisation.slug.clone() rows />
                    <InviteForm slug=organisation.slug.clone() kind=organisation.kind />
                    {(organisation.kind == OrganisationKind::Agency)
                        .then(|| view! { <RosterUpload slug=organisation.slug.clone() /> })}
                }
            })}
    }
}

/// The member list with a deactivate / reactivate button per person (plain forms).
#[component]
fn MemberTable(slug: String, rows: Vec<MemberRow>) -> impl IntoView {
    let locale = use_locale();
    let action = ServerAction::<SetMemberActive>::new();
    // A refused plain-form post comes back here with the error in the URL.
    let error = form_error(action.value().get_untracked());
    let empty = rows.is_empty();
    view! {
        <section aria-labelledby="members-title">
            <h2 id="members-title">{td_string!(locale, organisation.members_heading)}</h2>
            <FormError error />
            {empty.then(|| view! { <p>{td_string!(locale, organisation.no_members)}</p> })}
            <div class="table-scroll">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, organisation.name)}</th>
                            <th scope="col">{td_string!(locale, profile.role)}</th>
                            <th scope="col">{td_string!(locale, profile.unit)}</th>
                            <th scope="col">{td_string!(locale, profile.status)}</th>
                            <th scope="col">{td_string!(locale, organisation.actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| view! { <MemberRowView row slug=slug.clone() action /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One member, with the form that flips their account's state.
#[component]
fn MemberRowView(
    row: MemberRow,
    slug: String,
    action: ServerAction<SetMemberActive>,
) -> impl IntoView {
    let locale = use_locale();
    let roles = row.roles.iter().map(|r| role_label(locale, *r)).collect::<Vec<_>>().join(", ");
    let href = localized(locale, &format!("/orang/{}", row.person_id));
    let name = row.full_name.clone();
    let (status, button, label) = if row.active {
        (
            td_string!(locale, profile.active),
            td_string!(locale, organisation.deactivate),
            td_string!(locale, organisation.deactivate_label, name = name).to_string(),
        )
    } else {
        (
            td_string!(locale, profile.inactive),
            td_string!(locale, organisation.reactivate),
            td_string!(locale, organisation.reactivate_label, name = name).to_string(),
        )
    };
    view! {
        <tr data-person=row.person_id>
            <td>
                <a href=href>{row.full_name}</a>
            </td>
            <td>{roles}</td>
            <td>{row.unit.unwrap_or_default()}</td>
            <td data-active=row.active.to_string()>{status}</td>
            <td>
                <ActionForm action=action>
                    <input type="hidden" name="slug" value=slug />
                    <input type="hidden" name="person_id" value=row.person_id />
                    <input type="hidden" name="active" value=(!row.active).to_string() />
                    <button type="submit" class="button button-small" aria-label=label>
                        {button}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}
