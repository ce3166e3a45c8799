//! What the rating and plan forms offer: a competency's five levels with their behavioural
//! indicators, and the supervisors and positions a lead may choose from.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{Staff, Standing, ratings, staff};
use crate::backend::auth::Actor;
use crate::backend::entities::{competency, competency_level, membership, person, position};
use crate::backend::services::competencies::indicator_lines;
use crate::domain::calendar::WIB;
use crate::domain::profile::current_levels;
use crate::error::AppError;
use crate::model::{AssessmentForm, LevelChoice, LevelView, PlanChoices};

/// The competency with the dictionary code `code`, or `NotFound`.
pub(super) async fn competency_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<competency::Model, AppError> {
    competency::Entity::find()
        .filter(competency::Column::Code.eq(code.trim()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The form rating `person_id` in the competency `code`: a self-assessment when the actor is
/// that person, else the supervisor's (only for those who rate them).
pub async fn assessment_form<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    person_id: i32,
    code: &str,
) -> Result<AssessmentForm, AppError> {
    let staff = staff(conn, person_id).await?;
    let standing = Standing::of(conn, actor, &staff).await?;
    if !standing.sees() {
        return Err(AppError::NotFound);
    }
    Actor::require(standing.own || standing.rates())?;
    let found = competency_by_code(conn, code).await?;
    let levels = competency_level::Entity::find()
        .filter(competency_level::Column::CompetencyId.eq(found.id))
        .order_by_asc(competency_level::Column::Level)
        .all(conn)
        .await?
        .into_iter()
        .map(|l| LevelChoice {
            level: l.level,
            indicators: indicator_lines(&l.indicators),
            description: l.description_id,
        })
        .collect();
    let all = ratings(conn, person_id).await?;
    let current = current_levels(&all.iter().map(|(r, _)| *r).collect::<Vec<_>>())
        .remove(&found.id)
        .map(|l| LevelView {
            level: l.level,
            kind: l.kind,
            on: l.at.with_timezone(&WIB).date_naive(),
        });
    Ok(AssessmentForm {
        person_id,
        person_name: staff.person.full_name,
        own: standing.own,
        code: found.code,
        name_id: found.name_id,
        name_en: found.name_en,
        definition_id: found.definition_id,
        levels,
        current,
    })
}

/// The agency's active members other than the civil servant, by name: who may supervise them.
pub(super) async fn supervisor_candidates<C: ConnectionTrait>(
    conn: &C,
    staff: &Staff,
) -> Result<Vec<(i32, String)>, AppError> {
    let mut found: Vec<(i32, String)> = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(staff.membership.organisation_id))
        .filter(membership::Column::PersonId.ne(staff.person.id))
        .find_also_related(person::Entity)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|(_, p)| p.filter(|p| p.deactivated_at.is_none()))
        .map(|p| (p.id, p.full_name))
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    found.dedup_by_key(|c| c.0);
    Ok(found)
}

/// The lead's plan form for `staff`: the current choices and what may be chosen.
pub(super) async fn plan_choices<C: ConnectionTrait>(
    conn: &C,
    staff: &Staff,
) -> Result<PlanChoices, AppError> {
    let agency = staff.membership.organisation_id;
    let supervisor = super::supervisor_of(conn, agency, staff.person.id).await?;
    let positions = position::Entity::find()
        .order_by_asc(position::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    Ok(PlanChoices {
        supervisor_id: supervisor.map(|p| p.id),
        target_position: staff.membership.target_position.clone(),
        supervisors: supervisor_candidates(conn, staff).await?,
        positions,
    })
}
