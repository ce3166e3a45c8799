//! The end of a course for its participants, inside the transaction that moves the course.
//! Closing it evaluates every enrolled participant against the course's criteria
//! (`domain::completion`): completed, or not completed — the attendance share kept, so the
//! reason can be shown. Cancelling it ends every place. Either way, places still pending or in
//! line end as cancelled. Each participant is told; each who completed gets a certificate. A
//! competency need whose headcount of nominees completed is fulfilled.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

use super::{certificates, needs, notifications};
use crate::backend::entities::{
    attendance, collaboration, competency_need_detail, course_detail, course_session, enrollment,
    offer, seat_pool,
};
use crate::domain::completion::{Criteria, Record, evaluate};
use crate::error::AppError;
use crate::model::{EnrollmentStatus, NotificationEvent, OfferStatus};

/// Ids written per statement: far below every database's limit on bound parameters.
const CHUNK: usize = 500;

/// The course `offer_id` just moved to `next` (closed or cancelled): its participants' places
/// end accordingly. Does nothing for other moves or for research offers.
pub(crate) async fn course_ended<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    next: OfferStatus,
    by: i32,
) -> Result<(), AppError> {
    if !matches!(next, OfferStatus::Closed | OfferStatus::Cancelled) {
        return Ok(());
    }
    let Some(details) = course_detail::Entity::find_by_id(offer_id).one(conn).await? else {
        return Ok(());
    };
    let course = offer::Entity::find_by_id(offer_id).one(conn).await?.ok_or(AppError::NotFound)?;
    let now = Utc::now();
    // Not yet approved, or never seated: those places end here.
    let open = [EnrollmentStatus::Pending, EnrollmentStatus::Waitlisted].map(|s| s.as_db());
    enrollment::Entity::update_many()
        .col_expr(enrollment::Column::Status, EnrollmentStatus::Cancelled.as_db().into())
        .col_expr(enrollment::Column::UpdatedAt, now.into())
        .filter(enrollment::Column::OfferId.eq(offer_id))
        .filter(enrollment::Column::Status.is_in(open))
        .exec(conn)
        .await?;
    let enrolled = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(offer_id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Enrolled.as_db()))
        .all(conn)
        .await?;
    if next == OfferStatus::Cancelled {
        enrollment::Entity::update_many()
            .col_expr(enrollment::Column::Status, EnrollmentStatus::Cancelled.as_db().into())
            .col_expr(enrollment::Column::UpdatedAt, now.into())
            .filter(enrollment::Column::OfferId.eq(offer_id))
            .filter(enrollment::Column::Status.eq(EnrollmentStatus::Enrolled.as_db()))
            .exec(conn)
            .await?;
        let told: Vec<i32> = enrolled.iter().map(|e| e.person_id).collect();
        let event = NotificationEvent::CourseEnded { course: course.title, completed: None };
        return notifications::notify(conn, &told, &event, "/kursus-saya").await;
    }
    let criteria = Criteria {
        min_attendance_percent: u32::try_from(details.min_attendance_percent).unwrap_or(100),
        min_post_test: u32::try_from(details.min_post_test_score).unwrap_or(100),
    };
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(offer_id))
        .count(conn)
        .await?;
    let attended: HashMap<i32, i64> = attendance::Entity::find()
        .select_only()
        .column(attendance::Column::EnrollmentId)
        .column_as(attendance::Column::SessionId.count(), "sessions")
        .filter(attendance::Column::EnrollmentId.in_subquery(places_of(offer_id)))
        .group_by(attendance::Column::EnrollmentId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut outcomes: HashMap<bool, Vec<i32>> = HashMap::new();
    // Places that end alike (outcome, attendance share) are written by one statement each.
    let mut alike: BTreeMap<(bool, Option<i16>), Vec<i32>> = BTreeMap::new();
    let mut completed_places = Vec::new();
    for place in enrolled {
        let record = Record {
            sessions: u32::try_from(sessions).unwrap_or(u32::MAX),
            attended: u32::try_from(attended.get(&place.id).copied().unwrap_or(0)).unwrap_or(0),
            post_test: place.post_test.and_then(|s| u32::try_from(s).ok()),
        };
        let completed = evaluate(criteria, record).is_ok();
        let percent = i16::try_from(record.attendance_percent()).ok();
        alike.entry((completed, percent)).or_default().push(place.id);
        outcomes.entry(completed).or_default().push(place.person_id);
        if completed {
            completed_places.push(place);
        }
    }
    for ((completed, percent), ids) in alike {
        let status =
            if completed { EnrollmentStatus::Completed } else { EnrollmentStatus::NotCompleted };
        for chunk in ids.chunks(CHUNK) {
            enrollment::Entity::update_many()
                .col_expr(enrollment::Column::Status, status.as_db().into())
                .col_expr(enrollment::Column::AttendancePercent, percent.into())
                .col_expr(enrollment::Column::CompletedAt, completed.then_some(now).into())
                .col_expr(enrollment::Column::UpdatedAt, now.into())
                .filter(enrollment::Column::Id.is_in(chunk.iter().copied()))
                .exec(conn)
                .await?;
        }
    }
    certificates::issue_for(conn, &course, &details, &completed_places, now).await?;
    fulfil_needs(conn, offer_id, by).await?;
    for (completed, people) in outcomes {
        let event = NotificationEvent::CourseEnded {
            course: course.title.clone(),
            completed: Some(completed),
        };
        notifications::notify(conn, &people, &event, "/kursus-saya").await?;
    }
    Ok(())
}

/// The ids of the course's places (for a subquery: a course may hold thousands).
fn places_of(offer_id: i32) -> SelectStatement {
    Query::select()
        .column(enrollment::Column::Id)
        .from(enrollment::Entity)
        .and_where(enrollment::Column::OfferId.eq(offer_id))
        .to_owned()
}

/// Each collaboration that reserved seats in the course: once as many of its nominees completed
/// as its competency need asked for, the need is fulfilled.
async fn fulfil_needs<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    by: i32,
) -> Result<(), AppError> {
    let pools = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(offer_id))
        .filter(seat_pool::Column::CollaborationId.is_not_null())
        .all(conn)
        .await?;
    for pool in pools {
        let Some(collaboration_id) = pool.collaboration_id else { continue };
        let Some(found) = collaboration::Entity::find_by_id(collaboration_id).one(conn).await?
        else {
            continue;
        };
        let Some(need) =
            competency_need_detail::Entity::find_by_id(found.need_id).one(conn).await?
        else {
            continue;
        };
        let completed = enrollment::Entity::find()
            .filter(enrollment::Column::PoolId.eq(pool.id))
            .filter(enrollment::Column::Status.eq(EnrollmentStatus::Completed.as_db()))
            .count(conn)
            .await?;
        if completed >= u64::try_from(need.headcount).unwrap_or(u64::MAX) {
            needs::fulfil_after_completion(conn, found.need_id, by).await?;
        }
    }
    Ok(())
}
