//! Competency assessment: a civil servant rates themselves by the behavioural indicators of a
//! level, their supervisor (an agency lead or the supervisor a lead named) rates them, and the
//! certificates they hold count as evidence. The profile applies `domain::profile`'s rule to all
//! of it and measures it against the position held and the target position.
//!
//! Who may: the civil servant sees and self-rates their own profile; the agency's leads and the
//! named supervisor see it and rate it (never their own); province administrators see it.
//! Anyone else is told it does not exist.

mod agency;
mod evidence;
mod form;
mod gaps;
mod levels;
mod rate;

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::backend::auth::Actor;
use crate::backend::entities::{
    competency, competency_assessment, membership, organisation, person, position,
    position_requirement, supervision,
};
use crate::domain::calendar::WIB;
use crate::domain::profile::{Rating, current_levels};
use crate::error::AppError;
use crate::model::{
    AssessmentEntry, AssessmentKind, CompetencyProfile, LevelView, ProfileRow, Role,
};

pub use form::assessment_form;
pub use gaps::{gap_map, gap_people, province_gaps};
pub use levels::{fill_levels_if_empty, rebuild_levels, refresh_levels};
pub use rate::{rate, save_plan, self_assess};

/// A civil servant as assessment sees them: the person and their membership of their agency.
struct Staff {
    person: person::Model,
    membership: membership::Model,
}

/// The active civil servant `person_id`, or `NotFound`.
async fn staff<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<Staff, AppError> {
    let (membership, person) = membership::Entity::find()
        .filter(membership::Column::PersonId.eq(person_id))
        .filter(membership::Column::Role.eq(Role::Asn.as_db()))
        .find_also_related(person::Entity)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = person.filter(|p| p.deactivated_at.is_none()).ok_or(AppError::NotFound)?;
    Ok(Staff { person, membership })
}

/// How the viewer stands to a civil servant.
struct Standing {
    own: bool,
    lead: bool,
    supervisor: bool,
    province: bool,
}

impl Standing {
    async fn of<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        staff: &Staff,
    ) -> Result<Self, AppError> {
        let agency = staff.membership.organisation_id;
        let supervisor = supervisor_of(conn, agency, staff.person.id).await?;
        Ok(Self {
            own: actor.person_id == staff.person.id,
            lead: actor.has_role_in(Role::AgencyLead, agency),
            supervisor: supervisor.is_some_and(|s| s.id == actor.person_id),
            province: actor.is_province_admin(),
        })
    }

    fn sees(&self) -> bool {
        self.own || self.lead || self.supervisor || self.province
    }

    /// Rates as supervisor: a lead or the named supervisor, never of themselves.
    fn rates(&self) -> bool {
        (self.lead || self.supervisor) && !self.own
    }
}

/// The named supervisor of `person_id` in the agency, if any and still active.
async fn supervisor_of<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    person_id: i32,
) -> Result<Option<person::Model>, AppError> {
    let Some(named) = supervision::Entity::find_by_id((agency_id, person_id)).one(conn).await?
    else {
        return Ok(None);
    };
    Ok(person::Entity::find_by_id(named.supervisor_id)
        .one(conn)
        .await?
        .filter(|p| p.deactivated_at.is_none()))
}

/// The levels the position named `name` requires, by competency id (none for no position or
/// one without a recorded standard).
async fn required_by<C: ConnectionTrait>(
    conn: &C,
    name: Option<&str>,
) -> Result<HashMap<i32, i16>, AppError> {
    let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(HashMap::new());
    };
    let Some(found) =
        position::Entity::find().filter(position::Column::Name.eq(name)).one(conn).await?
    else {
        return Ok(HashMap::new());
    };
    Ok(position_requirement::Entity::find()
        .filter(position_requirement::Column::PositionId.eq(found.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.competency_id, r.level))
        .collect())
}

/// Every rating of `person_id`, oldest first, each with its history line.
async fn ratings<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<(Rating, AssessmentEntry)>, AppError> {
    let rows = competency_assessment::Entity::find()
        .filter(competency_assessment::Column::PersonId.eq(person_id))
        .order_by_asc(competency_assessment::Column::CreatedAt)
        .order_by_asc(competency_assessment::Column::Id)
        .all(conn)
        .await?;
    let assessors: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(rows.iter().map(|r| r.assessed_by)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let mut found: Vec<(Rating, AssessmentEntry)> = Vec::new();
    for row in rows {
        let Some(kind) = AssessmentKind::from_db(&row.kind) else { continue };
        let rating =
            Rating { competency_id: row.competency_id, kind, level: row.level, at: row.created_at };
        let by = assessors.get(&row.assessed_by).cloned().unwrap_or_default();
        found.push((rating, entry(rating, by, row.note)));
    }
    found.extend(evidence::of(conn, person_id).await?);
    found.sort_by_key(|(rating, _)| rating.at);
    Ok(found)
}

/// A history line, its competency named later (`name_competencies`).
fn entry(rating: Rating, by: String, note: String) -> AssessmentEntry {
    AssessmentEntry {
        code: rating.competency_id.to_string(),
        name_id: String::new(),
        name_en: String::new(),
        kind: rating.kind,
        level: rating.level,
        by,
        on: rating.at.with_timezone(&WIB).date_naive(),
        note,
    }
}

/// The current level of `person_id` in `competency_id` by `domain::profile`'s rule (none: never
/// assessed), for rules that depend on it (who may mentor).
pub(crate) async fn current_level<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    competency_id: i32,
) -> Result<Option<i16>, AppError> {
    Ok(current_levels_of(conn, person_id).await?.get(&competency_id).copied())
}

