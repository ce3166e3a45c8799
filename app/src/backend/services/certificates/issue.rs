//! Issuing certificates when a course closes: one per completed place, in the transaction that
//! closes the course, with what it says fixed on that day and the JP credited through the LAN
//! conversion table's row of the course to the holder's JP ledger; the levels the course brings
//! join the holders' current competency levels.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::backend::entities::{
    certificate, course_detail, course_session, enrollment, learning_form, offer, organisation,
    person,
};
use crate::backend::services::learning_forms::basis_of;
use crate::backend::services::{assessments, jp_ledger};
use crate::domain::calendar::WIB;
use crate::domain::jp::{Learning, Scope};
use crate::error::AppError;
use crate::model::{CERTIFICATE_CODE_ALPHABET as CODE_ALPHABET, CERTIFICATE_CODE_LEN as CODE_LEN};

/// A fresh certificate code: `CODE_LEN` characters from the OS generator (5 bits each; 256 is
/// a multiple of 32, so every character is equally likely).
pub fn new_code() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; CODE_LEN];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| char::from(CODE_ALPHABET[usize::from(b & 31)])).collect()
}

/// The JP a participant of the course earns: the course's JP through its row of the
/// conversion table, over the distinct days of its sessions.
pub async fn credited_jp<C: ConnectionTrait>(
    conn: &C,
    details: &course_detail::Model,
    session_days: u32,
) -> Result<i32, AppError> {
    let row = learning_form::Entity::find_by_id(details.learning_form_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("course without its learning form"))?;
    let basis =
        basis_of(&row).ok_or_else(|| AppError::internal(format!("JP basis {}", row.basis)))?;
    let learning = Learning {
        scope: if details.international { Scope::International } else { Scope::National },
        programme_jp: u32::try_from(details.jp).unwrap_or(0),
        days: session_days,
    };
    Ok(i32::try_from(basis.credit(learning)).unwrap_or(i32::MAX))
}

/// Rows written per statement: far below every database's limit on bound parameters.
const CHUNK: usize = 500;

/// Issues the certificates of the course's `completed` places and credits their JP; returns
/// how many were issued. A few statements per 500 places, not two per place.
pub(crate) async fn issue_for<C: ConnectionTrait>(
    conn: &C,
    course: &offer::Model,
    details: &course_detail::Model,
    completed: &[enrollment::Model],
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    if completed.is_empty() {
        return Ok(0);
    }
    let days: BTreeSet<chrono::NaiveDate> = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.starts_at.with_timezone(&WIB).date_naive())
        .collect();
    let jp = credited_jp(conn, details, u32::try_from(days.len()).unwrap_or(u32::MAX)).await?;
    let university = organisation::Entity::find_by_id(course.university_id)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal("course without its university"))?;
    let snapshot = Snapshot {
        course,
        university: &university,
        jp,
        first_day: days.first().copied(),
        last_day: days.last().copied(),
        now,
    };
    for places in completed.chunks(CHUNK) {
        let people: HashMap<i32, person::Model> = person::Entity::find()
            .filter(person::Column::Id.is_in(places.iter().map(|e| e.person_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let rows = places
            .iter()
            .map(|place| {
                let holder = people.get(&place.person_id).ok_or(AppError::NotFound)?;
                Ok(snapshot.row(place, holder))
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        certificate::Entity::insert_many(rows).exec_without_returning(conn).await?;
        // Read back for their ids: the JP lines point at them.
        let issued = certificate::Entity::find()
            .filter(certificate::Column::EnrollmentId.is_in(places.iter().map(|e| e.id)))
            .all(conn)
            .await?;
        let agency_of: HashMap<i32, i32> = places.iter().map(|e| (e.id, e.agency_id)).collect();
        let credited = issued
            .iter()
            .filter_map(|cert| agency_of.get(&cert.enrollment_id).map(|&agency| (cert, agency)));
        jp_ledger::credit_courses(conn, credited, details).await?;
        // What the course brings now counts in the holders' profiles.
        assessments::refresh_levels(conn, places.iter().map(|e| e.person_id)).await?;
    }
    Ok(completed.len())
}

/// What every certificate of one closing says besides its holder.
struct Snapshot<'a> {
    course: &'a offer::Model,
    university: &'a organisation::Model,
    jp: i32,
    first_day: Option<chrono::NaiveDate>,
    last_day: Option<chrono::NaiveDate>,
    now: DateTime<Utc>,
}

impl Snapshot<'_> {
    fn row(&self, place: &enrollment::Model, holder: &person::Model) -> certificate::ActiveModel {
        certificate::ActiveModel {
            code: Set(new_code()),
            enrollment_id: Set(place.id),
            person_id: Set(place.person_id),
            offer_id: Set(self.course.id),
            university_id: Set(self.university.id),
            holder_name: Set(holder.full_name.clone()),
            holder_nip: Set(holder.nip.clone()),
            course_title: Set(self.course.title.clone()),
            university_name: Set(self.university.name.clone()),
            jp: Set(self.jp),
            first_day: Set(self.first_day),
            last_day: Set(self.last_day),
            completed_on: Set(self.now.with_timezone(&WIB).date_naive()),
            issued_at: Set(self.now),
            revoked_at: Set(None),
            revoked_by: Set(None),
            revoke_reason: Set(String::new()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_from_the_alphabet_and_differ() {
        let codes: BTreeSet<String> = (0..1_000).map(|_| new_code()).collect();
        assert_eq!(codes.len(), 1_000, "no two of a thousand alike");
        for code in &codes {
            assert_eq!(code.len(), CODE_LEN);
            assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{code}");
            assert_eq!(crate::model::normalise_certificate_code(code).as_deref(), Some(&**code));
        }
        // Every character of the alphabet turns up among 20,000 draws.
        let seen: BTreeSet<char> = codes.iter().flat_map(|c| c.chars()).collect();
        assert_eq!(seen.len(), CODE_ALPHABET.len());
    }
}
