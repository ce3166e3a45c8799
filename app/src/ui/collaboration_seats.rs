//! The participants section of a collaboration page: how many of the reserved seats are filled
//! and by whom, and for the agency's leads a bulk pick from their staff (filtered by unit and by
//! gap in the need's competency, a plain GET form) nominated with one plain form.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::error_view::{FormError, field_messages, form_error};
use super::labels::{enrollment_status_label, localized_name};
use super::locale::use_locale;
use crate::api::{NominateStaff, get_collaboration_seats};
use crate::i18n::td_string;
use crate::model::CollaborationSeats;

/// The section for collaboration `id`; nothing when it reserved no seats on a course.
#[component]
pub fn CollaborationSeatsSection(id: i32) -> impl IntoView {
    let query = use_query_map();
    let nominate = ServerAction::<NominateStaff>::new();
    let seats = Resource::new(
        move || {
            let query = query.read();
            (query.get("unit"), query.get("gap").as_deref() == Some("1"), nominate.version().get())
        },
        move |(unit, gap_only, _)| get_collaboration_seats(id, unit, gap_only),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                seats.await.ok().flatten().map(|seats| view! { <SeatsView id seats nominate /> })
            })}
        </Suspense>
    }
}

#[component]
fn SeatsView(
    id: i32,
    seats: CollaborationSeats,
    nominate: ServerAction<NominateStaff>,
) -> impl IntoView {
    let locale = use_locale();
    let summary = td_string!(
        locale,
        enrollment.seats_summary,
        taken = seats.taken,
        reserved = seats.reserved
    )
    .to_string();
    // The need's measure of success: how many of those nominated completed.
    let fulfilment = match seats.headcount {
        Some(headcount) => td_string!(
            locale,
            enrollment.fulfilment,
            completed = seats.completed,
            headcount = headcount
        )
        .to_string(),
        None => {
            td_string!(locale, enrollment.completed_count, completed = seats.completed).to_string()
        }
    };
    let nominees = if seats.nominees.is_empty() {
        view! { <p>{td_string!(locale, enrollment.no_nominees)}</p> }.into_any()
    } else {
        let rows = seats
            .nominees
            .iter()
            .map(|n| {
                view! {
                    <tr>
                        <td>{n.name.clone()}</td>
                        <td>{n.unit.clone()}</td>
                        <td data-status=n.status.as_db()>{enrollment_status_label(locale, n.status)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(locale, enrollment.person)}</th>
                            <th scope="col">{td_string!(locale, enrollment.unit)}</th>
                            <th scope="col">{td_string!(locale, enrollment.status)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let pick =
        seats.may_nominate.then(|| view! { <NominationForm id seats=seats.clone() nominate /> });
    view! {
        <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{td_string!(locale, enrollment.seats_heading)}</h2>
            <p>{summary}</p>
            <p class="fulfilment" data-completed=seats.completed>{fulfilment}</p>
            {nominees}
            {pick}
        </section>
    }
}

/// The unit and gap filters and the staff to pick, for the agency's leads.
#[component]
fn NominationForm(
    id: i32,
    seats: CollaborationSeats,
    nominate: ServerAction<NominateStaff>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(nominate.value().get());
    let units = seats
        .units
        .iter()
        .map(|u| {
            let selected = seats.filter.unit.as_ref() == Some(u);
            view! { <option value=u.clone() selected=selected>{u.clone()}</option> }
        })
        .collect_view();
    // Offered only where the need names a competency and level to measure against.
    let gap = seats.gap_target.as_ref().map(|target| {
        let label = td_string!(
            locale,
            enrollment.gap_filter,
            competency = localized_name(locale, &target.name_id, &target.name_en),
            level = target.level.unwrap_or_default()
        )
        .to_string();
        view! {
            <span class="checkbox-field">
                <input type="checkbox" id="gap-filter" name="gap" value="1" checked=seats.filter.gap_only />
                <label for="gap-filter">{label}</label>
            </span>
        }
    });
    let staff = if seats.staff.is_empty() {
        view! { <p>{td_string!(locale, enrollment.no_staff)}</p> }.into_any()
    } else {
        let rows = seats
            .staff
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let box_id = format!("pick-{}", p.person_id);
                let field = format!("person_{}", p.person_id);
                view! {
                    <tr>
                        <td>
                            <input type="checkbox" id=box_id.clone() name=format!("people[{i}]") value=p.person_id />
                        </td>
                        <td>
                            <label for=box_id>{p.name.clone()}</label>
                            {p.nip.clone().map(|nip| view! { <br /><span class="hint">{nip}</span> })}
                            {move || field_messages(locale, error().as_ref())(&field)}
                        </td>
                        <td>{p.unit.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <ActionForm action=nominate>
                <input type="hidden" name="id" value=id />
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, enrollment.pick)}</th>
                                <th scope="col">{td_string!(locale, enrollment.person)}</th>
                                <th scope="col">{td_string!(locale, enrollment.unit)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button class="button" type="submit">{td_string!(locale, enrollment.nominate)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <h3>{td_string!(locale, enrollment.nominate_heading)}</h3>
        {move || view! { <FormError error=error() /> }}
        <form method="get" class="inline-form">
            <label for="unit-filter">{td_string!(locale, enrollment.unit_filter)}</label>
            <select id="unit-filter" name="unit">
                <option value="">{td_string!(locale, enrollment.all_units)}</option>
                {units}
            </select>
            {gap}
            <button class="button button-small" type="submit">{td_string!(locale, enrollment.filter)}</button>
        </form>
        {staff}
    }
}
