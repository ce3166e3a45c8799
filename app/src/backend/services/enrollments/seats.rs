//! The seat pools of a course: taking a seat with one conditional update, joining the line, and
//! giving a freed seat to the first in line. Each function runs inside the caller's write
//! transaction and begins by writing the pool's row: on PostgreSQL, concurrent changes of one
//! pool queue on that row's lock and each then reads the others' committed work (SQLite's
//! BEGIN IMMEDIATE already runs writers one at a time). The pool's CHECKs stand behind this.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::backend::entities::{enrollment, organisation, seat_pool};
use crate::backend::services::notifications;
use crate::error::AppError;
use crate::model::{EnrollmentStatus, FieldError, NotificationEvent, ValidationCode};

/// Takes a seat of the pool if one is free: one conditional update. Whether it did.
pub(super) async fn take_seat<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
) -> Result<bool, AppError> {
    take_seats(conn, pool_id, 1).await
}

/// Takes `count` seats of the pool at once if that many are free (a nomination is all or none).
pub(super) async fn take_seats<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
    count: i32,
) -> Result<bool, AppError> {
    let taken = seat_pool::Entity::update_many()
        .col_expr(seat_pool::Column::Taken, Expr::col(seat_pool::Column::Taken).add(count))
        .filter(seat_pool::Column::Id.eq(pool_id))
        .filter(
            Expr::col(seat_pool::Column::Taken)
                .add(count)
                .lte(Expr::col(seat_pool::Column::Capacity)),
        )
        .exec(conn)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Puts one more person in the pool's line and returns the pool as it now is (its row locked).
/// A seat freed between a failed [`take_seat`] and this is taken instead: `Ok(true)`.
pub(super) async fn join_line<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
) -> Result<bool, AppError> {
    seat_pool::Entity::update_many()
        .col_expr(seat_pool::Column::Waiting, Expr::col(seat_pool::Column::Waiting).add(1))
        .filter(seat_pool::Column::Id.eq(pool_id))
        .exec(conn)
        .await?;
    let pool = locked(conn, pool_id).await?;
    if pool.taken < pool.capacity {
        seat_pool::Entity::update_many()
            .col_expr(seat_pool::Column::Waiting, Expr::col(seat_pool::Column::Waiting).sub(1))
            .col_expr(seat_pool::Column::Taken, Expr::col(seat_pool::Column::Taken).add(1))
            .filter(seat_pool::Column::Id.eq(pool_id))
            .exec(conn)
            .await?;
        return Ok(true);
    }
    Ok(false)
}

/// Writes the pool's row (changing nothing) so this transaction holds it, and reads it.
pub(super) async fn lock<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
) -> Result<seat_pool::Model, AppError> {
    seat_pool::Entity::update_many()
        .col_expr(seat_pool::Column::Waiting, Expr::col(seat_pool::Column::Waiting))
        .filter(seat_pool::Column::Id.eq(pool_id))
        .exec(conn)
        .await?;
    locked(conn, pool_id).await
}

async fn locked<C: ConnectionTrait>(conn: &C, pool_id: i32) -> Result<seat_pool::Model, AppError> {
    seat_pool::Entity::find_by_id(pool_id).one(conn).await?.ok_or(AppError::NotFound)
}

/// Where the person `enrollment_id` stands in the pool's line (1 = next).
pub(super) async fn line_position<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
    enrollment_id: i32,
) -> Result<u32, AppError> {
    use sea_orm::PaginatorTrait;
    let ahead = enrollment::Entity::find()
        .filter(enrollment::Column::PoolId.eq(pool_id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Waitlisted.as_db()))
        .filter(enrollment::Column::Id.lt(enrollment_id))
        .count(conn)
        .await?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX).saturating_add(1))
}

