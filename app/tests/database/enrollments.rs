//! Enrollment on both databases: seats first come first served, the waitlist promoted in order
//! (and told), approval and refusal by the agency lead, the cancellation cut-off, nomination
//! into a collaboration's seats (all or none), the capacity of an edited course, and the
//! database constraints behind the services.

use app::backend::auth::Actor;
use app::backend::entities::{
    course_detail, enrollment, membership, notification, offer, organisation, person, seat_pool,
};
use app::backend::services::seed::seed_demo;
use app::backend::services::{enrollments, offers};
use app::domain::calendar::WIB;
use app::error::{AppError, ConflictReason};
use app::model::{
    EnrollmentOutcome, EnrollmentStatus, FieldError, OfferKind, OfferStatus, ValidationCode,
};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};

use crate::fulfilment::{Reserved, reserved_collaboration};
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC};

pub const BKD_LEAD: &str = "kasubbag@bkd.sinergi.example";

pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&WIB).date_naive()
}

/// A published Unila course of `capacity` seats whose enrollment is open today: its slug.
pub async fn open_course(db: &DatabaseConnection, title: &str, capacity: i64) -> String {
    let unila = actor(db, UNILA_ACADEMIC).await;
    let mut draft = course(title);
    draft.capacity = capacity;
    draft.enrollment_opens_on = today() - Duration::days(1);
    draft.enrollment_closes_on = today() + Duration::days(5);
    draft.sessions[0].date = today() + Duration::days(10);
    let slug = offers::create_course(db, &unila, "unila", &draft).await.unwrap();
    offers::change_status(db, &unila, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await
        .unwrap();
    slug
}

/// `count` new civil servants of the agency `agency_slug`, as actors.
pub async fn staff(
    db: &DatabaseConnection,
    agency_slug: &str,
    tag: &str,
    count: usize,
) -> Vec<Actor> {
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(agency_slug))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    let mut actors = Vec::with_capacity(count);
    for i in 0..count {
        let created = person::ActiveModel {
            full_name: Set(format!("ASN {tag} {i}")),
            email: Set(format!("asn-{tag}-{i}@{agency_slug}.test")),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        membership::ActiveModel {
            person_id: Set(created.id),
            organisation_id: Set(agency.id),
            role: Set("asn".into()),
            unit: Set(Some("Bidang Aplikasi".into())),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        actors.push(Actor::load(db, created.id).await.unwrap().unwrap());
    }
    actors
}

pub async fn status_of(db: &DatabaseConnection, id: i32) -> EnrollmentStatus {
    let row = enrollment::Entity::find_by_id(id).one(db).await.unwrap().unwrap();
    EnrollmentStatus::from_db(&row.status).unwrap()
}

pub async fn open_pool(db: &DatabaseConnection, slug: &str) -> seat_pool::Model {
    let found =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(found.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

fn id_of(outcome: EnrollmentOutcome) -> i32 {
    match outcome {
        EnrollmentOutcome::Seated { enrollment_id, .. }
        | EnrollmentOutcome::Waitlisted { enrollment_id, .. } => enrollment_id,
    }
}

async fn newest_notification(db: &DatabaseConnection, person_id: i32) -> Option<String> {
    notification::Entity::find()
        .filter(notification::Column::PersonId.eq(person_id))
        .order_by_desc(notification::Column::Id)
        .one(db)
        .await
        .unwrap()
        .map(|n| n.event)
}

#[tokio::test]
async fn seats_go_first_come_first_served_and_the_line_moves_up_in_order() {
    each_database("enrollment_waitlist", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Pelayanan Publik Prima", 2).await;
        let people = staff(&db, "diskominfotik", "wl", 5).await;
        let [a, b, c, d, e] = &people[..] else { unreachable!() };

        let first = enrollments::enroll(&db, a, &slug, false).await.unwrap();
        assert!(
            matches!(first, EnrollmentOutcome::Seated { status: EnrollmentStatus::Enrolled, .. }),
            "{backend:?}: {first:?}"
        );
        let b_seat = id_of(enrollments::enroll(&db, b, &slug, false).await.unwrap());
        // Full: a clear conflict, nothing written; then the line, in order of arrival.
        let full = enrollments::enroll(&db, c, &slug, false).await;
        assert_eq!(full, Err(AppError::Conflict(ConflictReason::CourseFull)));
        let in_line = enrollments::enroll(&db, c, &slug, true).await.unwrap();
        assert!(matches!(in_line, EnrollmentOutcome::Waitlisted { position: 1, .. }));
        let second = enrollments::enroll(&db, d, &slug, true).await.unwrap();
        assert!(matches!(second, EnrollmentOutcome::Waitlisted { position: 2, .. }));
        let third = enrollments::enroll(&db, e, &slug, true).await.unwrap();
        // One place per person and course, waitlisted or not.
        for (who, waitlist) in [(a, false), (c, true)] {
            let again = enrollments::enroll(&db, who, &slug, waitlist).await;
            assert_eq!(again, Err(AppError::Conflict(ConflictReason::AlreadyEnrolled)));
        }
        let pool = open_pool(&db, &slug).await;
        assert_eq!((pool.capacity, pool.taken, pool.waiting), (2, 2, 3), "{backend:?}");

        // A seat given up goes to the first in line, who is told.
        enrollments::cancel(&db, a, id_of(first), "").await.unwrap();
        assert_eq!(status_of(&db, id_of(first)).await, EnrollmentStatus::Cancelled);
        assert_eq!(status_of(&db, id_of(in_line)).await, EnrollmentStatus::Enrolled);
        assert_eq!(status_of(&db, id_of(second)).await, EnrollmentStatus::Waitlisted);
        let told = newest_notification(&db, c.person_id).await.unwrap();
        assert!(told.contains("waitlist_promoted"), "{told}");
        // Leaving the line moves nobody into a seat; the next seat goes to the next in order.
        enrollments::cancel(&db, d, id_of(second), "").await.unwrap();
        let a_again = id_of(enrollments::enroll(&db, a, &slug, true).await.unwrap());
        enrollments::cancel(&db, b, b_seat, "").await.unwrap();
        assert_eq!(status_of(&db, id_of(third)).await, EnrollmentStatus::Enrolled, "{backend:?}");
        assert_eq!(status_of(&db, a_again).await, EnrollmentStatus::Waitlisted);
        let pool = open_pool(&db, &slug).await;
        assert_eq!((pool.taken, pool.waiting), (2, 1), "{backend:?}");
        // Someone else's place is not theirs to give up.
        let refused = enrollments::cancel(&db, e, id_of(in_line), "").await;
        assert_eq!(refused, Err(AppError::NotFound));
    })
    .await;
}

#[tokio::test]
async fn where_the_agency_asks_for_approval_its_lead_decides_and_a_refusal_frees_the_seat() {
    each_database("enrollment_approval", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let kominfo = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("diskominfotik"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut asks: organisation::ActiveModel = kominfo.into();
        asks.enrollment_approval = Set(true);
        asks.update(&db).await.unwrap();
        let slug = open_course(&db, "Manajemen Arsip Digital", 1).await;
        let people = staff(&db, "diskominfotik", "ap", 2).await;
        let lead = actor(&db, KOMINFO_LEAD).await;

        let asked = enrollments::enroll(&db, &people[0], &slug, false).await.unwrap();
        let EnrollmentOutcome::Seated { enrollment_id, status } = asked else {
            panic!("{backend:?}: {asked:?}")
        };
        assert_eq!(status, EnrollmentStatus::Pending, "a pending place holds its seat");
        let told = newest_notification(&db, lead.person_id).await.unwrap();
        assert!(told.contains("enrollment_awaits_approval"), "{told}");
        let waiting = id_of(enrollments::enroll(&db, &people[1], &slug, true).await.unwrap());

        // Only the person's own agency decides; a refusal says why.
        let other = actor(&db, BKD_LEAD).await;
        assert_eq!(enrollments::approve(&db, &other, enrollment_id).await, Err(AppError::NotFound));
        let bare = enrollments::refuse(&db, &lead, enrollment_id, "  ").await;
        assert_eq!(
            bare,
            Err(AppError::Invalid(vec![FieldError::new("note", ValidationCode::Required)]))
        );
        assert_eq!(status_of(&db, enrollment_id).await, EnrollmentStatus::Pending);
        enrollments::refuse(&db, &lead, enrollment_id, "Bentrok dengan tugas dinas.")
            .await
            .unwrap();
        let row = enrollment::Entity::find_by_id(enrollment_id).one(&db).await.unwrap().unwrap();
        assert_eq!(
            (row.status.as_str(), row.note.as_str()),
            ("refused", "Bentrok dengan tugas dinas.")
        );
        assert_eq!(row.decided_by, Some(lead.person_id));
        // The seat went to the next in line, who now waits for approval in turn.
        assert_eq!(status_of(&db, waiting).await, EnrollmentStatus::Pending, "{backend:?}");
        enrollments::approve(&db, &lead, waiting).await.unwrap();
        assert_eq!(status_of(&db, waiting).await, EnrollmentStatus::Enrolled);
        let again = enrollments::approve(&db, &lead, waiting).await;
        assert_eq!(again, Err(AppError::Conflict(ConflictReason::EnrollmentFinal)));
        let told = newest_notification(&db, people[1].person_id).await.unwrap();
        assert!(told.contains("enrollment_decided"), "{told}");
    })
    .await;
}

#[tokio::test]
async fn a_seat_may_be_given_up_until_enrollment_closes_a_place_in_line_always() {
    each_database("enrollment_cutoff", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Etika Birokrasi", 1).await;
        let people = staff(&db, "diskominfotik", "co", 2).await;
        let seated = id_of(enrollments::enroll(&db, &people[0], &slug, false).await.unwrap());
        let waiting = id_of(enrollments::enroll(&db, &people[1], &slug, true).await.unwrap());
        // Enrollment closed yesterday.
        let pool = open_pool(&db, &slug).await;
        let details = course_detail::Entity::find_by_id(pool.offer_id).one(&db).await.unwrap();
        let mut closed: course_detail::ActiveModel = details.unwrap().into();
        closed.enrollment_opens_on = Set(today() - Duration::days(9));
        closed.enrollment_closes_on = Set(today() - Duration::days(1));
        closed.update(&db).await.unwrap();

        let late = enrollments::cancel(&db, &people[0], seated, "").await;
        assert_eq!(late, Err(AppError::Conflict(ConflictReason::EnrollmentFinal)), "{backend:?}");
        assert_eq!(status_of(&db, seated).await, EnrollmentStatus::Enrolled);
        enrollments::cancel(&db, &people[1], waiting, "").await.unwrap();
        let newcomer = staff(&db, "diskominfotik", "co-late", 1).await;
        let closed = enrollments::enroll(&db, &newcomer[0], &slug, true).await;
        assert_eq!(closed, Err(AppError::Conflict(ConflictReason::EnrollmentClosed)));
        let pool = open_pool(&db, &slug).await;
        assert_eq!((pool.taken, pool.waiting), (1, 0), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn the_lead_nominates_staff_into_reserved_seats_all_or_none() {
    each_database("enrollment_nominate", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let Reserved { course_slug, collaboration, unila, lead, .. } =
            reserved_collaboration(&db, "Kelas Pengaduan Terpadu", "Penanganan Aduan Warga", 2)
                .await;
        let people = staff(&db, "diskominfotik", "nm", 3).await;
        let ids: Vec<i32> = people.iter().map(|p| p.person_id).collect();
        let outsider = staff(&db, "bkd", "nm", 1).await;

        let too_many = enrollments::nominate(&db, &lead, collaboration, &ids).await;
        assert_eq!(too_many, Err(AppError::Conflict(ConflictReason::NotEnoughSeats { free: 2 })));
        let mixed =
            enrollments::nominate(&db, &lead, collaboration, &[ids[0], outsider[0].person_id])
                .await;
        let field = format!("person_{}", outsider[0].person_id);
        assert_eq!(
            mixed,
            Err(AppError::Invalid(vec![FieldError::new(field, ValidationCode::NotStaff)]))
        );
        let nothing = enrollment::Entity::find().all(&db).await.unwrap();
        assert!(nothing.is_empty(), "{backend:?}: a refused nomination writes nothing");
        let university = enrollments::nominate(&db, &unila, collaboration, &ids[..2]).await;
        assert_eq!(university, Err(AppError::NotFound), "only the agency's lead nominates");

        enrollments::nominate(&db, &lead, collaboration, &ids[..2]).await.unwrap();
        let rows = enrollment::Entity::find().all(&db).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert!(
            rows.iter().all(|r| r.status == "enrolled" && r.nominated_by == Some(lead.person_id))
        );
        let told = newest_notification(&db, ids[0]).await.unwrap();
        assert!(told.contains("nominated"), "{told}");
        // The reserved seats are the agency's; the course's own seats are untouched.
        assert_eq!(open_pool(&db, &course_slug).await.taken, 0);
        let full = enrollments::nominate(&db, &lead, collaboration, &ids[2..]).await;
        assert_eq!(full, Err(AppError::Conflict(ConflictReason::NotEnoughSeats { free: 0 })));
        // Already nominated: not again, not into the open seats either.
        let twice = enrollments::enroll(&db, &people[0], &course_slug, false).await;
        assert_eq!(twice, Err(AppError::Conflict(ConflictReason::AlreadyEnrolled)));
    })
    .await;
}

#[tokio::test]
async fn a_course_edited_below_its_taken_seats_is_refused_and_more_seats_promote_the_line() {
    each_database("enrollment_capacity", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Statistik Sektoral", 2).await;
        let people = staff(&db, "diskominfotik", "cap", 3).await;
        for person in &people {
            enrollments::enroll(&db, person, &slug, true).await.unwrap();
        }
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let mut draft = course("Statistik Sektoral");
        draft.enrollment_opens_on = today() - Duration::days(1);
        draft.enrollment_closes_on = today() + Duration::days(5);
        draft.sessions[0].date = today() + Duration::days(10);
        draft.capacity = 1;
        let smaller = offers::update_course(&db, &unila, &slug, &draft).await;
        assert_eq!(
            smaller,
            Err(AppError::Invalid(vec![FieldError::new(
                "capacity",
                ValidationCode::BelowTaken { taken: 2 }
            )])),
            "{backend:?}"
        );
        draft.capacity = 3;
        offers::update_course(&db, &unila, &slug, &draft).await.unwrap();
        let pool = open_pool(&db, &slug).await;
        assert_eq!((pool.capacity, pool.taken, pool.waiting), (3, 3, 0), "{backend:?}");
        let last = enrollment::Entity::find()
            .filter(enrollment::Column::PersonId.eq(people[2].person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(last.status, "enrolled");
    })
    .await;
}

#[tokio::test]
async fn the_database_itself_refuses_overfilled_pools_and_a_second_active_place() {
    each_database("enrollment_constraints", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Literasi Data", 1).await;
        let people = staff(&db, "diskominfotik", "ck", 1).await;
        let id = id_of(enrollments::enroll(&db, &people[0], &slug, false).await.unwrap());
        let pool = open_pool(&db, &slug).await;
        let overfill = db
            .execute_unprepared(&format!("UPDATE seat_pools SET taken = 2 WHERE id = {}", pool.id))
            .await;
        assert!(overfill.is_err(), "{backend:?}: taken may not pass capacity");
        let row = enrollment::Entity::find_by_id(id).one(&db).await.unwrap().unwrap();
        let mut copy: enrollment::ActiveModel = row.into();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.status = Set("waitlisted".into());
        let second = enrollment::Entity::insert(copy.clone()).exec(&db).await;
        assert!(second.is_err(), "{backend:?}: one active place per person and course");
        // An ended place does not count: taking the course again is a new row.
        copy.status = Set("completed".into());
        enrollment::Entity::insert(copy).exec(&db).await.unwrap();
    })
    .await;
}
