//! The evaluation aggregates of a course, and of each university over all its courses: read in a
//! few queries, summarised by `domain::evaluation`.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::backend::entities::{behaviour_review, course_evaluation, enrollment, offer};
use crate::domain::evaluation::{Outcome, Summary, summarise};
use crate::error::AppError;
use crate::model::EnrollmentStatus;

/// An ended enrollment as read: id, offer id, status, pre-test and post-test scores.
type EndedRow = (i32, i32, String, Option<i16>, Option<i16>);

const ENDED: [EnrollmentStatus; 2] = [EnrollmentStatus::Completed, EnrollmentStatus::NotCompleted];

/// The outcomes of the ended enrollments of the offers `offer_ids` (all offers when none), each
/// with its offer id.
async fn outcomes<C: ConnectionTrait>(
    conn: &C,
    offer_ids: Option<Vec<i32>>,
) -> Result<Vec<(i32, Outcome)>, AppError> {
    let mut ended = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::Id)
        .column(enrollment::Column::OfferId)
        .column(enrollment::Column::Status)
        .column(enrollment::Column::PreTest)
        .column(enrollment::Column::PostTest)
        .filter(enrollment::Column::Status.is_in(ENDED.map(|s| s.as_db())));
    let mut reactions = course_evaluation::Entity::find()
        .select_only()
        .column(course_evaluation::Column::EnrollmentId)
        .column(course_evaluation::Column::Reaction);
    let mut behaviours = behaviour_review::Entity::find()
        .select_only()
        .column(behaviour_review::Column::EnrollmentId)
        .column(behaviour_review::Column::Level)
        .filter(behaviour_review::Column::Level.is_not_null());
    if let Some(ids) = offer_ids {
        ended = ended.filter(enrollment::Column::OfferId.is_in(ids.clone()));
        reactions = reactions.filter(course_evaluation::Column::OfferId.is_in(ids.clone()));
        behaviours = behaviours.filter(behaviour_review::Column::OfferId.is_in(ids));
    }
    let reactions: HashMap<i32, i16> =
        reactions.into_tuple().all(conn).await?.into_iter().collect();
    let behaviours: HashMap<i32, Option<i16>> =
        behaviours.into_tuple().all(conn).await?.into_iter().collect();
    let rows: Vec<EndedRow> = ended.into_tuple().all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, offer_id, status, pre_test, post_test)| {
            let outcome = Outcome {
                completed: status == EnrollmentStatus::Completed.as_db(),
                pre_test,
                post_test,
                reaction: reactions.get(&id).copied(),
                behaviour: behaviours.get(&id).copied().flatten(),
            };
            (offer_id, outcome)
        })
        .collect())
}

/// The aggregates of the course `offer_id`.
pub async fn offer_summary<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<Summary, AppError> {
    let found = outcomes(conn, Some(vec![offer_id])).await?;
    Ok(summarise(found.into_iter().map(|(_, o)| o)))
}

/// The aggregates of every university over all its courses, by university id.
pub async fn university_summaries<C: ConnectionTrait>(
    conn: &C,
) -> Result<HashMap<i32, Summary>, AppError> {
    let universities: HashMap<i32, i32> = offer::Entity::find()
        .select_only()
        .column(offer::Column::Id)
        .column(offer::Column::UniversityId)
        .into_tuple()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut by_university: HashMap<i32, Vec<Outcome>> = HashMap::new();
    for (offer_id, outcome) in outcomes(conn, None).await? {
        if let Some(university) = universities.get(&offer_id) {
            by_university.entry(*university).or_default().push(outcome);
        }
    }
    Ok(by_university.into_iter().map(|(id, outcomes)| (id, summarise(outcomes))).collect())
}
