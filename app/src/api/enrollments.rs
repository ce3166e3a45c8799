//! Server functions of enrollment: a course's seats and the viewer's place, enrolling and giving
//! a place up, a civil servant's own courses, an agency lead's approvals and rule, and
//! nominating staff into a collaboration's seats.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{
    AgencyApprovals, CollaborationSeats, CourseSeats, EnrollmentOutcome, OwnEnrollment,
};

/// Public: the seats of the course `slug`, and the signed-in viewer's place in it.
#[server]
pub async fn get_course_seats(slug: String) -> Result<CourseSeats, AppError> {
    let result = async {
        let state = crate::backend::AppState::current()?;
        let session = crate::backend::auth::CurrentSession::of_request();
        crate::backend::services::enrollments::course_seats(
            &state.db,
            session.actor.as_ref(),
            &slug,
        )
        .await
    };
    super::report(result.await)
}

/// A civil servant asks for a seat of the course `slug` (`waitlist`: a place in line if full).
#[server]
pub async fn enroll(slug: String, waitlist: bool) -> Result<EnrollmentOutcome, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::enroll(&state.db, &actor, &slug, waitlist).await
    };
    super::report(result.await)
}

/// Gives up the place `id`: one's own, or (with a reason) a staff member's by their lead.
#[server]
pub async fn cancel_enrollment(id: i32, note: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::cancel(&state.db, &actor, id, &note).await
    };
    super::report(result.await)
}

/// The signed-in person's enrollments.
#[server]
pub async fn get_own_enrollments() -> Result<Vec<OwnEnrollment>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::own(&state.db, &actor).await
    };
    super::report(result.await)
}

/// The agencies the signed-in lead leads, with their rule and the enrollments waiting.
#[server]
pub async fn get_enrollment_approvals() -> Result<Vec<AgencyApprovals>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::approvals(&state.db, &actor).await
    };
    super::report(result.await)
}

/// The lead approves (`approve`) or refuses (saying why in `note`) the pending enrollment `id`.
#[server]
pub async fn decide_enrollment(id: i32, approve: bool, note: String) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let db = &state.db;
        if approve {
            crate::backend::services::enrollments::approve(db, &actor, id).await
        } else {
            crate::backend::services::enrollments::refuse(db, &actor, id, &note).await
        }
    };
    super::report(result.await)
}

/// Whether the agency `agency`'s staff need a lead's approval to enroll.
#[server]
pub async fn set_enrollment_approval(agency: String, required: bool) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::set_approval_rule(
            &state.db, &actor, &agency, required,
        )
        .await
    };
    super::report(result.await)
}

/// The reserved seats of collaboration `id` and their holders (staff to nominate, for its
/// agency's leads, of `unit` and, with `gap_only`, only those short of the need's level).
#[server]
pub async fn get_collaboration_seats(
    id: i32,
    unit: Option<String>,
    #[server(default)] gap_only: bool,
) -> Result<Option<CollaborationSeats>, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        let filter =
            crate::model::StaffFilter { unit: unit.filter(|u| !u.trim().is_empty()), gap_only };
        crate::backend::services::enrollments::collaboration_seats(&state.db, &actor, id, filter)
            .await
    };
    super::report(result.await)
}

/// The agency lead nominates `people` (person ids) into collaboration `id`'s seats.
#[server]
pub async fn nominate_staff(id: i32, #[server(default)] people: Vec<i32>) -> Result<(), AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::enrollments::nominate(&state.db, &actor, id, &people).await
    };
    super::report(result.await)
}
