//! A civil servant's competency profile as both profile pages show it: who they are and what
//! they are measured against, each competency's current level (and its source) with the gap to
//! the position held and the target position, the history of ratings, and for the agency's
//! leads the plan form (named supervisor, target position).

use leptos::prelude::*;

use super::error_view::{FormError, field_messages, form_error};
use super::labels::{localized_name, long_date};
use super::locale::{localized, use_locale};
use crate::api::SaveStaffPlan;
use crate::domain::profile::Gap;
use crate::i18n::{Locale, td_string};
use crate::model::{AssessmentKind, CompetencyProfile, PlanChoices, ProfileRow};

/// The name of a rating's source.
pub fn kind_label(locale: Locale, kind: AssessmentKind) -> &'static str {
    match kind {
        AssessmentKind::SelfAssessed => td_string!(locale, assessment.kind_self),
        AssessmentKind::Evidence => td_string!(locale, assessment.kind_evidence),
        AssessmentKind::Supervisor => td_string!(locale, assessment.kind_supervisor),
    }
}

/// A gap in words, with the class that colours it; "—" when the position does not require it.
pub fn gap_label(locale: Locale, gap: Option<Gap>) -> (String, &'static str) {
    match gap {
        None => (td_string!(locale, assessment.not_required).to_owned(), ""),
        Some(Gap::Unassessed) => {
            (td_string!(locale, assessment.unassessed).to_owned(), "gap-unknown")
        }
        Some(Gap::Meets) => (td_string!(locale, assessment.meets).to_owned(), "gap-met"),
        Some(Gap::Below(levels)) => {
            (td_string!(locale, assessment.below, levels = levels).to_string(), "gap-below")
        }
    }
}

