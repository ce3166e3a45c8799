//! `/admin/organisasi`: province administrators verify universities and agencies (or withdraw a
//! verification), each decision recorded with who and when.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::labels::{kind_label, verified_label};
use super::locale::{localized, use_locale};
use crate::api::{ReviewOrganisation, list_organisations_for_review};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::{OrganisationReviewRow, ReviewDecision};

/// The verification list.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let locale = use_locale();
    let rows = Resource::new(|| (), |_| list_organisations_for_review());
    let action = ServerAction::<ReviewOrganisation>::new();
    // A refused plain-form post comes back here with the error in the URL.
    let error = form_error(action.value().get_untracked());
    view! {
        <Title text=td_string!(locale, review.title) />
        <h1>{td_string!(locale, review.title)}</h1>
        <p class="lead">{td_string!(locale, review.lead)}</p>
        <FormError error />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    rows.await.map(|rows| view! { <ReviewTable rows action /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ReviewTable(
    rows: Vec<OrganisationReviewRow>,
    action: ServerAction<ReviewOrganisation>,
) -> impl IntoView {
    let locale = use_locale();
    if rows.is_empty() {
        return view! { <p>{td_string!(locale, review.empty)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, profile.organisation)}</th>
                        <th scope="col">{td_string!(locale, organisation.kind)}</th>
                        <th scope="col">{td_string!(locale, review.members)}</th>
                        <th scope="col">{td_string!(locale, profile.status)}</th>
                        <th scope="col">{td_string!(locale, review.last)}</th>
                        <th scope="col">{td_string!(locale, organisation.actions)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <ReviewRowView row action /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ReviewRowView(
    row: OrganisationReviewRow,
    action: ServerAction<ReviewOrganisation>,
) -> impl IntoView {
    let locale = use_locale();
    let organisation = row.organisation;
    let href = localized(locale, &format!("/organisasi/{}", organisation.slug));
    let name = organisation.name.clone();
    let (button, label) = if organisation.verified {
        (
            td_string!(locale, review.withdraw),
            td_string!(locale, review.withdraw_label, name = name).to_string(),
        )
    } else {
        (
            td_string!(locale, review.verify),
            td_string!(locale, review.verify_label, name = name).to_string(),
        )
    };
    let note_id = format!("note-{}", organisation.slug);
    let slug = organisation.slug.clone();
    view! {
        <tr data-organisation=organisation.slug.clone()>
            <td>
                <a href=href>{organisation.name.clone()}</a>
            </td>
            <td>{kind_label(locale, organisation.kind)}</td>
            <td>{row.members}</td>
            <td data-verified=organisation.verified.to_string()>
                {verified_label(locale, organisation.verified)}
            </td>
            <td>{decision_text(locale, row.last_review)}</td>
            <td>
                <ActionForm action=action attr:class="inline-form">
                    <input type="hidden" name="slug" value=slug />
                    <input type="hidden" name="verified" value=(!organisation.verified).to_string() />
                    <label for=note_id.clone() class="visually-hidden">
                        {td_string!(locale, review.note)}
                    </label>
                    <input
                        id=note_id
                        name="note"
                        type="text"
                        maxlength="1000"
                        placeholder=td_string!(locale, review.note)
                    />
                    <button type="submit" class="button button-small" aria-label=label>
                        {button}
                    </button>
                </ActionForm>
            </td>
        </tr>
    }
}

fn decision_text(locale: crate::i18n::Locale, decision: Option<ReviewDecision>) -> String {
    let Some(d) = decision else { return td_string!(locale, review.no_decision).to_owned() };
    let date = format_wib(&d.reviewed_at);
    let text = if d.verified {
        td_string!(locale, review.decided_verified, name = d.reviewer_name, date = date).to_string()
    } else {
        td_string!(locale, review.decided_withdrawn, name = d.reviewer_name, date = date)
            .to_string()
    };
    match d.note {
        Some(note) => format!("{text}: “{note}”"),
        None => text,
    }
}
