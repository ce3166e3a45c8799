//! Profiles: `/akun` (the signed-in person's own) and `/orang/{id}` (someone the viewer may see:
//! a member of an organisation they administer, or anyone for the province).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::labels::{kind_label, role_label};
use super::locale::{localized, use_locale};
use crate::api::{get_my_profile, get_person_profile};
use crate::i18n::td_string;
use crate::model::{MembershipView, PersonProfile};

/// `/akun`: my profile.
#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let profile = Resource::new(|| (), |_| get_my_profile());
    view! {
        <Title text=td_string!(locale, profile.title) />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    profile.await.map(|p| view! { <ProfileView profile=p /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// `/orang/{id}`: another person's profile.
#[component]
pub fn PersonPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    // A non-numeric id names nobody: -1 is never a row id, so the service answers NotFound.
    let person_id =
        move || params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(-1);
    let profile = Resource::new(person_id, get_person_profile);
    view! {
        <Title text=td_string!(locale, profile.person_title) />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    profile.await.map(|p| view! { <ProfileView profile=p /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// A person's details and their roles, one card per organisation.
#[component]
fn ProfileView(profile: PersonProfile) -> impl IntoView {
    let locale = use_locale();
    let status = if profile.active {
        td_string!(locale, profile.active)
    } else {
        td_string!(locale, profile.inactive)
    };
    view! {
        <section aria-labelledby="profile-name" class="profile">
            <h1 id="profile-name">{profile.full_name.clone()}</h1>
            <dl class="facts">
                <dt>{td_string!(locale, profile.email)}</dt>
                <dd>{profile.email.clone()}</dd>
                {profile
                    .nip
                    .clone()
                    .map(|nip| {
                        view! {
                            <dt>{td_string!(locale, profile.nip)}</dt>
                            <dd class="nip">{nip}</dd>
                        }
                    })}
                <dt>{td_string!(locale, profile.status)}</dt>
                <dd data-active=profile.active.to_string()>{status}</dd>
            </dl>
            <h2>{td_string!(locale, profile.roles_heading)}</h2>
            <ul class="cards">
                {profile
                    .memberships
                    .into_iter()
                    .map(|m| view! { <MembershipCard membership=m /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MembershipCard(membership: MembershipView) -> impl IntoView {
    let locale = use_locale();
    let organisation = membership.organisation;
    let href = localized(locale, &format!("/organisasi/{}", organisation.slug));
    let optional = |label: &'static str, value: Option<String>| {
        value.map(|value| view! { <dt>{label}</dt> <dd>{value}</dd> })
    };
    view! {
        <li class="card">
            <p class="card-title">
                <a href=href>{organisation.name}</a>
                " · "
                {kind_label(locale, organisation.kind)}
            </p>
            <dl class="facts">
                <dt>{td_string!(locale, profile.role)}</dt>
                <dd>{role_label(locale, membership.role)}</dd>
                {optional(td_string!(locale, profile.position), membership.position)}
                {optional(td_string!(locale, profile.unit), membership.unit)}
                {optional(td_string!(locale, profile.rank), membership.rank)}
            </dl>
        </li>
    }
}
