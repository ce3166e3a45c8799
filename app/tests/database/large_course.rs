//! A course far larger than a classroom, on both databases: closing one of 7,000 participants
//! (seated by `seed::crowd`: every tenth misses the sessions and fails) evaluates, certifies,
//! credits and tells every one of them in its one transaction. Its writes go in batches; a
//! single statement for everyone would bind more values than SQLite allows (32,766), which is
//! how the participant benchmark first failed.

use app::backend::entities::{certificate, enrollment, jp_entry, notification, offer};
use app::backend::services::offers;
use app::backend::services::seed::{crowd, seed_demo};
use app::model::{EnrollmentStatus, OfferKind, OfferStatus};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::enrollments::open_course;
use crate::harness::each_database;
use crate::people::actor;
use crate::proposals::UNILA_ACADEMIC;

const LEARNERS: usize = 7_000;

#[tokio::test]
async fn closing_a_course_of_seven_thousand_certifies_credits_and_tells_everyone() {
    each_database("large_course", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Kelas Massal Literasi Digital", 1).await;
        let course =
            offer::Entity::find().filter(offer::Column::Slug.eq(&slug)).one(&db).await.unwrap();
        let course = course.unwrap();
        let learners = crowd::civil_servants(&db, "diskominfotik", "besar", LEARNERS).await;
        crowd::seat_in_course(&db, &course, &learners.unwrap()).await.unwrap();
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
