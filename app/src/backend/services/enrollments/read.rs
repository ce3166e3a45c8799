//! Reading enrollment for the pages: a course's seats and the viewer's place, a civil servant's
//! own courses, and the approvals waiting for an agency lead (and the agency's rule).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::participants::staff_of;
use super::{active_in, open_pool, seats, staff_agency};
use crate::backend::auth::Actor;
use crate::backend::entities::{
    course_detail, course_session, enrollment, offer, organisation, person,
};
use crate::backend::services::{certificates, evaluations};
use crate::domain::calendar::WIB;
use crate::error::AppError;
use crate::model::{
    AgencyApprovals, CourseSeats, EnrollmentStatus, OfferKind, OfferStatus, OwnEnrollment,
    OwnPlace, PendingEnrollment, Role, SeatViewer, may_cancel_enrollment,
};

/// The most enrollments a person's page lists.
const OWN_SHOWN: u64 = 200;
/// The most pending enrollments listed per agency.
const PENDING_SHOWN: u64 = 500;

/// The seats of the published course `slug`, and what `viewer` may do about one.
pub async fn course_seats<C: ConnectionTrait>(
    conn: &C,
    viewer: Option<&Actor>,
    slug: &str,
) -> Result<CourseSeats, AppError> {
    let course = offer::Entity::find()
        .filter(offer::Column::Slug.eq(slug))
        .filter(offer::Column::Kind.eq(OfferKind::Course.as_db()))
        .filter(offer::Column::Status.ne(OfferStatus::Draft.as_db()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let details =
        course_detail::Entity::find_by_id(course.id).one(conn).await?.ok_or(AppError::NotFound)?;
    let pool = open_pool(conn, course.id).await?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    let viewer = match viewer {
        None => SeatViewer::Visitor,
        Some(actor) if staff_agency(actor).is_err() => SeatViewer::NotStaff,
        Some(actor) => match active_place(conn, actor.person_id, course.id).await? {
            Some(place) => {
                SeatViewer::Holds(own_place(conn, &place, details.enrollment_closes_on).await?)
            }
            None => SeatViewer::MayEnroll,
        },
    };
    Ok(CourseSeats {
        slug: course.slug,
        capacity: pool.capacity,
        taken: pool.taken,
        waiting: pool.waiting,
        open: course.status == OfferStatus::Published.as_db()
            && (details.enrollment_opens_on..=details.enrollment_closes_on).contains(&today),
        opens_on: details.enrollment_opens_on,
        closes_on: details.enrollment_closes_on,
        viewer,
    })
}

async fn active_place<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    offer_id: i32,
) -> Result<Option<enrollment::Model>, AppError> {
    Ok(active_in(offer_id).filter(enrollment::Column::PersonId.eq(person_id)).one(conn).await?)
}

async fn own_place<C: ConnectionTrait>(
    conn: &C,
    row: &enrollment::Model,
    closes_on: chrono::NaiveDate,
) -> Result<OwnPlace, AppError> {
    let position = if row.status == EnrollmentStatus::Waitlisted.as_db() {
        Some(seats::line_position(conn, row.pool_id, row.id).await?)
    } else {
        None
    };
    place(row, position, closes_on)
}

/// The place `row` holds, standing `position` in line when waitlisted.
fn place(
    row: &enrollment::Model,
    position: Option<u32>,
    closes_on: chrono::NaiveDate,
) -> Result<OwnPlace, AppError> {
    let status = EnrollmentStatus::from_db(&row.status)
        .ok_or_else(|| AppError::internal(format!("enrollment status {}", row.status)))?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    Ok(OwnPlace {
        enrollment_id: row.id,
        status,
        position,
        may_cancel: may_cancel_enrollment(status, today, closes_on),
    })
}

/// The signed-in person's enrollments, newest first.
pub async fn own<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<OwnEnrollment>, AppError> {
    let rows = enrollment::Entity::find()
        .filter(enrollment::Column::PersonId.eq(actor.person_id))
        .order_by_desc(enrollment::Column::Id)
        .limit(OWN_SHOWN)
        .all(conn)
        .await?;
    let courses = courses_of(conn, rows.iter().map(|r| r.offer_id)).await?;
    let nominators = names_of(conn, rows.iter().filter_map(|r| r.nominated_by)).await?;
    let positions = seats::line_positions(conn, &rows).await?;
    let certificates = certificates::codes_of(conn, rows.iter().map(|r| r.id)).await?;
    let reactions = evaluations::reactions_of(conn, rows.iter().map(|r| r.id)).await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(course) = courses.get(&row.offer_id) else { continue };
        list.push(OwnEnrollment {
            place: place(&row, positions.get(&row.id).copied(), course.closes_on)?,
            course_slug: course.slug.clone(),
            course_title: course.title.clone(),
            university: course.university.clone(),
            first_day: course.first_day,
            jp: course.jp,
            nominated_by: row.nominated_by.and_then(|id| nominators.get(&id).cloned()),
            note: row.note,
            created_at: row.created_at,
            attendance_percent: row.attendance_percent,
            post_test: row.post_test,
            min_attendance_percent: course.min_attendance_percent,
            min_post_test: course.min_post_test,
            completed_at: row.completed_at,
            certificate: certificates.get(&row.id).cloned(),
            reaction: reactions.get(&row.id).copied(),
        });
    }
    Ok(list)
}

