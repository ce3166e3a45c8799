//! `/mentoring/{id}`: one mentorship — the pair, the plan (competency, goal level, period), its
//! status — with what the viewer may do next: the mentor answers a request; either logs a
//! session, the other confirms it; the mentor completes it. Plain forms throughout.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::ErrorView;
use super::error_view::{FormError, field_messages, form_error};
use super::labels::{localized_name, long_date};
use super::locale::use_locale;
use crate::api::{
    AnswerMentorship, CancelMentorship, CompleteMentorship, ConfirmMentoringSession,
    LogMentoringSession, get_mentorship,
};
use crate::domain::mentoring::programme_jp;
use crate::i18n::{Locale, td_string};
use crate::model::{
    MAX_SESSION_TOPIC, MentoringSessionView, MentorshipStatus, MentorshipView, SESSION_MINUTES,
};

/// The label of a mentorship's status.
pub fn status_label(locale: Locale, status: MentorshipStatus) -> &'static str {
    match status {
        MentorshipStatus::Requested => td_string!(locale, mentoring.status_requested),
        MentorshipStatus::Active => td_string!(locale, mentoring.status_active),
        MentorshipStatus::Declined => td_string!(locale, mentoring.status_declined),
        MentorshipStatus::Cancelled => td_string!(locale, mentoring.status_cancelled),
        MentorshipStatus::Completed => td_string!(locale, mentoring.status_completed),
    }
}

/// The actions of the page, so that any of them reloads the mentorship.
#[derive(Clone, Copy)]
struct Actions {
    answer: ServerAction<AnswerMentorship>,
    cancel: ServerAction<CancelMentorship>,
    log: ServerAction<LogMentoringSession>,
    confirm: ServerAction<ConfirmMentoringSession>,
    complete: ServerAction<CompleteMentorship>,
}

impl Actions {
    fn version(&self) -> usize {
        self.answer.version().get()
            + self.cancel.version().get()
            + self.log.version().get()
            + self.confirm.version().get()
            + self.complete.version().get()
    }
}

