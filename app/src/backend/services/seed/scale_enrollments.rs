//! The enrollments of `seed --asn A --enrollments E` (`scale_people.rs`): E enrollments spread
//! evenly over the generated civil servants, each in distinct courses. Agencies differ in how
//! diligently their staff finish (so the dashboards have something to compare); a completed
//! enrollment carries its certificate and the credited JP line, issued over the last five
//! years, as closing a course would have written them.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter,
    QuerySelect,
};

use super::scale_people::{AGENCY_SLUG_PREFIX, CHUNK};
use crate::backend::entities::{certificate, enrollment, jp_entry};
use crate::domain::calendar::{WIB, ledger_year};
use crate::error::AppError;
use crate::model::{
    CERTIFICATE_CODE_ALPHABET, CERTIFICATE_CODE_LEN, EnrollmentStatus, JpEntryStatus, JpSource,
    OfferKind,
};

/// A generated civil servant, as enrollment needs them.
pub(super) struct ScaledStaff {
    pub person_id: i32,
    pub agency_id: i32,
    pub name: String,
    pub nip: String,
    /// Index into the standards `scale_people.rs` read.
    pub position: usize,
}

/// A course's open pool with what a certificate repeats of it.
#[derive(Debug, Clone, FromQueryResult)]
struct Course {
    pool_id: i32,
    offer_id: i32,
    university_id: i32,
    title: String,
    university_name: String,
    jp: i32,
    learning_form_id: i32,
}

/// Lets PostgreSQL plan for the tables as they are now. Its foreign-key checks keep the plan
/// made the first time they ran in a connection, when these tables were nearly empty: a
/// sequential scan, which over a million rows written in this transaction made the seed
/// quadratic (seconds per chunk after a while). `ANALYZE` (it sees the transaction's own rows)
/// invalidates those plans; run at chunks 0, 1, 2, 4, 8 … it costs a dozen runs in all.
async fn plan_for_current_sizes<C: ConnectionTrait>(conn: &C) -> Result<(), AppError> {
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        conn.execute_unprepared("ANALYZE people, memberships, enrollments, certificates").await?;
    }
    Ok(())
}

