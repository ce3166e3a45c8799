//! Who sits in a collaboration's reserved seats, and the agency's staff its leads may still
//! nominate into them.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::active_in;
use crate::backend::auth::Actor;
use crate::backend::entities::{
    certificate, collaboration, competency, competency_need_detail, enrollment, offer,
    offer_competency, seat_pool,
};
use crate::backend::services::notifications;
use crate::backend::services::people::{active_staff, staff_ids};
use crate::error::AppError;
use crate::model::{
    CollaborationSeats, CompetencyTag, EnrollmentStatus, Nominee, NotificationEvent, Role,
    StaffChoice, StaffFilter,
};

/// The civil servants of the agency (only `only`, when given), by name.
pub(super) async fn staff_of<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    only: Option<Vec<i32>>,
) -> Result<Vec<StaffChoice>, AppError> {
    let mut staff: Vec<StaffChoice> = active_staff(conn, agency_id, only)
        .await?
        .into_iter()
        .map(|(m, p)| StaffChoice { person_id: p.id, name: p.full_name, nip: p.nip, unit: m.unit })
        .collect();
    staff.sort_by(|a, b| a.name.cmp(&b.name).then(a.person_id.cmp(&b.person_id)));
    Ok(staff)
}

/// The reserved seats of the collaboration `collaboration_id` and who holds them, for its
/// parties and the province; `None` when it reserved no seats on a course. The agency's leads
/// also get the staff they may still nominate, narrowed by `filter`.
pub async fn collaboration_seats<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    collaboration_id: i32,
    filter: StaffFilter,
) -> Result<Option<CollaborationSeats>, AppError> {
    let found = collaboration::Entity::find_by_id(collaboration_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let lead = actor.has_role_in(Role::AgencyLead, found.agency_id);
    let academic = actor.has_role_in(Role::Academic, found.university_id)
        || actor.has_role_in(Role::UniversityCoordinator, found.university_id);
    if !lead && !academic && !actor.is_province_admin() {
        return Err(AppError::NotFound);
    }
    let Some(pool) = seat_pool::Entity::find()
        .filter(seat_pool::Column::CollaborationId.eq(found.id))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let rows = enrollment::Entity::find()
        .filter(enrollment::Column::PoolId.eq(pool.id))
        .order_by_asc(enrollment::Column::Id)
        .all(conn)
        .await?;
    let named =
        staff_of(conn, found.agency_id, Some(rows.iter().map(|r| r.person_id).collect())).await?;
    let nominees = rows
        .iter()
        .filter_map(|row| {
            let who = named.iter().find(|p| p.person_id == row.person_id)?;
            Some(Nominee {
                name: who.name.clone(),
                unit: who.unit.clone(),
                status: EnrollmentStatus::from_db(&row.status)?,
            })
        })
        .collect();
    let live = ["agreed", "running"].contains(&found.status.as_str());
    let may_nominate = lead && live && pool.taken < pool.capacity;
    let need = competency_need_detail::Entity::find_by_id(found.need_id).one(conn).await?;
    let target = match &need {
        Some(need) => competency::Entity::find_by_id(need.competency_id)
            .one(conn)
            .await?
            .map(|c| (c, need.target_level)),
        None => None,
    };
    let (staff, units) = if lead {
        let gap = target.as_ref().filter(|_| filter.gap_only).map(|(c, level)| (c.id, *level));
        nominable(conn, found.agency_id, pool.offer_id, filter.unit.as_deref(), gap).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let completed = rows.iter().filter(|r| r.status == EnrollmentStatus::Completed.as_db()).count();
    let headcount = need.and_then(|n| u32::try_from(n.headcount).ok());
    let gap_target = target.map(|(c, level)| CompetencyTag {
        code: c.code,
        name_id: c.name_id,
        name_en: c.name_en,
        level: u8::try_from(level).ok(),
    });
    Ok(Some(CollaborationSeats {
        reserved: pool.capacity,
        taken: pool.taken,
        completed: u32::try_from(completed).unwrap_or(u32::MAX),
        headcount,
        nominees,
        staff,
        units,
        filter,
        gap_target,
        may_nominate,
    }))
}

/// The agency's staff not yet in the course (of `unit` when given; with `gap`, only those who
/// have not reached that competency's level), and every unit of its staff.
async fn nominable<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    offer_id: i32,
    unit: Option<&str>,
    gap: Option<(i32, i16)>,
) -> Result<(Vec<StaffChoice>, Vec<String>), AppError> {
    let everyone = staff_of(conn, agency_id, None).await?;
    let reached = match gap {
        Some((competency_id, level)) => reached(conn, agency_id, competency_id, level).await?,
        None => HashSet::new(),
    };
    let active: HashSet<i32> = active_in(offer_id)
        .select_only()
        .column(enrollment::Column::PersonId)
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut units: Vec<String> = everyone.iter().filter_map(|p| p.unit.clone()).collect();
    units.sort();
    units.dedup();
    let staff = everyone
        .into_iter()
        .filter(|p| !active.contains(&p.person_id) && !reached.contains(&p.person_id))
        .filter(|p| unit.is_none_or(|u| p.unit.as_deref() == Some(u)))
        .collect();
    Ok((staff, units))
}

/// The agency's staff holding a certificate that stands from a course bringing the competency
/// `competency_id` to `level` or above. Until assessments give each civil servant a profile,
/// such certificates are the only evidence of a level reached.
async fn reached<C: ConnectionTrait>(
    conn: &C,
    agency_id: i32,
    competency_id: i32,
    level: i16,
) -> Result<HashSet<i32>, AppError> {
    // Subqueries rather than lists of ids: an agency may have thousands of staff.
    let bringing = Query::select()
        .column(offer_competency::Column::OfferId)
        .from(offer_competency::Entity)
        .and_where(offer_competency::Column::CompetencyId.eq(competency_id))
        .and_where(offer_competency::Column::Level.gte(level))
        .to_owned();
    let staff = staff_ids(agency_id);
    let people = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::PersonId)
        .distinct()
        .filter(certificate::Column::RevokedAt.is_null())
        .filter(certificate::Column::OfferId.in_subquery(bringing))
        .filter(certificate::Column::PersonId.in_subquery(staff))
        .into_tuple::<i32>()
        .all(conn)
        .await?;
    Ok(people.into_iter().collect())
}

