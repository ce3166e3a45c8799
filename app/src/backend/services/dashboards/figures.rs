//! The aggregate queries the agency and province dashboards share: each one statement (or two),
//! grouped in the database, whatever the number of civil servants or enrollments.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use super::YEARS_SHOWN;
use crate::backend::entities::{collaboration, need};
use crate::backend::sql::Sql;
use crate::domain::calendar::WIB;
use crate::error::AppError;
use crate::model::{
    ChartLabel, ChartRow, CollaborationStatus, JP_YEARLY_MINIMUM, JpEntryStatus, NeedStatus, Role,
    percent,
};

/// The JP bands of the coverage chart: 0, 1–9, 10–19, and the floor (20) or more.
pub const JP_BANDS: [(i32, Option<i32>); 4] =
    [(0, Some(0)), (1, Some(9)), (10, Some(JP_YEARLY_MINIMUM - 1)), (JP_YEARLY_MINIMUM, None)];

/// One agency's active civil servants by credited JP of a year.
#[derive(Debug, Clone, PartialEq, Default, FromQueryResult)]
pub struct Coverage {
    pub agency_id: i32,
    pub staff: i64,
    pub no_jp: i64,
    pub under_ten: i64,
    pub under_floor: i64,
    pub covered: i64,
}

impl Coverage {
    /// The counts in the order of `JP_BANDS`.
    pub fn bands(&self) -> [i64; 4] {
        [self.no_jp, self.under_ten, self.under_floor, self.covered]
    }

    /// The share at or above the floor, in percent (0 for an agency without staff).
    pub fn percent(&self) -> f64 {
        percent(self.covered, self.staff)
    }

    /// The band chart's rows.
    pub fn rows(&self) -> Vec<ChartRow> {
        JP_BANDS
            .iter()
            .zip(self.bands())
            .map(|((from, to), n)| ChartRow {
                label: ChartLabel::JpBand { from: *from, to: *to },
                value: n as f64,
            })
            .collect()
    }
}

/// Coverage of the 20 JP floor in `year` per agency (only `agency_id`, when given): one
/// statement, the year's credited JP summed per person in the database.
pub async fn jp_coverage<C: ConnectionTrait>(
    conn: &C,
    year: i32,
    agency_id: Option<i32>,
) -> Result<Vec<Coverage>, AppError> {
    let mut sql = Sql::new(conn.get_database_backend());
    let floor = JP_YEARLY_MINIMUM;
    sql.push(&format!(
        "SELECT m.organisation_id AS agency_id, CAST(COUNT(*) AS BIGINT) AS staff, \
         CAST(SUM(CASE WHEN COALESCE(t.jp, 0) = 0 THEN 1 ELSE 0 END) AS BIGINT) AS no_jp, \
         CAST(SUM(CASE WHEN t.jp BETWEEN 1 AND 9 THEN 1 ELSE 0 END) AS BIGINT) AS under_ten, \
         CAST(SUM(CASE WHEN t.jp BETWEEN 10 AND {} THEN 1 ELSE 0 END) AS BIGINT) AS under_floor, \
         CAST(SUM(CASE WHEN t.jp >= {floor} THEN 1 ELSE 0 END) AS BIGINT) AS covered \
         FROM memberships m JOIN people p ON p.id = m.person_id AND p.deactivated_at IS NULL \
         LEFT JOIN (SELECT person_id, SUM(jp) AS jp FROM jp_entries WHERE ",
        floor - 1
    ));
    sql.push_bound("year = ", year);
    sql.push_bound(" AND status = ", JpEntryStatus::Credited.as_db());
    if let Some(id) = agency_id {
        // Only the agency's people: the year's lines of the whole province are many times more.
        sql.push_bound(
            " AND person_id IN (SELECT person_id FROM memberships WHERE organisation_id = ",
            id,
        );
        sql.push_bound(" AND role = ", Role::Asn.as_db());
        sql.push(")");
    }
    sql.push(" GROUP BY person_id) t ON t.person_id = m.person_id WHERE ");
    sql.push_bound("m.role = ", Role::Asn.as_db());
    if let Some(id) = agency_id {
        sql.push_bound(" AND m.organisation_id = ", id);
    }
    sql.push(" GROUP BY m.organisation_id");
    Ok(Coverage::find_by_statement(sql.statement()).all(conn).await?)
}

