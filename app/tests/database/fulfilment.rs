//! Need fulfilment on both databases: a collaboration counts how many of its nominees completed
//! the course, and closing the course fulfils the competency need once its headcount did (not
//! before); the lead narrows the staff to nominate to those short of the need's level.

use std::collections::HashSet;

use app::backend::auth::Actor;
use app::backend::entities::{certificate, competency_need_detail, need};
use app::backend::services::seed::seed_demo;
use app::backend::services::{
    attendance, certificates, collaborations, enrollments, notifications, offers, proposals,
};
use app::model::{
    CollaborationSeats, CollaborationStatus, EnrollmentStatus, NotificationEvent, OfferKind,
    OfferStatus, ProposalDraft, ProposalKind, StaffFilter,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::certificates::closed_course;
use crate::enrollments::{open_course, staff};
use crate::harness::each_database;
use crate::needs::competency_need;
use crate::offers::course;
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
    let before = enrollments::collaboration_seats(db, &lead, collaboration, StaffFilter::default())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((before.completed, before.headcount), (0, u32::try_from(headcount).ok()));
    offers::change_status(db, &unila, OfferKind::Course, &course_slug, OfferStatus::Closed, "")
        .await
        .unwrap();
    let seats = enrollments::collaboration_seats(db, &lead, collaboration, StaffFilter::default())
        .await
        .unwrap()
        .unwrap();
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
        let seats =
            enrollments::collaboration_seats(&db, &lead, collaboration, StaffFilter::default())
                .await
                .unwrap()
                .unwrap();
        assert_eq!((seats.reserved, seats.taken), (0, 0), "{backend:?}: the seats went with it");
    })
    .await;
}

/// The person ids among the staff a lead may nominate.
fn nominable(seats: &CollaborationSeats) -> HashSet<i32> {
    seats.staff.iter().map(|p| p.person_id).collect()
}

#[tokio::test]
async fn the_lead_narrows_the_staff_to_those_short_of_the_needs_level() {
    each_database("fulfilment_gap", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        // The need asks for MNJ-05 at level 3. Of each course's two, the first passes.
        let (_, at_three) = closed_course(&db, course("Kelas Aduan Tiga"), &[10], "gp3").await;
        let mut level_two = course("Kelas Aduan Dua");
        level_two.competencies[0].level = Some(2);
        let (_, at_two) = closed_course(&db, level_two, &[10], "gp2").await;
        let Reserved { collaboration, lead, unila, .. } =
            reserved_collaboration(&db, "Kelas Kesenjangan", "Kebutuhan Kesenjangan", 2).await;
        let seats_with = |filter: StaffFilter| {
            let (db, lead) = (&db, &lead);
            async move {
                enrollments::collaboration_seats(db, lead, collaboration, filter)
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        let gap_only = StaffFilter { unit: None, gap_only: true };

        let everyone = seats_with(StaffFilter::default()).await;
        let short = seats_with(gap_only.clone()).await;
        let target = short.gap_target.as_ref().unwrap();
        assert_eq!((target.code.as_str(), target.level), ("MNJ-05", Some(3)), "{backend:?}");
        let reached: HashSet<i32> =
            nominable(&everyone).difference(&nominable(&short)).copied().collect();
        assert_eq!(reached, HashSet::from([at_three[0].person_id]), "{backend:?}");
        for still_short in [&at_three[1], &at_two[0], &at_two[1]] {
            assert!(nominable(&short).contains(&still_short.person_id), "{backend:?}");
        }

        // Both filters at once: the unit's staff short of the level.
        let unit = StaffFilter { unit: Some("Bidang Aplikasi".into()), gap_only: true };
        let narrowed = seats_with(unit.clone()).await;
        assert!(narrowed.staff.iter().all(|p| p.unit.as_deref() == Some("Bidang Aplikasi")));
        assert_eq!(narrowed.filter, unit);
        let expected: HashSet<i32> =
            [&at_three[1], &at_two[0], &at_two[1]].iter().map(|p| p.person_id).collect();
        assert!(nominable(&narrowed).is_superset(&expected), "{backend:?}");
        assert!(!nominable(&narrowed).contains(&at_three[0].person_id));

        // A revoked certificate is no evidence of the level.
        let cert = certificate::Entity::find()
            .filter(certificate::Column::PersonId.eq(at_three[0].person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        certificates::revoke(&db, &unila, &cert.code, "Nilai salah dimasukkan.").await.unwrap();
        let after = seats_with(gap_only).await;
        assert_eq!(nominable(&after), nominable(&everyone), "{backend:?}");

        // The university sees the seats but never the agency's staff.
        let academic = enrollments::collaboration_seats(
            &db,
            &unila,
            collaboration,
            StaffFilter { unit: None, gap_only: true },
        )
        .await
        .unwrap()
        .unwrap();
        assert!(academic.staff.is_empty() && academic.units.is_empty(), "{backend:?}");
    })
    .await;
}
