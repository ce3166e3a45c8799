//! Writing a course: create a draft, save changes (a draft, or a published course being
//! corrected), with its sessions, details, competencies, instructors and search text.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};

use super::{
    SearchText, authoring_university, draft_row, for_editing, free_slug, record_status,
    resolve_competencies, write_children,
};
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{
    attendance, check_in_code, competency, course_detail, course_session, learning_form, offer,
    organisation,
};
use crate::backend::services::enrollments;
use crate::domain::calendar::WIB;
use crate::error::AppError;
use crate::model::{
    CourseDraft, FieldError, OfferKind, OfferStatus, Region, SessionDraft, ValidationCode,
};

/// Creates a draft course of the university `university_slug`; returns its slug.
pub async fn create_course<C>(
    conn: &C,
    actor: &Actor,
    university_slug: &str,
    draft: &CourseDraft,
) -> Result<String, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let university = authoring_university(&txn, actor, university_slug).await?;
    let (_, slug) = insert_course(&txn, &university, actor.person_id, draft).await?;
    txn.commit().await?;
    Ok(slug)
}

/// Writes a validated draft course by `author_id`; its id and slug. The caller checked the
/// author may and holds the transaction (the demo seed writes many in one).
pub(crate) async fn insert_course<C: ConnectionTrait>(
    conn: &C,
    university: &organisation::Model,
    author_id: i32,
    draft: &CourseDraft,
) -> Result<(i32, String), AppError> {
    let (competencies, form) = references(conn, draft).await?;
    let slug = free_slug(conn, &draft.title).await?;
    let mut row = draft_row(OfferKind::Course, university.id, author_id, &slug);
    fill(&mut row, draft, &competencies, university, &form);
    let created = row.insert(conn).await?;
    write_course(conn, created.id, draft, &competencies, &form).await?;
    record_status(conn, created.id, None, OfferStatus::Draft, author_id, "").await?;
    Ok((created.id, slug))
}

/// Saves a new version of the course `slug` (its slug stays: links to it keep working).
pub async fn update_course<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    draft: &CourseDraft,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    draft.validate().map_err(AppError::Invalid)?;
    let txn = db::begin_write(conn).await?;
    let found = for_editing(&txn, actor, OfferKind::Course, slug).await?;
    let university = organisation::Entity::find_by_id(found.university_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let (competencies, form) = references(&txn, draft).await?;
    let id = found.id;
    let mut row: offer::ActiveModel = found.into();
    fill(&mut row, draft, &competencies, &university, &form);
    row.update(&txn).await?;
    course_detail::Entity::delete_by_id(id).exec(&txn).await?;
    write_course(&txn, id, draft, &competencies, &form).await?;
    txn.commit().await?;
    Ok(())
}

/// The dictionary entries and the learning form the draft names; unknown ones are field errors.
async fn references<C: ConnectionTrait>(
    conn: &C,
    draft: &CourseDraft,
) -> Result<(Vec<(competency::Model, Option<i16>)>, learning_form::Model), AppError> {
    let competencies = resolve_competencies(conn, &draft.competencies).await?;
    let form = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq(draft.learning_form.trim()))
        .one(conn)
        .await?
        .ok_or_else(|| {
            AppError::Invalid(vec![FieldError::new("learning_form", ValidationCode::UnknownChoice)])
        })?;
    Ok((competencies, form))
}

/// The `offers` columns of a course: its text, the filterable facts and the search text.
fn fill(
    row: &mut offer::ActiveModel,
    draft: &CourseDraft,
    competencies: &[(competency::Model, Option<i16>)],
    university: &organisation::Model,
    form: &learning_form::Model,
) {
    let region = Region::by_code(draft.region_code.trim());
    let people: Vec<&str> =
        draft.instructors.iter().flat_map(|p| [p.name.as_str(), p.role.as_str()]).collect();
    let mut body = vec![draft.description.as_str(), draft.prerequisites.as_str(), &form.name_id];
    body.extend(region.map(|r| r.name));
    body.extend(people);
    let search = SearchText::new(&draft.title, &draft.summary, competencies, university, &body);
    row.title = Set(draft.title.trim().to_owned());
    row.summary = Set(draft.summary.trim().to_owned());
    row.description = Set(draft.description.trim().to_owned());
    row.mode = Set(Some(draft.mode.as_db().to_owned()));
    row.region_code = Set(region.map(|r| r.code.to_owned()));
    row.fee_rupiah = Set(Some(draft.fee_rupiah));
    row.starts_on = Set(draft.first_day());
    row.search_title = Set(search.title);
    row.search_keywords = Set(search.keywords);
    row.search_body = Set(search.body);
    row.updated_at = Set(Utc::now());
}

