//! `/mentoring`: the signed-in person's mentorships (as mentee and as mentor, each linked to its
//! page), their offers to mentor, and the form to offer a competency they hold at level 4 or
//! above; `/mentoring/cari?kompetensi=`: the mentors suggested for a competency, each with the
//! form to ask them with a plan.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::localized_name;
use super::locale::{localized, use_locale};
use super::mentorship_page::status_label;
use crate::api::{
    OfferToMentor, RequestMentor, WithdrawMentorOffer, get_mentor_suggestions, get_own_mentoring,
};
use crate::i18n::td_string;
use crate::model::{
    MAX_MENTORING_NOTE, MentorOfferView, MentorSuggestion, MentorableCompetency, MentorshipView,
};

/// The own page.
#[component]
pub fn MentoringPage() -> impl IntoView {
    let locale = use_locale();
    let offer = ServerAction::<OfferToMentor>::new();
    let withdraw = ServerAction::<WithdrawMentorOffer>::new();
    let own = Resource::new(
        move || (offer.version().get(), withdraw.version().get()),
        |_| get_own_mentoring(),
    );
    view! {
        <Title text=td_string!(locale, mentoring.title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, mentoring.title)}</h1>
        <p class="lead">{td_string!(locale, mentoring.lead)}</p>
        <FindHint />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    own.await.map(|own| view! {
                        <OwnList own=own.mentorships />
                        <OfferSection offers=own.offers mentorable=own.mentorable offer withdraw />
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn OwnList(own: Vec<MentorshipView>) -> impl IntoView {
    let locale = use_locale();
    if own.is_empty() {
        return view! { <p>{td_string!(locale, mentoring.none)}</p> }.into_any();
    }
    let items = own
        .into_iter()
        .map(|m| {
            let role = if m.viewer_is_mentor {
                td_string!(locale, mentoring.as_mentor)
            } else {
                td_string!(locale, mentoring.as_mentee)
            };
            let other = if m.viewer_is_mentor { m.mentee.clone() } else { m.mentor.clone() };
            let name = localized_name(locale, &m.name_id, &m.name_en).to_owned();
            view! {
                <li class="card" data-mentorship=m.id>
                    <p class="card-title">
                        <a href=localized(locale, &format!("/mentoring/{}", m.id))>{name}</a>
                    </p>
                    <p>{role}": "{other}</p>
                    <p data-status=m.status.as_db()>{status_label(locale, m.status)}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cards">{items}</ul> }.into_any()
}

/// The offers made and the form to make one (only competencies held at level 4 or above).
#[component]
fn OfferSection(
    offers: Vec<MentorOfferView>,
    mentorable: Vec<MentorableCompetency>,
    offer: ServerAction<OfferToMentor>,
    withdraw: ServerAction<WithdrawMentorOffer>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(offer.value().get()).or(form_error(withdraw.value().get()));
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    let offers = offers
        .into_iter()
        .map(|o| {
            let name = localized_name(locale, &o.name_id, &o.name_en).to_owned();
            let places =
                td_string!(locale, mentoring.places_held, held = o.held, capacity = o.capacity)
                    .to_string();
            let code = o.code.clone();
            view! {
                <li data-offer=o.code.clone() data-active=o.active.to_string()>
                    {o.code.clone()}" "{name}" — "{places}
                    {(!o.active).then(|| view! { " ("{td_string!(locale, mentoring.withdrawn)}")" })}
                    {o.active.then(|| view! {
                        <ActionForm action=withdraw attr:class="inline-form">
                            <input type="hidden" name="competency" value=code />
                            <button class="button button-small button-secondary" type="submit">
                                {td_string!(locale, mentoring.withdraw)}
                            </button>
                        </ActionForm>
                    })}
                </li>
            }
        })
        .collect_view();
    let choices = mentorable
        .iter()
        .map(|c| {
            let name = localized_name(locale, &c.name_id, &c.name_en).to_owned();
            let level = td_string!(locale, mentoring.at_level, level = c.level).to_string();
            view! { <option value=c.code.clone()>{c.code.clone()}" "{name}" ("{level}")"</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="offer-heading">
            <h2 id="offer-heading">{td_string!(locale, mentoring.offer_heading)}</h2>
            <p class="hint">{td_string!(locale, mentoring.offer_hint)}</p>
            <ul class="mentor-offers">{offers}</ul>
            {move || view! { <FormError error=error() /> }}
            {mentorable.is_empty().then(|| view! { <p>{td_string!(locale, mentoring.none_mentorable)}</p> })}
            {(!mentorable.is_empty()).then(|| view! {
                <ActionForm action=offer attr:class="stacked-form">
                    <label>
                        {td_string!(locale, mentoring.competency)}
                        <select name="competency" required>{choices}</select>
                    </label>
                    {field("competency")}
                    <label>
                        {td_string!(locale, mentoring.capacity)}
                        <input type="number" name="capacity" min="1" max="5" value="1" required />
                    </label>
                    {field("capacity")}
                    <label>
                        {td_string!(locale, mentoring.offer_note)}
                        <textarea name="note" rows="2" maxlength=MAX_MENTORING_NOTE></textarea>
                    </label>
                    {field("note")}
                    <button class="button" type="submit">{td_string!(locale, mentoring.offer)}</button>
                </ActionForm>
            })}
        </section>
    }
}

/// The suggestions page.
#[component]
pub fn FindMentorPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let code = move || query.read().get("kompetensi").unwrap_or_default();
    let ask = ServerAction::<RequestMentor>::new();
    let found = Resource::new(code, get_mentor_suggestions);
    view! {
        <Title text=td_string!(locale, mentoring.find_title) />
        <Meta name="robots" content="noindex" />
        <h1>{td_string!(locale, mentoring.find_title)}" "{code}</h1>
        <FindHint />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    let code = code();
                    found.await.map(|found| view! { <Suggestions found code ask /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Suggestions(
    found: Vec<MentorSuggestion>,
    code: String,
    ask: ServerAction<RequestMentor>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(ask.value().get().map(|r| r.map(|_| ())));
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    if found.is_empty() {
        return view! { <p>{td_string!(locale, mentoring.no_mentors)}</p> }.into_any();
    }
    let items = found
        .into_iter()
        .map(|s| {
            let level = td_string!(locale, mentoring.at_level, level = s.level).to_string();
            let free = td_string!(locale, mentoring.free_places, count = s.free_places).to_string();
            let code = code.clone();
            view! {
                <li class="card" data-mentor=s.person_id>
                    <p class="card-title">{s.name}</p>
                    <p>{s.agency}{(!s.unit.is_empty()).then(|| format!(" — {}", s.unit))}</p>
                    <p>{level}" · "{free}</p>
                    {(!s.note.is_empty()).then(|| view! { <p class="hint">{s.note.clone()}</p> })}
                    <ActionForm action=ask attr:class="stacked-form">
                        <input type="hidden" name="form[competency]" value=code />
                        <input type="hidden" name="form[mentor]" value=s.person_id />
                        <label>
                            {td_string!(locale, mentoring.goal_level)}
                            <input type="number" name="form[goal_level]" min="1" max="5" required />
                        </label>
                        <label>
                            {td_string!(locale, mentoring.starts_on)}
                            <input type="date" name="form[starts_on]" required />
                        </label>
                        <label>
                            {td_string!(locale, mentoring.ends_on)}
                            <input type="date" name="form[ends_on]" required />
                        </label>
                        <label>
                            {td_string!(locale, mentoring.request_note)}
                            <textarea name="form[note]" rows="2" maxlength=MAX_MENTORING_NOTE></textarea>
                        </label>
                        <button class="button" type="submit">{td_string!(locale, mentoring.ask)}</button>
                    </ActionForm>
                </li>
            }
        })
        .collect_view();
    view! {
        {move || view! { <FormError error=error() /> }}
        {field("goal_level")}
        {field("starts_on")}
        {field("ends_on")}
        {field("note")}
        <ul class="cards">{items}</ul>
    }
    .into_any()
}

/// Where mentors are found: from one's own competencies below standard.
#[component]
fn FindHint() -> impl IntoView {
    let locale = use_locale();
    view! {
        <p>
            {td_string!(locale, mentoring.find_hint)}" "
            <a href=localized(locale, "/kompetensi-saya")>{td_string!(locale, assessment.nav)}</a>
        </p>
    }
}