/// The collaboration `collaboration_id` was cancelled (inside that transaction, with `note`):
/// the places still going in its reserved seats end, the seats go with it, and each nominee is
/// told. Places already completed or not stay as history.
pub(crate) async fn collaboration_cancelled<C: ConnectionTrait>(
    conn: &C,
    collaboration_id: i32,
    note: &str,
) -> Result<(), AppError> {
    let Some(pool) = seat_pool::Entity::find()
        .filter(seat_pool::Column::CollaborationId.eq(collaboration_id))
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let pool = super::seats::lock(conn, pool.id).await?;
    let ending = enrollment::Entity::find()
        .filter(enrollment::Column::PoolId.eq(pool.id))
        .filter(enrollment::Column::Status.is_in(EnrollmentStatus::ACTIVE.map(|s| s.as_db())))
        .all(conn)
        .await?;
    let now = Utc::now();
    enrollment::Entity::update_many()
        .col_expr(enrollment::Column::Status, EnrollmentStatus::Cancelled.as_db().into())
        .col_expr(enrollment::Column::Note, note.to_owned().into())
        .col_expr(enrollment::Column::UpdatedAt, now.into())
        .filter(enrollment::Column::Id.is_in(ending.iter().map(|e| e.id)))
        .exec(conn)
        .await?;
    // What stays seated is history (completed or not); the pool shrinks to it.
    let seated = ending.iter().filter(|e| e.status != EnrollmentStatus::Waitlisted.as_db()).count();
    let kept = pool.taken - i32::try_from(seated).unwrap_or(pool.taken);
    seat_pool::Entity::update(seat_pool::ActiveModel {
        id: Set(pool.id),
        taken: Set(kept),
        waiting: Set(0),
        capacity: Set(kept),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let course = offer::Entity::find_by_id(pool.offer_id)
        .one(conn)
        .await?
        .map(|o| o.title)
        .unwrap_or_default();
    let people: Vec<i32> = ending.iter().map(|e| e.person_id).collect();
    let event = NotificationEvent::NominationEnded { course, note: note.to_owned() };
    notifications::notify(conn, &people, &event, "/kursus-saya").await
}