/// The current level in `competency_id` of each of `people` who has one, by person id: a
/// handful of queries however many they are (for mentor suggestions).
pub(crate) async fn current_levels_in<C: ConnectionTrait>(
    conn: &C,
    people: Vec<i32>,
    competency_id: i32,
) -> Result<HashMap<i32, i16>, AppError> {
    let ratings =
        agency::ratings_of(conn, &agency::People::Ids(people), Some(competency_id)).await?;
    Ok(ratings
        .into_iter()
        .filter_map(|(person, mine)| {
            current_levels(&mine).get(&competency_id).map(|l| (person, l.level))
        })
        .collect())
}

/// The current level of `person_id` in every competency they were assessed in, by competency id.
pub(crate) async fn current_levels_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<HashMap<i32, i16>, AppError> {
    let ratings: Vec<Rating> =
        ratings(conn, person_id).await?.into_iter().map(|(r, _)| r).collect();
    Ok(current_levels(&ratings).into_iter().map(|(id, l)| (id, l.level)).collect())
}

/// The profile of the civil servant `person_id`, for whoever may see it.
pub async fn profile<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    person_id: i32,
) -> Result<CompetencyProfile, AppError> {
    let staff = staff(conn, person_id).await?;
    let standing = Standing::of(conn, actor, &staff).await?;
    if !standing.sees() {
        return Err(AppError::NotFound);
    }
    let plan = if standing.lead { Some(form::plan_choices(conn, &staff).await?) } else { None };
    build_profile(conn, &staff, &standing, plan).await
}

/// The signed-in civil servant's own profile.
pub async fn own_profile<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<CompetencyProfile, AppError> {
    actor.staff_agency().ok_or(AppError::Forbidden)?;
    profile(conn, actor, actor.person_id).await
}

async fn build_profile<C: ConnectionTrait>(
    conn: &C,
    staff: &Staff,
    standing: &Standing,
    plan: Option<crate::model::PlanChoices>,
) -> Result<CompetencyProfile, AppError> {
    let m = &staff.membership;
    let held = required_by(conn, m.position.as_deref()).await?;
    let target = required_by(conn, m.target_position.as_deref()).await?;
    let ratings = ratings(conn, staff.person.id).await?;
    let current = current_levels(&ratings.iter().map(|(r, _)| *r).collect::<Vec<_>>());
    let ids: Vec<i32> = held.keys().chain(target.keys()).chain(current.keys()).copied().collect();
    let competencies: HashMap<i32, competency::Model> = competency::Entity::find()
        .filter(competency::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let mut rows: BTreeMap<String, ProfileRow> = BTreeMap::new();
    for id in ids {
        let Some(c) = competencies.get(&id) else { continue };
        rows.entry(c.code.clone()).or_insert_with(|| ProfileRow {
            code: c.code.clone(),
            name_id: c.name_id.clone(),
            name_en: c.name_en.clone(),
            current: current.get(&id).map(|l| LevelView {
                level: l.level,
                kind: l.kind,
                on: l.at.with_timezone(&WIB).date_naive(),
            }),
            required: held.get(&id).copied(),
            target_required: target.get(&id).copied(),
        });
    }
    let history = ratings
        .into_iter()
        .rev()
        .filter_map(|(rating, mut line)| {
            let c = competencies.get(&rating.competency_id)?;
            (line.code, line.name_id, line.name_en) =
                (c.code.clone(), c.name_id.clone(), c.name_en.clone());
            Some(line)
        })
        .collect();
    let agency = organisation::Entity::find_by_id(m.organisation_id)
        .one(conn)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let supervisor = supervisor_of(conn, m.organisation_id, staff.person.id).await?;
    Ok(CompetencyProfile {
        person_id: staff.person.id,
        name: staff.person.full_name.clone(),
        agency,
        unit: m.unit.clone(),
        position: m.position.clone(),
        target_position: m.target_position.clone(),
        supervisor: supervisor.map(|p| p.full_name),
        own: standing.own,
        may_rate: standing.rates(),
        rows: rows.into_values().collect(),
        history,
        plan,
    })
}