/// Writes `count` enrollments over `staff` and the certificates and JP lines of the completed
/// ones; returns the certificates written. The seat pools then count the seats held.
pub(super) async fn seed_enrollments<C: ConnectionTrait>(
    conn: &C,
    rng: &mut ChaCha8Rng,
    staff: &[ScaledStaff],
    count: usize,
) -> Result<usize, AppError> {
    if staff.is_empty() || count == 0 {
        return Ok(0);
    }
    let courses = courses(conn).await?;
    let each = count.div_ceil(staff.len());
    if courses.len() < each {
        return Err(AppError::internal(format!(
            "{each} enrollments per civil servant need as many courses; there are {}: \
             add offers with `seed --scale N`",
            courses.len()
        )));
    }
    // How likely an agency's staff finish a course: from one in three to nine in ten.
    let mut diligence: HashMap<i32, f64> = HashMap::new();
    let mut written = 0;
    let mut certificates = 0;
    let mut serial = 0u64;
    let people_per_chunk = (CHUNK / each).max(1);
    for (round, group) in staff.chunks(people_per_chunk).enumerate() {
        if round.is_power_of_two() || round == 0 {
            plan_for_current_sizes(conn).await?;
        }
        let mut places = Vec::new();
        for member in group {
            let finishes =
                *diligence.entry(member.agency_id).or_insert_with(|| rng.random_range(0.35..0.9));
            let first = rng.random_range(0..courses.len());
            for k in 0..each.min(count - written) {
                let course = &courses[(first + k) % courses.len()];
                let roll: f64 = rng.random();
                let status = if roll < finishes {
                    EnrollmentStatus::Completed
                } else if roll < finishes + 0.05 {
                    EnrollmentStatus::NotCompleted
                } else if roll < finishes + 0.1 {
                    EnrollmentStatus::Cancelled
                } else {
                    EnrollmentStatus::Enrolled
                };
                places.push(Place { member, course, status, issued: issued_at(rng) });
                written += 1;
            }
        }
        enrollment::Entity::insert_many(places.iter().map(Place::row))
            .exec_without_returning(conn)
            .await?;
        let ids: HashMap<(i32, i32), i32> = enrollment::Entity::find()
            .select_only()
            .column(enrollment::Column::PersonId)
            .column(enrollment::Column::OfferId)
            .column(enrollment::Column::Id)
            .filter(enrollment::Column::PersonId.is_in(group.iter().map(|m| m.person_id)))
            .into_tuple::<(i32, i32, i32)>()
            .all(conn)
            .await?
            .into_iter()
            .map(|(person, offer, id)| ((person, offer), id))
            .collect();
        let done: Vec<(&Place, i32)> = places
            .iter()
            .filter(|p| p.status == EnrollmentStatus::Completed)
            .filter_map(|p| Some((p, *ids.get(&(p.member.person_id, p.course.offer_id))?)))
            .collect();
        if done.is_empty() {
            continue;
        }
        certificate::Entity::insert_many(done.iter().map(|(place, enrollment_id)| {
            serial += 1;
            place.certificate(*enrollment_id, code(serial))
        }))
        .exec_without_returning(conn)
        .await?;
        let issued: HashMap<i32, i32> = certificate::Entity::find()
            .select_only()
            .column(certificate::Column::EnrollmentId)
            .column(certificate::Column::Id)
            .filter(certificate::Column::EnrollmentId.is_in(done.iter().map(|(_, id)| *id)))
            .into_tuple::<(i32, i32)>()
            .all(conn)
            .await?
            .into_iter()
            .collect();
        jp_entry::Entity::insert_many(
            done.iter().filter_map(|(place, enrollment_id)| {
                Some(place.jp_line(*issued.get(enrollment_id)?))
            }),
        )
        .exec_without_returning(conn)
        .await?;
        certificates += done.len();
    }
    // The seats they hold, counted once at the end; a pool never holds more than it has.
    let held: Vec<String> = EnrollmentStatus::ALL
        .into_iter()
        .filter(|s| s.holds_seat())
        .map(|s| format!("'{}'", s.as_db()))
        .collect();
    let added = format!(
        "(SELECT COUNT(*) FROM enrollments e WHERE e.pool_id = seat_pools.id \
         AND e.status IN ({}) AND e.agency_id IN (SELECT id FROM organisations \
         WHERE slug LIKE '{AGENCY_SLUG_PREFIX}%'))",
        held.join(", ")
    );
    conn.execute_unprepared(&format!(
        "UPDATE seat_pools SET capacity = taken + {added} WHERE taken + {added} > capacity"
    ))
    .await?;
    conn.execute_unprepared(&format!("UPDATE seat_pools SET taken = taken + {added}")).await?;
    Ok(certificates)
}

/// Every course's open pool, in offer order.
async fn courses<C: ConnectionTrait>(conn: &C) -> Result<Vec<Course>, AppError> {
    let sql = format!(
        "SELECT sp.id AS pool_id, o.id AS offer_id, o.university_id, o.title, \
         u.name AS university_name, cd.jp, cd.learning_form_id FROM seat_pools sp \
         JOIN offers o ON o.id = sp.offer_id JOIN course_details cd ON cd.offer_id = o.id \
         JOIN organisations u ON u.id = o.university_id \
         WHERE sp.collaboration_id IS NULL AND o.kind = '{}' ORDER BY o.id",
        OfferKind::Course.as_db()
    );
    let statement = sea_orm::Statement::from_string(conn.get_database_backend(), sql);
    Ok(Course::find_by_statement(statement).all(conn).await?)
}

/// When a certificate was issued: a working day in the last five years, nearer years likelier.
fn issued_at(rng: &mut ChaCha8Rng) -> DateTime<Utc> {
    let today = Utc::now().with_timezone(&WIB).date_naive();
    let back = rng.random_range(0..365) + 365 * rng.random_range(0..5).min(rng.random_range(0..5));
    let day = today - Duration::days(back);
    WIB.from_local_datetime(&day.and_hms_opt(15, 0, 0).unwrap_or_default())
        .single()
        .map_or_else(Utc::now, |at| at.with_timezone(&Utc))
}

