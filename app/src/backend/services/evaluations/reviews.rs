//! The supervisor's review of the behaviour on the job: opened for each completion once
//! `BEHAVIOUR_REVIEW_DAYS` have passed, announced to the named supervisor (or, without one, to
//! the agency's leads), and rated once by one of them.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use sea_orm::sea_query::{OnConflict, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::BEHAVIOUR_REVIEW_DAYS;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    behaviour_review, enrollment, membership, offer, person, supervision,
};
use crate::backend::services::notifications;
use crate::domain::calendar::WIB;
use crate::error::{AppError, ConflictReason};
use crate::model::{EnrollmentStatus, EvaluationDraft, NotificationEvent, PendingReview, Role};

/// Reviews opened per run: a backlog drains over a few runs instead of one long transaction.
const BATCH: u64 = 200;

/// Opens the reviews that fell due (completions at least `BEHAVIOUR_REVIEW_DAYS` old without
/// one) and tells who rates each. Returns how many were opened. Run by a background task; two
/// servers running it at once open each review once (the insert ignores one that exists, and
/// only rows it inserted are announced).
pub async fn open_due_reviews<C>(conn: &C) -> Result<usize, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let cutoff = Utc::now() - Duration::days(BEHAVIOUR_REVIEW_DAYS);
    let reviewed = Query::select()
        .column(behaviour_review::Column::EnrollmentId)
        .from(behaviour_review::Entity)
        .to_owned();
    let due = enrollment::Entity::find()
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Completed.as_db()))
        .filter(enrollment::Column::CompletedAt.lte(cutoff))
        .filter(enrollment::Column::Id.not_in_subquery(reviewed))
        .order_by_asc(enrollment::Column::Id)
        .limit(BATCH)
        .all(conn)
        .await?;
    let mut opened = 0;
    for place in due {
        let Some(completed_at) = place.completed_at else { continue };
        let txn = db::begin_write(conn).await?;
        let inserted = behaviour_review::Entity::insert(behaviour_review::ActiveModel {
            enrollment_id: Set(place.id),
            offer_id: Set(place.offer_id),
            person_id: Set(place.person_id),
            agency_id: Set(place.agency_id),
            due_on: Set((completed_at + Duration::days(BEHAVIOUR_REVIEW_DAYS))
                .with_timezone(&WIB)
                .date_naive()),
            notified_at: Set(Some(Utc::now())),
            rated_by: Set(None),
            level: Set(None),
            comment: Set(String::new()),
            rated_at: Set(None),
        })
        .on_conflict(
            OnConflict::column(behaviour_review::Column::EnrollmentId).do_nothing().to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        if inserted == 1 {
            let event = NotificationEvent::BehaviourReviewDue {
                person: person_name(&txn, place.person_id).await?,
                course: offer_title(&txn, place.offer_id).await?,
            };
            let raters = raters(&txn, place.agency_id, place.person_id).await?;
            notifications::notify(&txn, &raters, &event, "/penilaian-perilaku").await?;
            opened += 1;
        }
        txn.commit().await?;
    }
    Ok(opened)
}

async fn person_name<C: ConnectionTrait>(conn: &C, id: i32) -> Result<String, AppError> {
    Ok(person::Entity::find_by_id(id).one(conn).await?.map(|p| p.full_name).unwrap_or_default())
}

async fn offer_title<C: ConnectionTrait>(conn: &C, id: i32) -> Result<String, AppError> {
    Ok(offer::Entity::find_by_id(id).one(conn).await?.map(|o| o.title).unwrap_or_default())
}

/// Who rates a civil servant's behaviour: their named supervisor, else the agency's leads.
async fn raters<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    person_id: i32,
) -> Result<Vec<i32>, AppError> {
    if let Some(named) = supervision::Entity::find_by_id((agency_id, person_id)).one(conn).await? {
        return Ok(vec![named.supervisor_id]);
    }
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(agency_id))
        .filter(membership::Column::Role.eq(Role::AgencyLead.as_db()))
        .filter(membership::Column::PersonId.ne(person_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.person_id)
        .collect())
}

/// Whether `actor` rates the behaviour of `person_id` of `agency_id`: a lead of the agency or the
/// named supervisor, never the person themselves.
async fn may_rate<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    agency_id: i32,
    person_id: i32,
) -> Result<bool, AppError> {
    if actor.person_id == person_id {
        return Ok(false);
    }
    if actor.has_role_in(Role::AgencyLead, agency_id) {
        return Ok(true);
    }
    let named = supervision::Entity::find_by_id((agency_id, person_id)).one(conn).await?;
    Ok(named.is_some_and(|s| s.supervisor_id == actor.person_id))
}

/// The open reviews the signed-in person rates, oldest due first.
pub async fn pending_reviews<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<PendingReview>, AppError> {
    let supervised: Vec<(i32, i32)> = supervision::Entity::find()
        .filter(supervision::Column::SupervisorId.eq(actor.person_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.agency_id, s.person_id))
        .collect();
    let led = actor.organisations_as(Role::AgencyLead);
    let open = behaviour_review::Entity::find()
        .filter(behaviour_review::Column::Level.is_null())
        .filter(behaviour_review::Column::PersonId.ne(actor.person_id))
        .filter(
            Condition::any()
                .add(behaviour_review::Column::AgencyId.is_in(led))
                .add(behaviour_review::Column::PersonId.is_in(supervised.iter().map(|s| s.1))),
        )
        .order_by_asc(behaviour_review::Column::DueOn)
        .limit(200)
        .all(conn)
        .await?;
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(open.iter().map(|r| r.person_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let titles: HashMap<i32, String> = offer::Entity::find()
        .filter(offer::Column::Id.is_in(open.iter().map(|r| r.offer_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.title))
        .collect();
    let mut shown = Vec::with_capacity(open.len());
    for review in open {
        // A supervisor named for another agency's membership does not rate this one.
        if !may_rate(conn, actor, review.agency_id, review.person_id).await? {
            continue;
        }
        shown.push(PendingReview {
            enrollment_id: review.enrollment_id,
            person: names.get(&review.person_id).cloned().unwrap_or_default(),
            course: titles.get(&review.offer_id).cloned().unwrap_or_default(),
            due_on: review.due_on,
        });
    }
    Ok(shown)
}

/// Rates the behaviour review of `enrollment_id`, once, by one who may.
pub async fn rate_behaviour<C>(
    conn: &C,
    actor: &Actor,
    enrollment_id: i32,
    draft: &EvaluationDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let review = behaviour_review::Entity::find_by_id(enrollment_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_rate(conn, actor, review.agency_id, review.person_id).await? {
        return Err(AppError::NotFound);
    }
    let txn = db::begin_write(conn).await?;
    // Conditional on still open: of two raters at once, one rates.
    let changed = behaviour_review::Entity::update_many()
        .col_expr(behaviour_review::Column::Level, Some(draft.level).into())
        .col_expr(behaviour_review::Column::RatedBy, Some(actor.person_id).into())
        .col_expr(behaviour_review::Column::RatedAt, Some(Utc::now()).into())
        .col_expr(behaviour_review::Column::Comment, draft.comment.trim().to_owned().into())
        .filter(behaviour_review::Column::EnrollmentId.eq(enrollment_id))
        .filter(behaviour_review::Column::Level.is_null())
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict(ConflictReason::Stale));
    }
    super::record_changed(&txn, review.offer_id).await?;
    txn.commit().await?;
    Ok(())
}
