//! An agency lead's view of the JP ledger: every staff member's credited JP for a year, who is
//! below the minimum, how much of the year is left, and the outside learning waiting for a
//! decision.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entry_view;
use crate::backend::auth::Actor;
use crate::backend::entities::{jp_entry, learning_form, organisation, person};
use crate::backend::services::people::{active_staff, staff_ids};
use crate::domain::calendar::{WIB, ledger_year};
use crate::error::AppError;
use crate::model::{
    AgencyJp, JpEntryStatus, JpSource, PendingJpEntry, Role, StaffJpRow, days_left_in_year,
};

/// The most pending entries listed per agency.
const PENDING_SHOWN: u64 = 200;

/// The agencies `actor` leads, each with its staff's `year` (this year when none).
pub async fn staff_jp<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year: Option<i32>,
) -> Result<Vec<AgencyJp>, AppError> {
    let led = actor.organisations_as(Role::AgencyLead);
    if led.is_empty() {
        return Err(AppError::Forbidden);
    }
    let year = year.unwrap_or_else(|| ledger_year(Utc::now()));
    let today = Utc::now().with_timezone(&WIB).date_naive();
    let agencies = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(led))
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?;
    let mut result = Vec::with_capacity(agencies.len());
    for agency in agencies {
        result.push(AgencyJp {
            staff: staff_rows(conn, agency.id, year).await?,
            pending: pending(conn, agency.id).await?,
            slug: agency.slug,
            name: agency.name,
            year,
            days_left: days_left_in_year(year, today),
        });
    }
    Ok(result)
}

/// The agency's active civil servants with their credited JP of `year`, fewest first.
async fn staff_rows<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    year: i32,
) -> Result<Vec<StaffJpRow>, AppError> {
    let members = active_staff(conn, agency_id, None).await?;
    // Summed in the database over the agency's staff (a subquery, not a list of ids).
    let staff = staff_ids(agency_id);
    let sums: HashMap<i32, i64> = jp_entry::Entity::find()
        .select_only()
        .column(jp_entry::Column::PersonId)
        .column_as(jp_entry::Column::Jp.sum(), "jp")
        .filter(jp_entry::Column::PersonId.in_subquery(staff))
        .filter(jp_entry::Column::Year.eq(year))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Credited.as_db()))
        .group_by(jp_entry::Column::PersonId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut rows: Vec<StaffJpRow> = members
        .into_iter()
        .map(|(m, p)| StaffJpRow {
            jp: i32::try_from(sums.get(&p.id).copied().unwrap_or(0)).unwrap_or(i32::MAX),
            person_id: p.id,
            name: p.full_name,
            nip: p.nip,
            unit: m.unit,
        })
        .collect();
    rows.sort_by(|a, b| a.jp.cmp(&b.jp).then_with(|| a.name.cmp(&b.name)));
    Ok(rows)
}

/// The agency's outside learning waiting for a decision, oldest first.
async fn pending<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
) -> Result<Vec<PendingJpEntry>, AppError> {
    let rows = jp_entry::Entity::find()
        .filter(jp_entry::Column::AgencyId.eq(agency_id))
        .filter(jp_entry::Column::Source.eq(JpSource::Outside.as_db()))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Pending.as_db()))
        .order_by_asc(jp_entry::Column::Id)
        .limit(PENDING_SHOWN)
        .all(conn)
        .await?;
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(rows.iter().map(|r| r.person_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let forms: HashMap<i32, String> = learning_form::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.id, f.name_id))
        .collect();
    let none = HashMap::new();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let person = names.get(&row.person_id).cloned().unwrap_or_default();
            let learning_form = forms.get(&row.learning_form_id).cloned().unwrap_or_default();
            let days = (row.ended_on - row.started_on).num_days() + 1;
            let (programme_jp, evidence) = (row.programme_jp, row.evidence.clone());
            Some(PendingJpEntry {
                entry: entry_view(row, &none)?,
                person,
                learning_form,
                days,
                programme_jp,
                evidence,
            })
        })
        .collect())
}