/// A unique certificate code for the `n`th certificate written: `n` in the code alphabet.
fn code(mut n: u64) -> String {
    let mut chars = vec![CERTIFICATE_CODE_ALPHABET[0]; CERTIFICATE_CODE_LEN];
    for slot in chars.iter_mut().rev() {
        *slot = CERTIFICATE_CODE_ALPHABET[(n % 32) as usize];
        n /= 32;
    }
    chars.into_iter().map(char::from).collect()
}

/// One enrollment to write.
struct Place<'a> {
    member: &'a ScaledStaff,
    course: &'a Course,
    status: EnrollmentStatus,
    /// When it ended (completed ones: the certificate's issue).
    issued: DateTime<Utc>,
}

impl Place<'_> {
    fn last_day(&self) -> NaiveDate {
        self.issued.with_timezone(&WIB).date_naive() - Duration::days(1)
    }

    fn row(&self) -> enrollment::ActiveModel {
        let ended = self.status != EnrollmentStatus::Enrolled;
        let completed = self.status == EnrollmentStatus::Completed;
        enrollment::ActiveModel {
            pool_id: Set(self.course.pool_id),
            offer_id: Set(self.course.offer_id),
            person_id: Set(self.member.person_id),
            agency_id: Set(self.member.agency_id),
            status: Set(self.status.as_db().to_owned()),
            note: Set(String::new()),
            pre_test: Set(ended.then_some(55)),
            post_test: Set(ended.then_some(if completed { 85 } else { 50 })),
            attendance_percent: Set(ended.then_some(if completed { 100 } else { 50 })),
            completed_at: Set(completed.then_some(self.issued)),
            created_at: Set(self.issued - Duration::days(40)),
            updated_at: Set(self.issued),
            ..Default::default()
        }
    }

    fn certificate(&self, enrollment_id: i32, code: String) -> certificate::ActiveModel {
        certificate::ActiveModel {
            code: Set(code),
            enrollment_id: Set(enrollment_id),
            person_id: Set(self.member.person_id),
            offer_id: Set(self.course.offer_id),
            university_id: Set(self.course.university_id),
            holder_name: Set(self.member.name.clone()),
            holder_nip: Set(Some(self.member.nip.clone())),
            course_title: Set(self.course.title.clone()),
            university_name: Set(self.course.university_name.clone()),
            jp: Set(self.course.jp),
            first_day: Set(Some(self.last_day() - Duration::days(2))),
            last_day: Set(Some(self.last_day())),
            completed_on: Set(self.last_day()),
            issued_at: Set(self.issued),
            revoke_reason: Set(String::new()),
            ..Default::default()
        }
    }

    fn jp_line(&self, certificate_id: i32) -> jp_entry::ActiveModel {
        jp_entry::ActiveModel {
            person_id: Set(self.member.person_id),
            agency_id: Set(self.member.agency_id),
            year: Set(ledger_year(self.issued)),
            source: Set(JpSource::Course.as_db().to_owned()),
            certificate_id: Set(Some(certificate_id)),
            learning_form_id: Set(self.course.learning_form_id),
            title: Set(self.course.title.clone()),
            organiser: Set(self.course.university_name.clone()),
            international: Set(false),
            started_on: Set(self.last_day() - Duration::days(2)),
            ended_on: Set(self.last_day()),
            programme_jp: Set(self.course.jp),
            jp: Set(self.course.jp),
            status: Set(JpEntryStatus::Credited.as_db().to_owned()),
            evidence: Set(String::new()),
            note: Set(String::new()),
            created_at: Set(self.issued),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_of_the_certificate_length() {
        let codes: std::collections::BTreeSet<String> = (0..5_000).map(code).collect();
        assert_eq!(codes.len(), 5_000);
        assert!(codes.iter().all(|c| c.len() == CERTIFICATE_CODE_LEN));
        assert_ne!(code(1), code(32));
    }
}