/// What the pages say about a course next to an enrollment.
struct CourseLine {
    slug: String,
    title: String,
    university: String,
    first_day: Option<chrono::NaiveDate>,
    jp: i32,
    closes_on: chrono::NaiveDate,
    min_attendance_percent: i16,
    min_post_test: i16,
}

async fn courses_of<C: ConnectionTrait>(
    conn: &C,
    ids: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, CourseLine>, AppError> {
    let ids: Vec<i32> = ids.collect();
    let offers =
        offer::Entity::find().filter(offer::Column::Id.is_in(ids.clone())).all(conn).await?;
    let details: HashMap<i32, course_detail::Model> = course_detail::Entity::find()
        .filter(course_detail::Column::OfferId.is_in(ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.offer_id, d))
        .collect();
    let mut first_days: HashMap<i32, chrono::NaiveDate> = HashMap::new();
    for session in course_session::Entity::find()
        .filter(course_session::Column::OfferId.is_in(ids))
        .all(conn)
        .await?
    {
        let day = session.starts_at.with_timezone(&WIB).date_naive();
        first_days.entry(session.offer_id).and_modify(|d| *d = (*d).min(day)).or_insert(day);
    }
    let universities: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(offers.iter().map(|o| o.university_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(offers
        .into_iter()
        .filter_map(|o| {
            let details = details.get(&o.id)?;
            Some((
                o.id,
                CourseLine {
                    first_day: first_days.get(&o.id).copied(),
                    university: universities.get(&o.university_id).cloned().unwrap_or_default(),
                    jp: details.jp,
                    closes_on: details.enrollment_closes_on,
                    min_attendance_percent: details.min_attendance_percent,
                    min_post_test: details.min_post_test_score,
                    slug: o.slug,
                    title: o.title,
                },
            ))
        })
        .collect())
}

async fn names_of<C: ConnectionTrait>(
    conn: &C,
    ids: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids.collect::<Vec<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect())
}

/// The agencies `actor` leads, each with its approval rule and the enrollments waiting.
pub async fn approvals<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<Vec<AgencyApprovals>, AppError> {
    let led = actor.organisations_as(Role::AgencyLead);
    if led.is_empty() {
        return Err(AppError::Forbidden);
    }
    let agencies = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(led))
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?;
    let mut result = Vec::with_capacity(agencies.len());
    for agency in agencies {
        let rows = enrollment::Entity::find()
            .filter(enrollment::Column::AgencyId.eq(agency.id))
            .filter(enrollment::Column::Status.eq(EnrollmentStatus::Pending.as_db()))
            .order_by_asc(enrollment::Column::Id)
            .limit(PENDING_SHOWN)
            .all(conn)
            .await?;
        let courses = courses_of(conn, rows.iter().map(|r| r.offer_id)).await?;
        let people =
            staff_of(conn, agency.id, Some(rows.iter().map(|r| r.person_id).collect())).await?;
        let pending = rows
            .into_iter()
            .filter_map(|row| {
                let course = courses.get(&row.offer_id)?;
                let who = people.iter().find(|p| p.person_id == row.person_id);
                Some(PendingEnrollment {
                    enrollment_id: row.id,
                    person: who.map(|p| p.name.clone()).unwrap_or_default(),
                    nip: who.and_then(|p| p.nip.clone()),
                    unit: who.and_then(|p| p.unit.clone()),
                    course_slug: course.slug.clone(),
                    course_title: course.title.clone(),
                    first_day: course.first_day,
                    jp: course.jp,
                    requested_at: row.created_at,
                })
            })
            .collect();
        result.push(AgencyApprovals {
            slug: agency.slug,
            name: agency.name,
            approval_required: agency.enrollment_approval,
            pending,
        });
    }
    Ok(result)
}

/// Whether the agency `slug`'s staff need a lead's approval to enroll; its leads decide.
pub async fn set_approval_rule<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    required: bool,
) -> Result<(), AppError> {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .filter(|a| actor.has_role_in(Role::AgencyLead, a.id))
        .ok_or(AppError::NotFound)?;
    organisation::Entity::update(organisation::ActiveModel {
        id: Set(agency.id),
        enrollment_approval: Set(required),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(())
}