/// Details, sessions, competencies and instructors of the course `offer_id`.
async fn write_course<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    draft: &CourseDraft,
    competencies: &[(competency::Model, Option<i16>)],
    form: &learning_form::Model,
) -> Result<(), AppError> {
    // The draft was validated: these narrowing conversions cannot fail.
    let narrow = |value: i64| i32::try_from(value).map_err(AppError::internal);
    let small = |value: i64| i16::try_from(value).map_err(AppError::internal);
    course_detail::ActiveModel {
        offer_id: Set(offer_id),
        jp: Set(narrow(draft.jp)?),
        learning_form_id: Set(form.id),
        international: Set(draft.international),
        capacity: Set(narrow(draft.capacity)?),
        prerequisites: Set(draft.prerequisites.trim().to_owned()),
        min_attendance_percent: Set(small(draft.min_attendance_percent)?),
        min_post_test_score: Set(small(draft.min_post_test_score)?),
        enrollment_opens_on: Set(draft.enrollment_opens_on),
        enrollment_closes_on: Set(draft.enrollment_closes_on),
    }
    .insert(conn)
    .await?;
    enrollments::set_open_capacity(conn, offer_id, narrow(draft.capacity)?).await?;
    keep_sessions(conn, offer_id, &draft.sessions).await?;
    write_children(conn, offer_id, competencies, &draft.instructors).await
}

/// Writes the course's sessions in time order over the ones it had, row by row, so that each
/// keeps its id (attendance is recorded against it); extra rows are added, surplus removed.
async fn keep_sessions<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
    drafts: &[SessionDraft],
) -> Result<(), AppError> {
    let mut wanted = Vec::with_capacity(drafts.len());
    for session in drafts {
        let starts_at = in_wib(session.date, session.starts)?;
        wanted.push((starts_at, in_wib(session.date, session.ends)?, session.place.trim()));
    }
    wanted.sort_by_key(|(starts_at, _, _)| *starts_at);
    let had = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(offer_id))
        .order_by_asc(course_session::Column::StartsAt)
        .order_by_asc(course_session::Column::Id)
        .all(conn)
        .await?;
    for (i, (starts_at, ends_at, place)) in wanted.iter().enumerate() {
        let mut row = match had.get(i) {
            Some(old) => course_session::ActiveModel { id: Set(old.id), ..Default::default() },
            None => course_session::ActiveModel { offer_id: Set(offer_id), ..Default::default() },
        };
        row.starts_at = Set(*starts_at);
        row.ends_at = Set(*ends_at);
        row.place = Set((*place).to_owned());
        if had.get(i).is_some() {
            row.update(conn).await?;
        } else {
            row.insert(conn).await?;
        }
    }
    if had.len() > wanted.len() {
        let surplus: Vec<i32> = had[wanted.len()..].iter().map(|s| s.id).collect();
        // A session someone attended is part of their record: it is moved, never dropped.
        let attended = attendance::Entity::find()
            .filter(attendance::Column::SessionId.is_in(surplus.clone()))
            .count(conn)
            .await?;
        if attended > 0 {
            return Err(AppError::Invalid(vec![FieldError::new(
                "sessions",
                ValidationCode::HasAttendance,
            )]));
        }
        check_in_code::Entity::delete_many()
            .filter(check_in_code::Column::SessionId.is_in(surplus.clone()))
            .exec(conn)
            .await?;
        course_session::Entity::delete_many()
            .filter(course_session::Column::Id.is_in(surplus))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// A date and wall-clock time in Lampung, as the UTC instant it is.
fn in_wib(date: NaiveDate, time: NaiveTime) -> Result<chrono::DateTime<Utc>, AppError> {
    WIB.from_local_datetime(&date.and_time(time))
        .single()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| AppError::internal(format!("{date} {time} is not a WIB time")))
}

/// A session as the form shows it again (for editing).
pub fn session_draft(model: &course_session::Model) -> SessionDraft {
    let starts = model.starts_at.with_timezone(&WIB);
    let ends = model.ends_at.with_timezone(&WIB);
    SessionDraft {
        date: starts.date_naive(),
        starts: starts.time(),
        ends: ends.time(),
        place: model.place.clone(),
    }
}
