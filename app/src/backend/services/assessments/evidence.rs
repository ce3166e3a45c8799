//! Evidence of a level: each certificate a civil servant holds that stands (not revoked) counts
//! as the level its course brings in each competency it develops. Read live, so a revocation
//! takes the evidence away at once.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::entry;
use crate::backend::entities::{certificate, offer_competency};
use crate::domain::profile::Rating;
use crate::error::AppError;
use crate::model::{AssessmentEntry, AssessmentKind};

/// The evidence ratings of `person_id`, each with its history line ("course — university").
pub(super) async fn of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<(Rating, AssessmentEntry)>, AppError> {
    let held = certificate::Entity::find()
        .filter(certificate::Column::PersonId.eq(person_id))
        .filter(certificate::Column::RevokedAt.is_null())
        .all(conn)
        .await?;
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let brought = offer_competency::Entity::find()
        .filter(offer_competency::Column::OfferId.is_in(held.iter().map(|c| c.offer_id)))
        .filter(offer_competency::Column::Level.is_not_null())
        .all(conn)
        .await?;
    let mut found = Vec::new();
    for cert in &held {
        for course in brought.iter().filter(|b| b.offer_id == cert.offer_id) {
            let Some(level) = course.level else { continue };
            let rating = Rating {
                competency_id: course.competency_id,
                kind: AssessmentKind::Evidence,
                level,
                at: cert.issued_at,
            };
            let by = format!("{} — {}", cert.course_title, cert.university_name);
            found.push((rating, entry(rating, by, String::new())));
        }
    }
    Ok(found)
}
