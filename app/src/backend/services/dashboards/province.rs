//! The province's dashboard for its administrators: coverage of the 20 JP floor by agency, the
//! competencies with the most civil servants below standard province-wide, needs open and
//! fulfilled, and the JP each university delivered this year.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::GAPS_SHOWN;
use super::figures;
use crate::backend::auth::Actor;
use crate::backend::entities::organisation;
use crate::backend::services::assessments;
use crate::domain::calendar::ledger_year;
use crate::error::AppError;
use crate::model::{
    Chart, ChartKey, ChartLabel, ChartRow, GapBasis, JP_YEARLY_MINIMUM, OrganisationKind,
    ProvinceDashboard,
};

/// The province's dashboard; province administrators only.
pub async fn province_dashboard<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<ProvinceDashboard, AppError> {
    Actor::require(actor.is_province_admin())?;
    let year = ledger_year(Utc::now());
    let agencies: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Kind.ne(OrganisationKind::University.as_db()))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let coverage = figures::jp_coverage(conn, year, None).await?;
    let mut by_agency: Vec<(f64, String)> = coverage
        .iter()
        .filter_map(|c| Some((c.percent(), agencies.get(&c.agency_id)?.name.clone())))
        .collect();
    // The agencies furthest from the floor first: they are the ones to act on.
    by_agency.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let by_agency = by_agency
        .into_iter()
        .map(|(share, name)| ChartRow {
            label: ChartLabel::Named { id: name.clone(), en: name },
            value: (share * 10.0).round() / 10.0,
        })
        .collect();
    let staff = coverage.iter().map(|c| c.staff).sum();
    let covered = coverage.iter().map(|c| c.covered).sum();
    Ok(ProvinceDashboard {
        year,
        staff,
        covered,
        minimum: JP_YEARLY_MINIMUM,
        charts: vec![
            Chart::new(ChartKey::CoverageByAgency, by_agency),
            Chart::new(ChartKey::LargestGaps, largest_gaps(conn, actor).await?),
            Chart::new(ChartKey::NeedsByStatus, figures::needs_by_status(conn, None).await?),
            Chart::new(
                ChartKey::UniversityContribution,
                figures::university_contribution(conn, year).await?,
            ),
        ],
    })
}

/// Civil servants below the standard of the position held, per competency, over every
/// agency; the largest first.
async fn largest_gaps<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<ChartRow>, AppError> {
    let rows = assessments::province_gaps(conn, actor, GapBasis::Held).await?;
    Ok(rows
        .into_iter()
        .filter(|row| row.total.below > 0)
        .take(GAPS_SHOWN)
        .map(|row| ChartRow {
            label: ChartLabel::Named { id: row.name_id, en: row.name_en },
            value: f64::from(row.total.below),
        })
        .collect())
}