/// The page.
#[component]
pub fn MentorshipPage() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        answer: ServerAction::new(),
        cancel: ServerAction::new(),
        log: ServerAction::new(),
        confirm: ServerAction::new(),
        complete: ServerAction::new(),
    };
    let id = move || params.read().get("id").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0);
    let found = Resource::new(move || (id(), actions.version()), |(id, _)| get_mentorship(id));
    view! {
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    found.await.map(|m| view! { <MentorshipView m actions /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn MentorshipView(m: MentorshipView, actions: Actions) -> impl IntoView {
    let locale = use_locale();
    let competency = localized_name(locale, &m.name_id, &m.name_en).to_owned();
    let title = format!("{} — {}", td_string!(locale, mentoring.title), competency);
    let period = td_string!(
        locale,
        mentoring.period,
        from = long_date(locale, m.starts_on),
        to = long_date(locale, m.ends_on)
    )
    .to_string();
    let jp = programme_jp(m.confirmed_minutes);
    let confirmed =
        td_string!(locale, mentoring.confirmed_time, minutes = m.confirmed_minutes, jp = jp)
            .to_string();
    let pair = m.viewer_is_mentor || m.viewer_is_mentee;
    let requested = m.status == MentorshipStatus::Requested;
    let active = m.status == MentorshipStatus::Active;
    let errors = move || {
        [
            form_error(actions.answer.value().get()),
            form_error(actions.cancel.value().get()),
            form_error(actions.log.value().get()),
            form_error(actions.confirm.value().get()),
            form_error(actions.complete.value().get().map(|r| r.map(|_| ()))),
        ]
        .into_iter()
        .flatten()
        .next()
    };
    let field = move |name: &'static str| move || field_messages(locale, errors().as_ref())(name);
    let id = m.id;
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {move || view! { <FormError error=errors() /> }}
        <dl class="facts">
            <dt>{td_string!(locale, mentoring.mentor)}</dt>
            <dd>{m.mentor.clone()}</dd>
            <dt>{td_string!(locale, mentoring.mentee)}</dt>
            <dd>{m.mentee.clone()}</dd>
            <dt>{td_string!(locale, mentoring.competency)}</dt>
            <dd>{competency.clone()}" — "{td_string!(locale, mentoring.goal, level = m.goal_level)}</dd>
            <dt>{td_string!(locale, mentoring.status)}</dt>
            <dd data-status=m.status.as_db()>{status_label(locale, m.status)}</dd>
            <dt>{td_string!(locale, mentoring.period_label)}</dt>
            <dd>{period}</dd>
        </dl>
        {(!m.request_note.is_empty()).then(|| view! {
            <h2>{td_string!(locale, mentoring.request_note)}</h2>
            <p>{m.request_note.clone()}</p>
        })}
        {(!m.answer_note.is_empty()).then(|| view! {
            <h2>{td_string!(locale, mentoring.answer_note)}</h2>
            <p>{m.answer_note.clone()}</p>
        })}
        {(requested && m.viewer_is_mentor).then(|| view! {
            <ActionForm action=actions.answer attr:class="stacked-form">
                <input type="hidden" name="id" value=id />
                <label>
                    {td_string!(locale, mentoring.decline_note)}
                    <textarea name="note" rows="2"></textarea>
                </label>
                {field("note")}
                <div class="inline-form">
                    <button class="button" type="submit" name="accept" value="true">
                        {td_string!(locale, mentoring.accept)}
                    </button>
                    <button class="button button-secondary" type="submit">
                        {td_string!(locale, mentoring.decline)}
                    </button>
                </div>
            </ActionForm>
        })}
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{td_string!(locale, mentoring.sessions)}</h2>
            <p>{confirmed}</p>
            <SessionTable sessions=m.sessions.clone() confirm=actions.confirm />
            {(active && pair).then(|| view! { <LogForm id log=actions.log field /> })}
        </section>
        {(active && m.viewer_is_mentor).then(|| view! {
            <ActionForm action=actions.complete attr:class="stacked-form">
                <input type="hidden" name="id" value=id />
                <p class="hint">{td_string!(locale, mentoring.complete_hint)}</p>
                <button class="button" type="submit">{td_string!(locale, mentoring.complete)}</button>
            </ActionForm>
        })}
        {((requested || active) && pair).then(|| view! {
            <ActionForm action=actions.cancel>
                <input type="hidden" name="id" value=id />
                <button class="button button-secondary" type="submit">
                    {td_string!(locale, mentoring.cancel)}
                </button>
            </ActionForm>
        })}
    }
}

#[component]
fn SessionTable(
    sessions: Vec<MentoringSessionView>,
    confirm: ServerAction<ConfirmMentoringSession>,
) -> impl IntoView {
    let locale = use_locale();
    if sessions.is_empty() {
        return view! { <p>{td_string!(locale, mentoring.no_sessions)}</p> }.into_any();
    }
    let rows = sessions
        .into_iter()
        .map(|s| {
            let state = if s.confirmed {
                td_string!(locale, mentoring.confirmed)
            } else {
                td_string!(locale, mentoring.unconfirmed)
            };
            let action = s.viewer_confirms.then(|| {
                view! {
                    <ActionForm action=confirm>
                        <input type="hidden" name="session" value=s.id />
                        <button class="button button-small" type="submit">
                            {td_string!(locale, mentoring.confirm)}
                        </button>
                    </ActionForm>
                }
            });
            view! {
                <tr data-session=s.id>
                    <td>{long_date(locale, s.held_on)}</td>
                    <td class="number">{s.minutes}</td>
                    <td>{s.topic}</td>
                    <td>{s.logged_by}</td>
                    <td>{state}{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(locale, mentoring.held_on)}</th>
                        <th scope="col">{td_string!(locale, mentoring.minutes)}</th>
                        <th scope="col">{td_string!(locale, mentoring.topic)}</th>
                        <th scope="col">{td_string!(locale, mentoring.logged_by)}</th>
                        <th scope="col">{td_string!(locale, mentoring.confirmed)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn LogForm<F, V>(id: i32, log: ServerAction<LogMentoringSession>, field: F) -> impl IntoView
where
    F: Fn(&'static str) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let locale = use_locale();
    let (min, max) = SESSION_MINUTES;
    view! {
        <ActionForm action=log attr:class="stacked-form">
            <input type="hidden" name="id" value=id />
            <label>
                {td_string!(locale, mentoring.held_on)}
                <input type="date" name="held_on" required />
            </label>
            {field("held_on")}
            <label>
                {td_string!(locale, mentoring.minutes)}
                <input type="number" name="minutes" min=min max=max step="15" required />
            </label>
            {field("minutes")}
            <label>
                {td_string!(locale, mentoring.topic)}
                <input type="text" name="topic" maxlength=MAX_SESSION_TOPIC required />
            </label>
            {field("topic")}
            <button class="button" type="submit">{td_string!(locale, mentoring.log)}</button>
        </ActionForm>
    }
}
