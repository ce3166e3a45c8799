//! Learning done elsewhere: the civil servant submits it with its evidence, converted by the
//! table's row they chose; a lead of their agency verifies it (it then counts) or rejects it
//! with a reason. Either way the person is told.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{jp_entry, learning_form};
use crate::backend::services::learning_forms::basis_of;
use crate::backend::services::notifications;
use crate::domain::calendar::WIB;
use crate::domain::jp::{JpBasis, Learning, Scope};
use crate::error::{AppError, ConflictReason};
use crate::model::{
    Checks, FieldError, JpEntryStatus, JpSource, MAX_ENROLLMENT_NOTE, NotificationEvent,
    OutsideLearning, Role, ValidationCode,
};

/// Records `learning` for the signed-in civil servant, waiting for verification: its id.
pub async fn submit_outside<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    learning: &OutsideLearning,
) -> Result<i32, AppError> {
    let agency_id = actor.staff_agency().ok_or(AppError::Forbidden)?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    learning.validate(today).map_err(AppError::Invalid)?;
    let invalid = |field: &str, code| AppError::Invalid(vec![FieldError::new(field, code)]);
    let form = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq(&learning.learning_form))
        .one(conn)
        .await?
        .ok_or_else(|| invalid("learning_form", ValidationCode::UnknownChoice))?;
    let basis =
        basis_of(&form).ok_or_else(|| AppError::internal(format!("JP basis {}", form.basis)))?;
    // A percentage of nothing: the programme's own JP is needed for those rows.
    if matches!(basis, JpBasis::ProgrammePercent { .. }) && learning.programme_jp == 0 {
        return Err(invalid("programme_jp", ValidationCode::Required));
    }
    let credit = basis.credit(Learning {
        scope: if learning.international { Scope::International } else { Scope::National },
        programme_jp: u32::try_from(learning.programme_jp).unwrap_or(0),
        days: u32::try_from(learning.days()).unwrap_or(0),
    });
    let row = jp_entry::ActiveModel {
        person_id: Set(actor.person_id),
        agency_id: Set(agency_id),
        year: Set(learning.year()),
        source: Set(JpSource::Outside.as_db().to_owned()),
        certificate_id: Set(None),
        learning_form_id: Set(form.id),
        title: Set(learning.title.clone()),
        organiser: Set(learning.organiser.clone()),
        international: Set(learning.international),
        started_on: Set(learning.started_on),
        ended_on: Set(learning.ended_on),
        programme_jp: Set(i32::try_from(learning.programme_jp).unwrap_or(0)),
        jp: Set(i32::try_from(credit).unwrap_or(i32::MAX)),
        status: Set(JpEntryStatus::Pending.as_db().to_owned()),
        evidence: Set(learning.evidence.clone()),
        decided_by: Set(None),
        decided_at: Set(None),
        note: Set(String::new()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}

/// A lead of the entry's agency verifies (`approve`) or rejects it, a reason required to reject.
/// Not their own learning; once only.
pub async fn decide<C>(
    conn: &C,
    actor: &Actor,
    entry_id: i32,
    approve: bool,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let entry = jp_entry::Entity::find_by_id(entry_id)
        .one(conn)
        .await?
        .filter(|e| e.source == JpSource::Outside.as_db())
        .filter(|e| actor.has_role_in(Role::AgencyLead, e.agency_id))
        .ok_or(AppError::NotFound)?;
    if entry.person_id == actor.person_id {
        return Err(AppError::Forbidden);
    }
    let mut checks = Checks::default();
    checks.text("note", note, !approve, MAX_ENROLLMENT_NOTE as u32);
    checks.finish().map_err(AppError::Invalid)?;
    let to = if approve { JpEntryStatus::Credited } else { JpEntryStatus::Rejected };
    // Conditional on still pending: of two leads deciding at once, one decides. The person is
    // told in the same transaction.
    let txn = db::begin_write(conn).await?;
    let changed = jp_entry::Entity::update_many()
        .col_expr(jp_entry::Column::Status, to.as_db().into())
        .col_expr(jp_entry::Column::DecidedBy, Some(actor.person_id).into())
        .col_expr(jp_entry::Column::DecidedAt, Some(Utc::now()).into())
        .col_expr(jp_entry::Column::Note, note.trim().to_owned().into())
        .filter(jp_entry::Column::Id.eq(entry.id))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Pending.as_db()))
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    let event = NotificationEvent::JpEntryDecided {
        title: entry.title,
        credited: approve,
        jp: entry.jp,
        note: note.trim().to_owned(),
    };
    notifications::notify(&txn, &[entry.person_id], &event, "/jp-saya").await?;
    txn.commit().await?;
    Ok(())
}