/// The profile; `rate_base` is where each competency's rating form lives (`{rate_base}/{code}`),
/// when the viewer may rate.
#[component]
pub fn CompetencyProfileView(
    profile: CompetencyProfile,
    rate_base: Option<String>,
    plan: Option<ServerAction<SaveStaffPlan>>,
) -> impl IntoView {
    let locale = use_locale();
    let unset = || td_string!(locale, assessment.none_set).to_owned();
    let facts = [
        (td_string!(locale, assessment.agency), Some(profile.agency.clone())),
        (td_string!(locale, assessment.unit), profile.unit.clone()),
        (td_string!(locale, assessment.position), profile.position.clone()),
        (td_string!(locale, assessment.target_position), profile.target_position.clone()),
        (td_string!(locale, assessment.supervisor), profile.supervisor.clone()),
    ]
    .into_iter()
    .map(|(term, value)| view! { <dt>{term}</dt><dd>{value.unwrap_or_else(unset)}</dd> })
    .collect_view();
    let rate_label = if profile.own {
        td_string!(locale, assessment.rate_self)
    } else {
        td_string!(locale, assessment.rate)
    };
    let rows = profile
        .rows
        .iter()
        .map(|row| profile_row(locale, row, rate_base.as_deref(), rate_label, profile.own))
        .collect_view();
    let plan_form = profile.plan.clone().zip(plan).map(|(choices, action)| {
        view! { <PlanForm person=profile.person_id choices action /> }
    });
    view! {
        <dl class="facts">{facts}</dl>
        <p class="hint">{td_string!(locale, assessment.rule)}</p>
        {profile.rows.is_empty().then(|| view! { <p>{td_string!(locale, assessment.empty)}</p> })}
        {(!profile.rows.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table class="competency-profile">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, assessment.competency)}</th>
                            <th scope="col">{td_string!(locale, assessment.current)}</th>
                            <th scope="col">{td_string!(locale, assessment.required)}</th>
                            <th scope="col">{td_string!(locale, assessment.gap)}</th>
                            <th scope="col">{td_string!(locale, assessment.target_required)}</th>
                            <th scope="col">{td_string!(locale, assessment.gap)}</th>
                            {rate_base.is_some().then(|| view! { <td></td> })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        <History profile=profile.clone() />
        {plan_form}
    }
}

/// One competency's line.
fn profile_row(
    locale: Locale,
    row: &ProfileRow,
    rate_base: Option<&str>,
    rate_label: &'static str,
    own: bool,
) -> impl IntoView + use<> {
    let current = match row.current {
        Some(level) => format!(
            "{} ({})",
            td_string!(locale, assessment.level, level = level.level),
            kind_label(locale, level.kind)
        ),
        None => td_string!(locale, assessment.unassessed).to_owned(),
    };
    let (gap, gap_class) = gap_label(locale, row.gap());
    let (target_gap, target_class) = gap_label(locale, row.target_gap());
    let level =
        |required: Option<i16>| required.map(|l| l.to_string()).unwrap_or_else(|| "—".into());
    // On one's own profile, a competency below a required level is one to find a mentor for.
    let below = |gap: Option<Gap>| matches!(gap, Some(Gap::Below(_)));
    let mentor = (own && (below(row.gap()) || below(row.target_gap()))).then(|| {
        let href = localized(locale, &format!("/mentoring/cari?kompetensi={}", row.code));
        view! { " · "<a href=href>{td_string!(locale, mentoring.find_title)}</a> }
    });
    let rate = rate_base.map(|base| {
        let href = localized(locale, &format!("{base}/{}", row.code));
        view! { <td><a href=href>{rate_label}</a>{mentor}</td> }
    });
    view! {
        <tr data-competency=row.code.clone() data-level=row.current.map(|l| l.level)>
            <th scope="row">{row.code.clone()}" "{localized_name(locale, &row.name_id, &row.name_en).to_owned()}</th>
            <td>{current}</td>
            <td>{level(row.required)}</td>
            <td class=gap_class>{gap}</td>
            <td>{level(row.target_required)}</td>
            <td class=target_class>{target_gap}</td>
            {rate}
        </tr>
    }
}

/// Every rating, newest first.
#[component]
fn History(profile: CompetencyProfile) -> impl IntoView {
    let locale = use_locale();
    let lines = profile
        .history
        .iter()
        .map(|line| {
            view! {
                <tr data-kind=line.kind.as_db()>
                    <td>{long_date(locale, line.on)}</td>
                    <td>{line.code.clone()}" "{localized_name(locale, &line.name_id, &line.name_en).to_owned()}</td>
                    <td>{td_string!(locale, assessment.level, level = line.level).to_string()}</td>
                    <td>{kind_label(locale, line.kind)}</td>
                    <td>{line.by.clone()}</td>
                    <td>{line.note.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{td_string!(locale, assessment.history)}</h2>
            {profile.history.is_empty().then(|| view! { <p>{td_string!(locale, assessment.history_none)}</p> })}
            {(!profile.history.is_empty()).then(|| view! {
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, assessment.on)}</th>
                                <th scope="col">{td_string!(locale, assessment.competency)}</th>
                                <th scope="col">{td_string!(locale, assessment.level_heading)}</th>
                                <th scope="col">{td_string!(locale, assessment.source)}</th>
                                <th scope="col">{td_string!(locale, assessment.by)}</th>
                                <th scope="col">{td_string!(locale, assessment.note)}</th>
                            </tr>
                        </thead>
                        <tbody>{lines}</tbody>
                    </table>
                </div>
            })}
        </section>
    }
}

/// A lead's plan for the civil servant: the named supervisor and the target position.
#[component]
fn PlanForm(
    person: i32,
    choices: PlanChoices,
    action: ServerAction<SaveStaffPlan>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(action.value().get());
    let field = move |name: &'static str| move || field_messages(locale, error().as_ref())(name);
    let saved = move || {
        matches!(action.value().get(), Some(Ok(()))).then(
            || view! { <p class="notice" role="status">{td_string!(locale, assessment.saved)}</p> },
        )
    };
    let supervisors = choices
        .supervisors
        .iter()
        .map(|(id, name)| {
            let selected = choices.supervisor_id == Some(*id);
            view! { <option value=*id selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    let positions = choices
        .positions
        .iter()
        .map(|name| {
            let selected = choices.target_position.as_deref() == Some(name.as_str());
            view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="plan-heading">
            <h2 id="plan-heading">{td_string!(locale, assessment.plan_title)}</h2>
            <p class="hint">{td_string!(locale, assessment.plan_hint)}</p>
            {move || view! { <FormError error=error() /> }}
            {saved}
            <ActionForm action attr:class="stacked-form">
                <input type="hidden" name="person" value=person />
                <label>
                    {td_string!(locale, assessment.supervisor)}
                    <select name="supervisor" aria-describedby="supervisor-error">
                        <option value="">{td_string!(locale, assessment.no_supervisor)}</option>
                        {supervisors}
                    </select>
                </label>
                {field("supervisor")}
                <label>
                    {td_string!(locale, assessment.target_position)}
                    <select name="target_position" aria-describedby="target_position-error">
                        <option value="">{td_string!(locale, assessment.no_target)}</option>
                        {positions}
                    </select>
                </label>
                {field("target_position")}
                <button class="button" type="submit">{td_string!(locale, assessment.save_plan)}</button>
            </ActionForm>
        </section>
    }
}