/// Needs by status (of `agency_id` only, when given), in the statuses' order, those with any.
pub async fn needs_by_status<C: ConnectionTrait>(
    conn: &C,
    agency_id: Option<i32>,
) -> Result<Vec<ChartRow>, AppError> {
    let mut query = need::Entity::find()
        .select_only()
        .column(need::Column::Status)
        .column_as(need::Column::Id.count(), "n")
        .group_by(need::Column::Status);
    if let Some(id) = agency_id {
        query = query.filter(need::Column::AgencyId.eq(id));
    }
    let counts: BTreeMap<String, i64> =
        query.into_tuple::<(String, i64)>().all(conn).await?.into_iter().collect();
    Ok(NeedStatus::ALL
        .into_iter()
        .filter_map(|status| {
            let n = *counts.get(status.as_db())?;
            Some(ChartRow { label: ChartLabel::Need(status), value: n as f64 })
        })
        .collect())
}

/// The agreed price of collaborations (not cancelled) of `agency_id` by the year they start, in
/// millions of rupiah, over the last `YEARS_SHOWN` years.
pub async fn spend_by_year<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    year: i32,
) -> Result<Vec<ChartRow>, AppError> {
    let first = year - (YEARS_SHOWN - 1);
    let day_one = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN);
    let rows: Vec<(NaiveDate, i64)> = collaboration::Entity::find()
        .select_only()
        .column(collaboration::Column::StartsOn)
        .column(collaboration::Column::PriceRupiah)
        .filter(collaboration::Column::AgencyId.eq(agency_id))
        .filter(collaboration::Column::Status.ne(CollaborationStatus::Cancelled.as_db()))
        .filter(collaboration::Column::StartsOn.gte(day_one(first)))
        .filter(collaboration::Column::StartsOn.lt(day_one(year + 1)))
        .into_tuple()
        .all(conn)
        .await?;
    let mut per_year: BTreeMap<i32, i64> = (first..=year).map(|y| (y, 0)).collect();
    for (starts_on, price) in rows {
        if let Some(sum) = per_year.get_mut(&chrono::Datelike::year(&starts_on)) {
            *sum += price;
        }
    }
    Ok(per_year
        .into_iter()
        .map(|(y, rupiah)| ChartRow { label: ChartLabel::Year(y), value: millions(rupiah) })
        .collect())
}

/// Rupiah in millions, to one decimal (a bar's label stays short).
fn millions(rupiah: i64) -> f64 {
    (rupiah as f64 / 100_000.0).round() / 10.0
}

/// JP delivered in `year` per university: the JP of its certificates issued that year (WIB) and
/// not revoked, largest first, with the university's name.
pub async fn university_contribution<C: ConnectionTrait>(
    conn: &C,
    year: i32,
) -> Result<Vec<ChartRow>, AppError> {
    #[derive(FromQueryResult)]
    struct Delivered {
        name: String,
        jp: i64,
    }
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT o.name AS name, CAST(SUM(c.jp) AS BIGINT) AS jp FROM certificates c \
         JOIN organisations o ON o.id = c.university_id WHERE c.revoked_at IS NULL",
    );
    sql.push_bound(" AND c.issued_at >= ", year_start(year));
    sql.push_bound(" AND c.issued_at < ", year_start(year + 1));
    // By id too: two universities may share a name.
    sql.push(" GROUP BY o.id, o.name ORDER BY jp DESC, o.name");
    Ok(Delivered::find_by_statement(sql.statement())
        .all(conn)
        .await?
        .into_iter()
        .map(|d| ChartRow {
            label: ChartLabel::Named { id: d.name.clone(), en: d.name },
            value: d.jp as f64,
        })
        .collect())
}

/// The first instant of `year` in WIB.
fn year_start(year: i32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .and_then(|midnight| WIB.from_local_datetime(&midnight).single())
        .map_or(DateTime::<Utc>::MIN_UTC, |at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_starts_at_midnight_in_lampung() {
        assert_eq!(year_start(2026).to_rfc3339(), "2025-12-31T17:00:00+00:00");
    }

    #[test]
    fn rupiah_are_shown_in_millions_to_one_decimal() {
        assert_eq!(millions(150_000_000), 150.0);
        assert_eq!(millions(12_345_678), 12.3);
        assert_eq!(millions(0), 0.0);
    }

    #[test]
    fn coverage_is_the_share_at_the_floor_and_empty_agencies_are_zero() {
        let c =
            Coverage { agency_id: 1, staff: 8, no_jp: 3, under_ten: 2, under_floor: 1, covered: 2 };
        assert_eq!(c.percent(), 25.0);
        assert_eq!(c.bands(), [3, 2, 1, 2]);
        assert_eq!(Coverage { staff: 0, covered: 0, ..c }.percent(), 0.0);
    }
}
