//! Attendance and assessment of a course, by its university's academics: the participant sheet
//! (sessions × participants, a page at a time, in a fixed number of statements), ticking who
//! was present at a session for a whole list at once, and the pre- and post-test scores.
//! Participants check themselves in with a session's code (`check_in`).

mod check_in;
mod score_import;

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

pub use check_in::{check_in, open_check_in};
pub use score_import::{MAX_SCORE_FILE_BYTES, import_scores};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    attendance, check_in_code, course_session, enrollment, offer, organisation, person,
};
use crate::error::AppError;
use crate::model::{
    AttendanceSheet, CheckInView, EnrollmentStatus, FieldError, OfferKind, OfferStatus,
    ParticipantRow, Role, SHEET_PAGE_SIZE, ScoreRow, SessionColumn, ValidationCode,
};

/// The states of a participant: a confirmed seat, whatever came of it.
const PARTICIPATING: [EnrollmentStatus; 3] =
    [EnrollmentStatus::Enrolled, EnrollmentStatus::Completed, EnrollmentStatus::NotCompleted];

fn participating() -> impl Iterator<Item = &'static str> {
    PARTICIPATING.into_iter().map(|s| s.as_db())
}

/// The course `slug` (not a draft) if `actor` teaches at its university.
pub(crate) async fn taught_course<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<offer::Model, AppError> {
    offer::Entity::find()
        .filter(offer::Column::Slug.eq(slug))
        .filter(offer::Column::Kind.eq(OfferKind::Course.as_db()))
        .filter(offer::Column::Status.ne(OfferStatus::Draft.as_db()))
        .one(conn)
        .await?
        .filter(|o| teaches(actor, o))
        .ok_or(AppError::NotFound)
}

fn teaches(actor: &Actor, course: &offer::Model) -> bool {
    actor.has_role_in(Role::Academic, course.university_id)
        || actor.has_role_in(Role::UniversityCoordinator, course.university_id)
}

/// Page `page` (1-based) of the participant sheet of the course `slug`.
pub async fn sheet<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    page: u64,
) -> Result<AttendanceSheet, AppError> {
    let course = taught_course(conn, actor, slug).await?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(conn)
        .await?;
    let session_ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let codes: HashMap<i32, check_in_code::Model> = check_in_code::Entity::find()
        .filter(check_in_code::Column::SessionId.is_in(session_ids.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.session_id, c))
        .collect();
    let counts: HashMap<i32, i64> = attendance::Entity::find()
        .select_only()
        .column(attendance::Column::SessionId)
        .column_as(attendance::Column::EnrollmentId.count(), "present")
        .filter(attendance::Column::SessionId.is_in(session_ids.clone()))
        .group_by(attendance::Column::SessionId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let participants = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.is_in(participating()))
        .count(conn)
        .await?;
    let pages = participants.div_ceil(SHEET_PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let rows = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.is_in(participating()))
        .order_by_asc(enrollment::Column::Id)
        .offset((page - 1) * SHEET_PAGE_SIZE)
        .limit(SHEET_PAGE_SIZE)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let certificates = super::certificates::codes_of(conn, ids.iter().copied()).await?;
    let present: HashSet<(i32, i32)> = attendance::Entity::find()
        .select_only()
        .column(attendance::Column::SessionId)
        .column(attendance::Column::EnrollmentId)
        .filter(attendance::Column::EnrollmentId.is_in(ids))
        .into_tuple::<(i32, i32)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(rows.iter().map(|r| r.person_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let agencies: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|r| r.agency_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.short_name))
        .collect();
    let rows = rows
        .into_iter()
        .map(|row| {
            let who = people.get(&row.person_id);
            ParticipantRow {
                enrollment_id: row.id,
                name: who.map(|p| p.full_name.clone()).unwrap_or_default(),
                nip: who.and_then(|p| p.nip.clone()),
                agency: agencies.get(&row.agency_id).cloned().unwrap_or_default(),
                status: EnrollmentStatus::from_db(&row.status)
                    .unwrap_or(EnrollmentStatus::Enrolled),
                present: session_ids.iter().map(|s| present.contains(&(*s, row.id))).collect(),
                pre_test: row.pre_test,
                post_test: row.post_test,
                certificate: certificates.get(&row.id).cloned(),
            }
        })
        .collect();
    let sessions = sessions
        .into_iter()
        .map(|s| SessionColumn {
            id: s.id,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            present: u32::try_from(counts.get(&s.id).copied().unwrap_or(0)).unwrap_or(0),
            check_in: codes.get(&s.id).map(|c| CheckInView {
                code: c.code.clone(),
                opens_at: c.opens_at,
                closes_at: c.closes_at,
            }),
        })
        .collect();
    Ok(AttendanceSheet {
        course_slug: course.slug,
        course_title: course.title,
        sessions,
        rows,
        page,
        pages,
        participants,
    })
}

