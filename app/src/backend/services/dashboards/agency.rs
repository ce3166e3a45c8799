//! An agency's dashboard for its leads and the province: coverage of the 20 JP floor this year,
//! the competencies with the most civil servants below standard (the heatmap's totals), needs
//! by status, and what its collaborations cost per year.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::GAPS_SHOWN;
use super::figures::{self, Coverage};
use crate::backend::auth::Actor;
use crate::backend::entities::organisation;
use crate::backend::services::assessments;
use crate::domain::calendar::ledger_year;
use crate::error::AppError;
use crate::model::{
    AgencyDashboard, Chart, ChartKey, ChartLabel, ChartRow, GapBasis, JP_YEARLY_MINIMUM,
    OrganisationKind, Role,
};

/// The dashboard of the agency `slug`; its leads and the province only.
pub async fn agency_dashboard<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<AgencyDashboard, AppError> {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .filter(organisation::Column::Kind.ne(OrganisationKind::University.as_db()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Actor::require(actor.has_role_in(Role::AgencyLead, agency.id) || actor.is_province_admin())?;
    let year = ledger_year(Utc::now());
    let coverage = figures::jp_coverage(conn, year, Some(agency.id))
        .await?
        .pop()
        .unwrap_or(Coverage { agency_id: agency.id, ..Coverage::default() });
    let gaps = assessments::gap_map(conn, actor, slug, GapBasis::Held).await?;
    let largest = gaps
        .rows
        .iter()
        .filter(|row| row.total.below > 0)
        .take(GAPS_SHOWN)
        .map(|row| ChartRow {
            label: ChartLabel::Named { id: row.name_id.clone(), en: row.name_en.clone() },
            value: f64::from(row.total.below),
        })
        .collect();
    Ok(AgencyDashboard {
        staff: coverage.staff,
        covered: coverage.covered,
        minimum: JP_YEARLY_MINIMUM,
        charts: vec![
            Chart::new(ChartKey::JpCoverage, coverage.rows()),
            Chart::new(ChartKey::LargestGaps, largest),
            Chart::new(
                ChartKey::NeedsByStatus,
                figures::needs_by_status(conn, Some(agency.id)).await?,
            ),
            Chart::new(ChartKey::SpendByYear, figures::spend_by_year(conn, agency.id, year).await?),
        ],
        slug: agency.slug,
        name: agency.name,
        year,
    })
}
