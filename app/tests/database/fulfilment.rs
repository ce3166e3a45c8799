//! Need fulfilment on both databases: a collaboration counts how many of its nominees completed
//! the course, and closing the course fulfils the competency need once its headcount did (not
//! before).

use app::backend::auth::Actor;
use app::backend::entities::{competency_need_detail, need};
use app::backend::services::seed::seed_demo;
use app::backend::services::{
    attendance, collaborations, enrollments, notifications, offers, proposals,
};
use app::model::{
    CollaborationStatus, EnrollmentStatus, NotificationEvent, OfferKind, OfferStatus,
    ProposalDraft, ProposalKind,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::enrollments::{open_course, staff};
use crate::harness::each_database;
use crate::needs::competency_need;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC, open, tailored};

/// A collaboration reserving `seats` seats in a fresh open Unila course for a fresh competency
/// need of Diskominfotik: need → proposal of the existing course → accepted by the lead.
pub struct Reserved {
    pub course_slug: String,
    pub need_slug: String,
    pub collaboration: i32,
    pub unila: Actor,
    pub lead: Actor,
}

pub async fn reserved_collaboration(
    db: &DatabaseConnection,
    course_title: &str,
    need_title: &str,
    seats: i64,
) -> Reserved {
    let course_slug = open_course(db, course_title, 30).await;
    let need_slug = open(db, &competency_need(need_title)).await;
    let unila = actor(db, UNILA_ACADEMIC).await;
    let lead = actor(db, KOMINFO_LEAD).await;
    let existing = ProposalDraft {
        kind: ProposalKind::Existing,
        offer: Some(course_slug.clone()),
        seats: Some(seats),
        price_rupiah: 0,
        ..tailored()
    };
    let proposal = proposals::propose(db, &unila, &need_slug, "unila", &existing).await.unwrap();
    let collaboration = proposals::accept(db, &lead, proposal).await.unwrap();
    Reserved { course_slug, need_slug, collaboration, unila, lead }
}

/// A need for `headcount`, met by a Unila course with 3 reserved seats; 3 staff nominated, of
/// whom `passing` pass. Closes the course; returns the need's status and the collaboration's
/// "completed of headcount".
async fn closed_with(
    db: &sea_orm::DatabaseConnection,
    tag: &str,
    headcount: i32,
    passing: usize,
) -> (String, (u32, Option<u32>)) {
    let Reserved { course_slug, need_slug, collaboration, unila, lead } = reserved_collaboration(
        db,
        &format!("Kelas Pemenuhan {tag}"),
        &format!("Kebutuhan {tag}"),
        3,
    )
    .await;
    let found = need::Entity::find()
        .filter(need::Column::Slug.eq(&need_slug))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut detail: competency_need_detail::ActiveModel =
        competency_need_detail::Entity::find_by_id(found.id).one(db).await.unwrap().unwrap().into();
    detail.headcount = Set(headcount);
    detail.update(db).await.unwrap();
    let people = staff(db, "diskominfotik", tag, 3).await;
    let ids: Vec<i32> = people.iter().map(|p| p.person_id).collect();
    enrollments::nominate(db, &lead, collaboration, &ids).await.unwrap();
    let sheet = attendance::sheet(db, &unila, &course_slug, 1).await.unwrap();
    let places: Vec<i32> = sheet.rows.iter().map(|r| r.enrollment_id).collect();
    attendance::mark(db, &unila, sheet.sessions[0].id, &places, &places).await.unwrap();
    let scores: Vec<(i32, Option<i16>, Option<i16>)> = places
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, None, Some(if i < passing { 90 } else { 10 })))
        .collect();
    attendance::set_scores(db, &unila, &course_slug, &scores).await.unwrap();
    let before =
        enrollments::collaboration_seats(db, &lead, collaboration, None).await.unwrap().unwrap();
    assert_eq!((before.completed, before.headcount), (0, u32::try_from(headcount).ok()));
    offers::change_status(db, &unila, OfferKind::Course, &course_slug, OfferStatus::Closed, "")
        .await
        .unwrap();
    let seats =
        enrollments::collaboration_seats(db, &lead, collaboration, None).await.unwrap().unwrap();
    let status = need::Entity::find_by_id(found.id).one(db).await.unwrap().unwrap().status;
    (status, (seats.completed, seats.headcount))
}

#[tokio::test]
async fn a_need_is_fulfilled_when_its_headcount_of_nominees_completed() {
    each_database("fulfilment", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let met = closed_with(&db, "fa", 2, 2).await;
        assert_eq!(met, ("fulfilled".to_owned(), (2, Some(2))), "{backend:?}");
        let short = closed_with(&db, "fb", 3, 2).await;
        assert_eq!(short, ("matched".to_owned(), (2, Some(3))), "{backend:?}: one short");
    })
    .await;
}

#[tokio::test]
async fn a_cancelled_collaboration_ends_its_nominees_places_and_tells_them() {
    each_database("fulfilment_cancelled", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let Reserved { collaboration, lead, .. } =
            reserved_collaboration(&db, "Kelas Kolaborasi Batal", "Kebutuhan Batal", 2).await;
        let people = staff(&db, "diskominfotik", "fc", 2).await;
        let ids: Vec<i32> = people.iter().map(|p| p.person_id).collect();
        enrollments::nominate(&db, &lead, collaboration, &ids).await.unwrap();

        collaborations::change_status(
            &db,
            &lead,
            collaboration,
            CollaborationStatus::Cancelled,
            "Anggaran dialihkan.",
        )
        .await
        .unwrap();
        for person in &people {
            let own = enrollments::own(&db, person).await.unwrap();
            assert_eq!(own[0].place.status, EnrollmentStatus::Cancelled, "{backend:?}");
            assert_eq!(own[0].note, "Anggaran dialihkan.");
            let told = notifications::list(&db, person).await.unwrap();
            assert!(matches!(
                &told.items[0].event,
                NotificationEvent::NominationEnded { note, .. } if note == "Anggaran dialihkan."
            ));
        }
        let seats = enrollments::collaboration_seats(&db, &lead, collaboration, None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((seats.reserved, seats.taken), (0, 0), "{backend:?}: the seats went with it");
    })
    .await;
}
