//! A civil servant's own dashboard: JP per year against the floor, the competencies below the
//! standard of the position held, enrollments by status and certificates per year.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::YEARS_SHOWN;
use crate::backend::auth::Actor;
use crate::backend::entities::{certificate, enrollment, jp_entry, person};
use crate::backend::services::assessments;
use crate::domain::calendar::ledger_year;
use crate::domain::profile::Gap;
use crate::error::AppError;
use crate::model::{
    AsnDashboard, Chart, ChartKey, ChartLabel, ChartRow, EnrollmentStatus, JP_YEARLY_MINIMUM,
    JpEntryStatus,
};

/// The signed-in civil servant's dashboard; `Forbidden` for anyone who is not one.
pub async fn asn_dashboard<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<AsnDashboard, AppError> {
    actor.staff_agency().ok_or(AppError::Forbidden)?;
    let me = actor.person_id;
    let year = ledger_year(Utc::now());
    let name = person::Entity::find_by_id(me)
        .one(conn)
        .await?
        .map(|p| p.full_name)
        .ok_or(AppError::NotFound)?;
    let jp = jp_by_year(conn, me, year).await?;
    let this_year = jp.last().map_or(0.0, |row| row.value);
    let profile = assessments::own_profile(conn, actor).await?;
    let mut gaps: Vec<(i16, ChartRow)> = profile
        .rows
        .iter()
        .filter_map(|row| match row.gap() {
            Some(Gap::Below(levels)) => Some((
                levels,
                ChartRow {
                    label: ChartLabel::Named { id: row.name_id.clone(), en: row.name_en.clone() },
                    value: f64::from(levels),
                },
            )),
            _ => None,
        })
        .collect();
    // The largest gaps first; the profile's order (by code) breaks ties.
    gaps.sort_by_key(|(levels, _)| std::cmp::Reverse(*levels));
    let unassessed = profile.rows.iter().filter(|r| r.gap() == Some(Gap::Unassessed)).count();
    let mut jp_chart = Chart::new(ChartKey::JpByYear, jp);
    jp_chart.target = Some(f64::from(JP_YEARLY_MINIMUM));
    Ok(AsnDashboard {
        name,
        year,
        jp: this_year as i32,
        minimum: JP_YEARLY_MINIMUM,
        unassessed,
        charts: vec![
            jp_chart,
            Chart::new(ChartKey::OwnGaps, gaps.into_iter().map(|(_, row)| row).collect()),
            Chart::new(ChartKey::EnrollmentsByStatus, enrollments_by_status(conn, me).await?),
            Chart::new(ChartKey::CertificatesByYear, certificates_by_year(conn, me, year).await?),
        ],
    })
}

/// Credited JP in each of the last `YEARS_SHOWN` years, oldest first, every year listed.
async fn jp_by_year<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    year: i32,
) -> Result<Vec<ChartRow>, AppError> {
    let first = year - (YEARS_SHOWN - 1);
    let sums: BTreeMap<i32, i64> = jp_entry::Entity::find()
        .select_only()
        .column(jp_entry::Column::Year)
        .column_as(jp_entry::Column::Jp.sum(), "jp")
        .filter(jp_entry::Column::PersonId.eq(person_id))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Credited.as_db()))
        .filter(jp_entry::Column::Year.between(first, year))
        .group_by(jp_entry::Column::Year)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok((first..=year)
        .map(|y| ChartRow {
            label: ChartLabel::Year(y),
            value: sums.get(&y).copied().unwrap_or(0) as f64,
        })
        .collect())
}

/// The person's enrollments by status, in the statuses' own order, those with any.
async fn enrollments_by_status<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<ChartRow>, AppError> {
    let counts: BTreeMap<String, i64> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::Status)
        .column_as(enrollment::Column::Id.count(), "n")
        .filter(enrollment::Column::PersonId.eq(person_id))
        .group_by(enrollment::Column::Status)
        .into_tuple::<(String, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(EnrollmentStatus::ALL
        .into_iter()
        .filter_map(|status| {
            let n = *counts.get(status.as_db())?;
            Some(ChartRow { label: ChartLabel::Enrollment(status), value: n as f64 })
        })
        .collect())
}

/// Certificates held (not revoked) by WIB year of issue, over the last `YEARS_SHOWN` years.
async fn certificates_by_year<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    year: i32,
) -> Result<Vec<ChartRow>, AppError> {
    // A person holds a handful: bucketing the instants here keeps the SQL the same on both
    // databases (the WIB year of a timestamp is spelled differently in each).
    let issued: Vec<chrono::DateTime<Utc>> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::IssuedAt)
        .filter(certificate::Column::PersonId.eq(person_id))
        .filter(certificate::Column::RevokedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    let first = year - (YEARS_SHOWN - 1);
    let mut per_year: BTreeMap<i32, u32> = (first..=year).map(|y| (y, 0)).collect();
    for at in issued {
        if let Some(n) = per_year.get_mut(&ledger_year(at)) {
            *n += 1;
        }
    }
    Ok(per_year
        .into_iter()
        .map(|(y, n)| ChartRow { label: ChartLabel::Year(y), value: f64::from(n) })
        .collect())
}
