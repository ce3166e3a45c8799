//! An agency's competency gaps, for its leads and the province: every civil servant's current
//! profile (the same rule as one profile, read for the whole agency in a handful of queries),
//! measured against the position each holds or is developed for, aggregated per unit.

use std::collections::{BTreeSet, HashMap};

use sea_orm::sea_query::SimpleExpr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::backend::auth::Actor;
use crate::backend::entities::{
    certificate, competency, competency_assessment, offer_competency, organisation, position,
    position_requirement,
};
use crate::backend::services::people::{active_staff, staff_ids};
use crate::domain::profile::{CurrentLevel, Rating, current_levels};
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

/// Every active civil servant of the agency with their current profile. Four queries, whatever
/// the agency's size: the staff, their ratings, their certificates, what those courses bring.
pub(super) async fn staff_profiles<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
) -> Result<Vec<StaffProfile>, AppError> {
    let members = active_staff(conn, agency_id, None).await?;
    let mut ratings = ratings_of(conn, &People::StaffOf(agency_id), None).await?;
    Ok(members
        .into_iter()
        .map(|(m, p)| {
            let mine = ratings.remove(&p.id).unwrap_or_default();
            StaffProfile {
                person_id: p.id,
                name: p.full_name,
                nip: p.nip,
                unit: m.unit.filter(|u| !u.trim().is_empty()),
                position: m.position,
                target_position: m.target_position,
                current: current_levels(&mine),
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
    fn contain<Col: ColumnTrait>(&self, column: Col) -> SimpleExpr {
        match self {
            Self::StaffOf(agency_id) => column.in_subquery(staff_ids(*agency_id)),
            Self::Ids(ids) => column.is_in(ids.iter().copied()),
        }
    }
}

/// The ratings of `people` (in one competency, or all), assessments and certificates' evidence,
/// by person id: three queries whatever their number (and one more per 500 courses).
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
    let held: Vec<(i32, i32, chrono::DateTime<chrono::Utc>)> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::PersonId)
        .column(certificate::Column::OfferId)
        .column(certificate::Column::IssuedAt)
        .filter(people.contain(certificate::Column::PersonId))
        .filter(certificate::Column::RevokedAt.is_null())
        .into_tuple()
        .all(conn)
        .await?;
    let mut brought: HashMap<i32, Vec<(i32, i16)>> = HashMap::new();
    let offers: BTreeSet<i32> = held.iter().map(|(_, offer, _)| *offer).collect();
    for chunk in offers.into_iter().collect::<Vec<_>>().chunks(500) {
        let mut find = offer_competency::Entity::find()
            .filter(offer_competency::Column::OfferId.is_in(chunk.iter().copied()))
            .filter(offer_competency::Column::Level.is_not_null());
        if let Some(id) = competency_id {
            find = find.filter(offer_competency::Column::CompetencyId.eq(id));
        }
        for row in find.all(conn).await? {
            if let Some(level) = row.level {
                brought.entry(row.offer_id).or_default().push((row.competency_id, level));
            }
        }
    }
    for (person_id, offer_id, at) in held {
        for (competency_id, level) in brought.get(&offer_id).into_iter().flatten() {
            ratings.entry(person_id).or_default().push(Rating {
                competency_id: *competency_id,
                kind: AssessmentKind::Evidence,
                level: *level,
                at,
            });
        }
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
