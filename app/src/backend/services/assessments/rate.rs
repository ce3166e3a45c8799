//! Recording ratings (a self-assessment, a supervisor's) and a lead's plan for a civil servant
//! (their named supervisor and target position). Bad input is refused whole and changes nothing.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, TransactionTrait,
};

use super::form::{competency_by_code, supervisor_candidates};
use super::{Standing, staff};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{competency_assessment, membership, position, supervision};
use crate::error::AppError;
use crate::model::{AssessmentDraft, AssessmentKind, FieldError, ValidationCode};

/// Records the signed-in civil servant's own level in the competency `code`.
pub async fn self_assess<C>(
    conn: &C,
    actor: &Actor,
    code: &str,
    draft: &AssessmentDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    actor.staff_agency().ok_or(AppError::Forbidden)?;
    record(conn, actor.person_id, AssessmentKind::SelfAssessed, actor.person_id, code, draft).await
}

/// Records a supervisor's rating of `person_id` in the competency `code`: by one of the
/// agency's leads or the named supervisor, never of themselves.
pub async fn rate<C>(
    conn: &C,
    actor: &Actor,
    person_id: i32,
    code: &str,
    draft: &AssessmentDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let staff = staff(conn, person_id).await?;
    let standing = Standing::of(conn, actor, &staff).await?;
    if !standing.sees() {
        return Err(AppError::NotFound);
    }
    Actor::require(standing.rates())?;
    record(conn, person_id, AssessmentKind::Supervisor, actor.person_id, code, draft).await
}

/// Stores the rating and rewrites the person's current levels, together or not at all.
async fn record<C>(
    conn: &C,
    person_id: i32,
    kind: AssessmentKind,
    assessed_by: i32,
    code: &str,
    draft: &AssessmentDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let found = competency_by_code(conn, code).await?;
    let txn = db::begin_write(conn).await?;
    // One row, never an update: the history is the ratings themselves.
    competency_assessment::ActiveModel {
        person_id: Set(person_id),
        competency_id: Set(found.id),
        kind: Set(kind.as_db().to_owned()),
        level: Set(draft.level),
        assessed_by: Set(assessed_by),
        note: Set(draft.note.trim().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    super::refresh_levels(&txn, [person_id]).await?;
    txn.commit().await?;
    Ok(())
}

/// A lead's plan for `person_id`: the named supervisor (`supervisor` is a person id, or blank
/// for none) and the target position (a position's name, or blank for none). All or nothing.
pub async fn save_plan<C>(
    conn: &C,
    actor: &Actor,
    person_id: i32,
    supervisor: &str,
    target_position: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let staff = staff(conn, person_id).await?;
    let standing = Standing::of(conn, actor, &staff).await?;
    if !standing.sees() {
        return Err(AppError::NotFound);
    }
    Actor::require(standing.lead)?;
    let invalid = |field: &str, code| AppError::Invalid(vec![FieldError::new(field, code)]);
    let supervisor_id = match supervisor.trim() {
        "" => None,
        typed => {
            let id: i32 =
                typed.parse().map_err(|_| invalid("supervisor", ValidationCode::UnknownChoice))?;
            if id == person_id {
                return Err(invalid("supervisor", ValidationCode::SupervisesThemselves));
            }
            if !supervisor_candidates(conn, &staff).await?.iter().any(|(c, _)| *c == id) {
                return Err(invalid("supervisor", ValidationCode::UnknownChoice));
            }
            Some(id)
        }
    };
    let target = match target_position.trim() {
        "" => None,
        name => {
            position::Entity::find()
                .filter(position::Column::Name.eq(name))
                .one(conn)
                .await?
                .ok_or_else(|| invalid("target_position", ValidationCode::UnknownChoice))?;
            Some(name.to_owned())
        }
    };
    let agency_id = staff.membership.organisation_id;
    let txn = db::begin_write(conn).await?;
    membership::Entity::update_many()
        .col_expr(membership::Column::TargetPosition, target.into())
        .filter(membership::Column::Id.eq(staff.membership.id))
        .exec(&txn)
        .await?;
    supervision::Entity::delete_many()
        .filter(supervision::Column::AgencyId.eq(agency_id))
        .filter(supervision::Column::PersonId.eq(person_id))
        .exec(&txn)
        .await?;
    if let Some(supervisor_id) = supervisor_id {
        supervision::ActiveModel {
            agency_id: Set(agency_id),
            person_id: Set(person_id),
            supervisor_id: Set(supervisor_id),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
