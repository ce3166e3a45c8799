//! A course far larger than a classroom, on both databases: closing one of 7,000 participants
//! evaluates, certifies, credits and tells every one of them in its one transaction. Its writes
//! go in batches; a single statement for everyone would bind more values than SQLite allows
//! (32,766), which is how the participant benchmark first failed.

use app::backend::entities::{
    attendance, certificate, course_session, enrollment, jp_entry, membership, notification, offer,
    organisation, person, seat_pool,
};
use app::backend::services::offers;
use app::backend::services::seed::seed_demo;
use app::model::{EnrollmentStatus, OfferKind, OfferStatus};
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::enrollments::open_course;
use crate::harness::each_database;
use crate::people::actor;
use crate::proposals::UNILA_ACADEMIC;

const LEARNERS: usize = 7_000;

/// Seats `LEARNERS` new civil servants in the course `course` (its open pool widened to hold
/// them), present at every session; every tenth fails the post-test.
async fn fill(db: &DatabaseConnection, course: &offer::Model) {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("diskominfotik"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    for chunk in (0..LEARNERS).collect::<Vec<_>>().chunks(500) {
        person::Entity::insert_many(chunk.iter().map(|i| person::ActiveModel {
            full_name: Set(format!("Peserta Besar {i}")),
            email: Set(format!("besar-{i}@diskominfotik.test")),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    let people: Vec<i32> = person::Entity::find()
        .filter(person::Column::Email.like("besar-%"))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let seats = i32::try_from(LEARNERS).unwrap();
    seat_pool::Entity::update(seat_pool::ActiveModel {
        id: Set(pool.id),
        capacity: Set(seats),
        taken: Set(seats),
        ..Default::default()
    })
    .exec(db)
    .await
    .unwrap();
    for (n, chunk) in people.chunks(500).enumerate() {
        membership::Entity::insert_many(chunk.iter().map(|&id| membership::ActiveModel {
            person_id: Set(id),
            organisation_id: Set(agency.id),
            role: Set("asn".into()),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
        enrollment::Entity::insert_many(chunk.iter().enumerate().map(|(i, &id)| {
            enrollment::ActiveModel {
                pool_id: Set(pool.id),
                offer_id: Set(course.id),
                person_id: Set(id),
                agency_id: Set(agency.id),
                status: Set(EnrollmentStatus::Enrolled.as_db().into()),
                note: Set(String::new()),
                post_test: Set(Some(if (n * 500 + i) % 10 == 9 { 10 } else { 90 })),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await
        .unwrap();
    }
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .all(db)
        .await
        .unwrap();
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .all(db)
        .await
        .unwrap();
    for session in &sessions {
        for chunk in places.chunks(500) {
            attendance::Entity::insert_many(chunk.iter().map(|place| attendance::ActiveModel {
                session_id: Set(session.id),
                enrollment_id: Set(place.id),
                method: Set("list".into()),
                recorded_by: Set(course.created_by),
                recorded_at: Set(now),
            }))
            .exec_without_returning(db)
            .await
            .unwrap();
        }
    }
}

#[tokio::test]
async fn closing_a_course_of_seven_thousand_certifies_credits_and_tells_everyone() {
    each_database("large_course", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Kelas Massal Literasi Digital", 1).await;
        let course =
            offer::Entity::find().filter(offer::Column::Slug.eq(&slug)).one(&db).await.unwrap();
        let course = course.unwrap();
        fill(&db, &course).await;
        let academic = actor(&db, UNILA_ACADEMIC).await;
        offers::change_status(&db, &academic, OfferKind::Course, &slug, OfferStatus::Closed, "")
            .await
            .unwrap();

        let passed = LEARNERS - LEARNERS / 10;
        let count = |status: EnrollmentStatus| {
            enrollment::Entity::find()
                .filter(enrollment::Column::OfferId.eq(course.id))
                .filter(enrollment::Column::Status.eq(status.as_db()))
                .count(&db)
        };
        assert_eq!(count(EnrollmentStatus::Completed).await.unwrap(), passed as u64, "{backend:?}");
        assert_eq!(count(EnrollmentStatus::NotCompleted).await.unwrap(), (LEARNERS / 10) as u64);
        let certificates = certificate::Entity::find()
            .filter(certificate::Column::OfferId.eq(course.id))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(certificates.len(), passed, "{backend:?}: one certificate each who passed");
        let credited = jp_entry::Entity::find()
            .filter(jp_entry::Column::CertificateId.is_not_null())
            .count(&db)
            .await
            .unwrap();
        assert_eq!(credited, passed as u64, "{backend:?}: one JP line per certificate");
        // Each line points at its own certificate, for the certificate's holder.
        let lines = jp_entry::Entity::find().all(&db).await.unwrap();
        let holder: std::collections::HashMap<i32, i32> =
            certificates.iter().map(|c| (c.id, c.person_id)).collect();
        assert!(
            lines
                .iter()
                .all(|l| l.certificate_id.and_then(|c| holder.get(&c)) == Some(&l.person_id))
        );
        let told = notification::Entity::find().count(&db).await.unwrap();
        assert!(told >= LEARNERS as u64, "{backend:?}: {told} notifications for {LEARNERS}");
    })
    .await;
}