/// Sets who was present at the session `session_id` among the participants `shown` (a page of
/// the sheet): those in `present` are, the others are not. One transaction; a participant of
/// another course, or one not on the list, is refused.
pub async fn mark<C>(
    conn: &C,
    actor: &Actor,
    session_id: i32,
    shown: &[i32],
    present: &[i32],
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let shown: HashSet<i32> = shown.iter().copied().collect();
    let present: HashSet<i32> = present.iter().copied().collect();
    if !present.is_subset(&shown) {
        return Err(AppError::Invalid(vec![FieldError::new(
            "present",
            ValidationCode::UnknownChoice,
        )]));
    }
    let txn = db::begin_write(conn).await?;
    let session = course_session::Entity::find_by_id(session_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let course =
        offer::Entity::find_by_id(session.offer_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if !teaches(actor, &course) || course.status == OfferStatus::Draft.as_db() {
        return Err(AppError::NotFound);
    }
    let known: HashSet<i32> = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::Id)
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.is_in(participating()))
        .filter(enrollment::Column::Id.is_in(shown.iter().copied()))
        .into_tuple::<i32>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    if known.len() != shown.len() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "present",
            ValidationCode::UnknownChoice,
        )]));
    }
    let already: HashSet<i32> = attendance::Entity::find()
        .select_only()
        .column(attendance::Column::EnrollmentId)
        .filter(attendance::Column::SessionId.eq(session_id))
        .filter(attendance::Column::EnrollmentId.is_in(shown.iter().copied()))
        .into_tuple::<i32>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let absent: Vec<i32> = already.difference(&present).copied().collect();
    if !absent.is_empty() {
        attendance::Entity::delete_many()
            .filter(attendance::Column::SessionId.eq(session_id))
            .filter(attendance::Column::EnrollmentId.is_in(absent))
            .exec(&txn)
            .await?;
    }
    let now = Utc::now();
    let new: Vec<attendance::ActiveModel> = present
        .difference(&already)
        .map(|&enrollment_id| attendance::ActiveModel {
            session_id: Set(session_id),
            enrollment_id: Set(enrollment_id),
            method: Set("list".to_owned()),
            recorded_by: Set(actor.person_id),
            recorded_at: Set(now),
        })
        .collect();
    if !new.is_empty() {
        attendance::Entity::insert_many(new).exec_without_returning(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sets the pre- and post-test scores (0–100, or none) of participants of the course `slug`:
/// `(enrollment id, pre, post)`. All are checked before any is written.
pub async fn set_scores<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    scores: &[ScoreRow],
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let mut errors = Vec::new();
    for (id, pre, post) in scores {
        for (name, value) in [("pre", pre), ("post", post)] {
            if value.is_some_and(|v| !(0..=100).contains(&v)) {
                errors.push(FieldError::new(
                    format!("{name}_{id}"),
                    ValidationCode::OutOfRange { min: 0, max: 100 },
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let txn = db::begin_write(conn).await?;
    let course = taught_course(&txn, actor, slug).await?;
    let ids: Vec<i32> = scores.iter().map(|(id, _, _)| *id).collect();
    let known = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.is_in(participating()))
        .filter(enrollment::Column::Id.is_in(ids.clone()))
        .count(&txn)
        .await?;
    if usize::try_from(known).unwrap_or(0) != ids.iter().collect::<HashSet<_>>().len() {
        return Err(AppError::Invalid(vec![FieldError::form(ValidationCode::UnknownChoice)]));
    }
    for (id, pre, post) in scores {
        enrollment::Entity::update(enrollment::ActiveModel {
            id: Set(*id),
            pre_test: Set(*pre),
            post_test: Set(*post),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
