//! Crowds for benchmarks and tests of size, written in batches of 500 as no form would: many new
//! civil servants of a demo agency, and a course seated with them — nine in ten present at every
//! session with a passing post-test, the tenth missing every session and failing it.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::backend::entities::{
    attendance, course_session, enrollment, membership, offer, organisation, person, seat_pool,
};
use crate::error::AppError;
use crate::model::EnrollmentStatus;

/// Rows per statement: far below every database's limit on bound values.
const CHUNK: usize = 500;

/// New civil servants of one agency.
#[derive(Debug, Clone)]
pub struct Crowd {
    pub agency_id: i32,
    /// Person ids, in the order created.
    pub people: Vec<i32>,
}

/// `count` new civil servants of the agency `agency_slug`, with emails `{tag}-{n}@crowd.test`
/// (`tag` must be new to the database).
pub async fn civil_servants<C: ConnectionTrait>(
    conn: &C,
    agency_slug: &str,
    tag: &str,
    count: usize,
) -> Result<Crowd, AppError> {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(agency_slug))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = Utc::now();
    for chunk in (0..count).collect::<Vec<_>>().chunks(CHUNK) {
        person::Entity::insert_many(chunk.iter().map(|n| person::ActiveModel {
            full_name: Set(format!("ASN {tag} {n}")),
            email: Set(format!("{tag}-{n}@crowd.test")),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await?;
    }
    let people: Vec<i32> = person::Entity::find()
        .filter(person::Column::Email.like(format!("{tag}-%@crowd.test")))
        .order_by_asc(person::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    for chunk in people.chunks(CHUNK) {
        membership::Entity::insert_many(chunk.iter().map(|&person_id| membership::ActiveModel {
            person_id: Set(person_id),
            organisation_id: Set(agency.id),
            role: Set("asn".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(Crowd { agency_id: agency.id, people })
}

/// Seats the whole `crowd` in `course` (its open pool widened to hold them all, past the
/// largest capacity a course may be given): every tenth misses every session and fails the
/// post-test, the others attend all and pass.
pub async fn seat_in_course<C: ConnectionTrait>(
    conn: &C,
    course: &offer::Model,
    crowd: &Crowd,
) -> Result<(), AppError> {
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let seats = i32::try_from(crowd.people.len()).unwrap_or(i32::MAX);
    seat_pool::Entity::update(seat_pool::ActiveModel {
        id: Set(pool.id),
        capacity: Set(seats),
        taken: Set(seats),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let tenth = |n: usize| n % 10 == 9;
    let now = Utc::now();
    for (c, chunk) in crowd.people.chunks(CHUNK).enumerate() {
        let rows = chunk.iter().enumerate().map(|(i, &person_id)| enrollment::ActiveModel {
            pool_id: Set(pool.id),
            offer_id: Set(course.id),
            person_id: Set(person_id),
            agency_id: Set(crowd.agency_id),
            status: Set(EnrollmentStatus::Enrolled.as_db().to_owned()),
            note: Set(String::new()),
            pre_test: Set(Some(55)),
            post_test: Set(Some(if tenth(c * CHUNK + i) { 40 } else { 85 })),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        enrollment::Entity::insert_many(rows).exec_without_returning(conn).await?;
    }
    // In the order written, so the tenth who misses the sessions is the tenth who fails.
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .order_by_asc(enrollment::Column::Id)
        .all(conn)
        .await?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .all(conn)
        .await?;
    for session in &sessions {
        for (c, chunk) in places.chunks(CHUNK).enumerate() {
            let present = chunk.iter().enumerate().filter(|(i, _)| !tenth(c * CHUNK + i));
            let rows = present.map(|(_, place)| attendance::ActiveModel {
                session_id: Set(session.id),
                enrollment_id: Set(place.id),
                method: Set("list".into()),
                recorded_by: Set(course.created_by),
                recorded_at: Set(now),
            });
            attendance::Entity::insert_many(rows).exec_without_returning(conn).await?;
        }
    }
    Ok(())
}