/// The line positions of the waitlisted places among `rows`, by enrollment id, in one query.
pub(super) async fn line_positions<C: ConnectionTrait>(
    conn: &C,
    rows: &[enrollment::Model],
) -> Result<HashMap<i32, u32>, AppError> {
    let waiting: Vec<&enrollment::Model> =
        rows.iter().filter(|r| r.status == EnrollmentStatus::Waitlisted.as_db()).collect();
    let Some(last) = waiting.iter().map(|r| r.id).max() else { return Ok(HashMap::new()) };
    // Everyone in those lines up to the last of them; positions are counted here.
    let lines: Vec<(i32, i32)> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::PoolId)
        .column(enrollment::Column::Id)
        .filter(enrollment::Column::PoolId.is_in(waiting.iter().map(|r| r.pool_id)))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Waitlisted.as_db()))
        .filter(enrollment::Column::Id.lte(last))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(waiting
        .into_iter()
        .map(|row| {
            let ahead = lines.iter().filter(|(pool, id)| *pool == row.pool_id && *id < row.id);
            (row.id, u32::try_from(ahead.count()).unwrap_or(u32::MAX).saturating_add(1))
        })
        .collect())
}

/// A seat of the locked pool was given back (`from` the state its holder left) or a place in
/// line left: counts it, then fills free seats from the front of the line, telling each
/// promoted person. The pool must have been locked by this transaction.
pub(super) async fn give_back<C: ConnectionTrait>(
    conn: &C,
    pool: &seat_pool::Model,
    from: EnrollmentStatus,
) -> Result<(), AppError> {
    let (column, free) = if from.holds_seat() {
        (seat_pool::Column::Taken, pool.capacity - pool.taken + 1)
    } else {
        (seat_pool::Column::Waiting, pool.capacity - pool.taken)
    };
    seat_pool::Entity::update_many()
        .col_expr(column, Expr::col(column).sub(1))
        .filter(seat_pool::Column::Id.eq(pool.id))
        .exec(conn)
        .await?;
    promote(conn, pool.id, free).await
}

/// Gives up to `free` seats of the pool to the first in its line.
pub(super) async fn promote<C: ConnectionTrait>(
    conn: &C,
    pool_id: i32,
    free: i32,
) -> Result<(), AppError> {
    if free <= 0 {
        return Ok(());
    }
    let first = enrollment::Entity::find()
        .filter(enrollment::Column::PoolId.eq(pool_id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Waitlisted.as_db()))
        .order_by_asc(enrollment::Column::Id)
        .limit(u64::try_from(free).unwrap_or(0))
        .all(conn)
        .await?;
    for waiting in first {
        if !take_seat(conn, pool_id).await? {
            break;
        }
        seat_pool::Entity::update_many()
            .col_expr(seat_pool::Column::Waiting, Expr::col(seat_pool::Column::Waiting).sub(1))
            .filter(seat_pool::Column::Id.eq(pool_id))
            .exec(conn)
            .await?;
        let approval = organisation::Entity::find_by_id(waiting.agency_id)
            .one(conn)
            .await?
            .is_some_and(|agency| agency.enrollment_approval);
        let status = EnrollmentStatus::on_seat(approval);
        enrollment::Entity::update(enrollment::ActiveModel {
            id: Set(waiting.id),
            status: Set(status.as_db().to_owned()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(conn)
        .await?;
        let course = super::course_title(conn, waiting.offer_id).await?;
        let event = NotificationEvent::WaitlistPromoted { course: course.1, status };
        notifications::notify(conn, &[waiting.person_id], &event, &super::course_link(&course.0))
            .await?;
    }
    Ok(())
}

/// Sets the open pool of the course `offer_id` to `capacity` seats (creating it for a new
/// course); more seats go to the front of the line. Fewer seats than are taken is refused.
pub(crate) async fn set_open_capacity<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    capacity: i32,
) -> Result<(), AppError> {
    let open = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(offer_id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(conn)
        .await?;
    let Some(open) = open else {
        seat_pool::Entity::insert(seat_pool::ActiveModel {
            offer_id: Set(offer_id),
            collaboration_id: Set(None),
            capacity: Set(capacity),
            taken: Set(0),
            waiting: Set(0),
            ..Default::default()
        })
        .exec(conn)
        .await?;
        return Ok(());
    };
    let pool = lock(conn, open.id).await?;
    if capacity < pool.taken {
        return Err(AppError::Invalid(vec![FieldError::new(
            "capacity",
            ValidationCode::BelowTaken { taken: u32::try_from(pool.taken).unwrap_or(0) },
        )]));
    }
    seat_pool::Entity::update(seat_pool::ActiveModel {
        id: Set(pool.id),
        capacity: Set(capacity),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    promote(conn, pool.id, capacity - pool.taken).await
}
