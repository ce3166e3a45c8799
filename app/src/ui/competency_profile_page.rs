//! `/kompetensi-saya`: a civil servant's own competency profile, each competency with a link to
//! assess themselves; and `/orang/{id}/kompetensi`: the profile of a civil servant for their
//! agency's leads (with the plan form), their named supervisor and the province.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::competency_profile::CompetencyProfileView;
use super::locale::use_locale;
use crate::api::{SaveStaffPlan, get_competency_profile, get_own_competency_profile};
use crate::i18n::td_string;

/// The signed-in civil servant's profile.
#[component]
pub fn OwnCompetencyPage() -> impl IntoView {
    let locale = use_locale();
    let profile = Resource::new(|| (), |_| get_own_competency_profile());
    view! {
        <Title text=td_string!(locale, assessment.own_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, assessment.own_title)}</h1>
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    profile.await.map(|profile| {
                        let rate_base = Some("/kompetensi-saya".to_owned());
                        view! { <CompetencyProfileView profile rate_base plan=None /> }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// A civil servant's profile for those who lead or supervise them.
#[component]
pub fn StaffCompetencyPage() -> impl IntoView {
    let locale = use_locale();
    let params = use_params_map();
    let plan = ServerAction::<SaveStaffPlan>::new();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0);
    let profile =
        Resource::new(move || (id(), plan.version().get()), |(id, _)| get_competency_profile(id));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    profile.await.map(|profile| {
                        let title = td_string!(locale, assessment.staff_title, name = profile.name.clone())
                            .to_string();
                        let rate_base = profile
                            .may_rate
                            .then(|| format!("/orang/{}/kompetensi", profile.person_id));
                        view! {
                            <Title text=title.clone() />
                            <h1>{title}</h1>
                            <CompetencyProfileView profile rate_base plan=Some(plan) />
                        }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}
