//! An agency's competency gaps, for its leads and the province: every civil servant's current
//! profile (as stored by `levels`, by the same rule as one profile), measured against the
//! position each holds or is developed for, aggregated per unit; and the ratings that rule reads,
//! for many people at once.

use std::collections::{BTreeSet, HashMap};

use sea_orm::sea_query::{Expr, ExprTrait as _, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
};

use crate::backend::auth::Actor;
use crate::backend::entities::{
    certificate, competency, competency_assessment, membership, offer_competency, organisation,
    person, position, position_requirement,
};
use crate::backend::services::people::staff_ids;
use crate::domain::profile::{CurrentLevel, Rating};
use crate::error::AppError;
use crate::model::{AssessmentKind, GapBasis, Role};

/// One civil servant of the agency with their current levels by competency id.
pub(super) struct StaffProfile {
    pub person_id: i32,
    pub name: String,
    pub nip: Option<String>,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub target_position: Option<String>,
    pub current: HashMap<i32, CurrentLevel>,
}

impl StaffProfile {
    /// The name of the position the gaps are measured against.
    pub fn measured_against(&self, basis: GapBasis) -> Option<&str> {
        match basis {
            GapBasis::Held => self.position.as_deref(),
            GapBasis::Target => self.target_position.as_deref(),
        }
    }
}

/// The agency `slug` if the actor leads it or administers the province; with whether they lead.
pub(super) async fn agency_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<(organisation::Model, bool), AppError> {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let lead = actor.has_role_in(Role::AgencyLead, agency.id);
    Actor::require(lead || actor.is_province_admin())?;
    Ok((agency, lead))
}

/// Every active civil servant of the agency `agency_id` with their current profile. Two queries,
/// whatever their number: the staff and their stored current levels.
pub(super) async fn staff_profiles<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
) -> Result<Vec<StaffProfile>, AppError> {
    let members = membership::Entity::find()
        .filter(membership::Column::Role.eq(Role::Asn.as_db()))
        .filter(membership::Column::OrganisationId.eq(agency_id))
        .find_also_related(person::Entity)
        .all(conn)
        .await?;
    let levels = super::levels::stored_levels(conn, &People::StaffOf(agency_id)).await?;
    Ok(members
        .into_iter()
        .filter_map(|(m, p)| Some((m, p.filter(|p| p.deactivated_at.is_none())?)))
        .map(|(m, p)| {
            let current = levels.get(&p.id).cloned().unwrap_or_default();
            StaffProfile {
                person_id: p.id,
                name: p.full_name,
                nip: p.nip,
                unit: m.unit.filter(|u| !u.trim().is_empty()),
                position: m.position,
                target_position: m.target_position,
                current,
            }
        })
        .collect())
}

/// Whose ratings to read.
pub(super) enum People {
    /// The civil servants of an agency.
    StaffOf(i32),
    /// These people.
    Ids(Vec<i32>),
}

impl People {
    pub(super) fn contain<Col: ColumnTrait>(&self, column: Col) -> SimpleExpr {
        match self {
            Self::StaffOf(agency_id) => column.in_subquery(staff_ids(*agency_id)),
            Self::Ids(ids) => column.is_in(ids.iter().copied()),
        }
    }
}

/// One level a held certificate's course brings.
#[derive(FromQueryResult)]
struct Evidence {
    person_id: i32,
    competency_id: i32,
    level: i16,
    issued_at: chrono::DateTime<chrono::Utc>,
}

/// The ratings of `people` (in one competency, or all), assessments and certificates' evidence,
/// by person id: two queries whatever their number.
pub(super) async fn ratings_of<C: ConnectionTrait>(
    conn: &C,
    people: &People,
    competency_id: Option<i32>,
) -> Result<HashMap<i32, Vec<Rating>>, AppError> {
    let mut ratings: HashMap<i32, Vec<Rating>> = HashMap::new();
    let mut assessed = competency_assessment::Entity::find()
        .filter(people.contain(competency_assessment::Column::PersonId));
    if let Some(id) = competency_id {
        assessed = assessed.filter(competency_assessment::Column::CompetencyId.eq(id));
    }
    let rows = assessed
        .order_by_asc(competency_assessment::Column::CreatedAt)
        .order_by_asc(competency_assessment::Column::Id)
        .all(conn)
        .await?;
    for row in rows {
        let Some(kind) = AssessmentKind::from_db(&row.kind) else { continue };
        ratings.entry(row.person_id).or_default().push(Rating {
            competency_id: row.competency_id,
            kind,
            level: row.level,
            at: row.created_at,
        });
    }
    // What their courses brought: each certificate held joined to its course's levels, in the
    // database, so the province's hundreds of thousands of certificates stay one statement.
    let mut evidence = Query::select()
        .column((certificate::Entity, certificate::Column::PersonId))
        .column((offer_competency::Entity, offer_competency::Column::CompetencyId))
        .column((offer_competency::Entity, offer_competency::Column::Level))
        .column((certificate::Entity, certificate::Column::IssuedAt))
        .from(certificate::Entity)
        .inner_join(
            offer_competency::Entity,
            Expr::col((offer_competency::Entity, offer_competency::Column::OfferId))
                .equals((certificate::Entity, certificate::Column::OfferId)),
        )
        .and_where(people.contain(certificate::Column::PersonId))
        .and_where(certificate::Column::RevokedAt.is_null())
        .and_where(offer_competency::Column::Level.is_not_null())
        .to_owned();
    if let Some(id) = competency_id {
        evidence.and_where(offer_competency::Column::CompetencyId.eq(id));
    }
    let backend = conn.get_database_backend();
    for row in Evidence::find_by_statement(backend.build(&evidence)).all(conn).await? {
        ratings.entry(row.person_id).or_default().push(Rating {
            competency_id: row.competency_id,
            kind: AssessmentKind::Evidence,
            level: row.level,
            at: row.issued_at,
        });
    }
    Ok(ratings)
}

/// Every position's standard by position name: competency id → level.
pub(super) async fn standards<C: ConnectionTrait>(
    conn: &C,
) -> Result<HashMap<String, HashMap<i32, i16>>, AppError> {
    let names: HashMap<i32, String> =
        position::Entity::find().all(conn).await?.into_iter().map(|p| (p.id, p.name)).collect();
    let mut by_name: HashMap<String, HashMap<i32, i16>> = HashMap::new();
    for r in position_requirement::Entity::find().all(conn).await? {
        if let Some(name) = names.get(&r.position_id) {
            by_name.entry(name.clone()).or_default().insert(r.competency_id, r.level);
        }
    }
    Ok(by_name)
}

/// The competencies with these ids, by id.
pub(super) async fn competencies_by_id<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, competency::Model>, AppError> {
    let ids: BTreeSet<i32> = ids.into_iter().collect();
    Ok(competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}
