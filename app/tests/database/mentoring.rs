//! Mentoring on both databases: only level 4 and above may offer; a junior is suggested the
//! mentor and asks; the mentor's places hold under concurrent requests; only the mentor answers
//! and completes; sessions count once the other confirms them; completion credits the mentee
//! and the mentor by the conversion table's rows, once; bad input changes nothing.

use app::backend::auth::Actor;
use app::backend::entities::{jp_entry, mentorship};
use app::backend::services::seed::seed_demo;
use app::backend::services::{assessments, mentoring};
use app::error::{AppError, ConflictReason};
use app::model::{
    AssessmentDraft, JpSource, MentorOfferDraft, MentoringSessionDraft, MentorshipRequest,
    MentorshipStatus,
};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use crate::enrollments::staff;
use crate::harness::each_database;
use crate::people::actor;
use crate::proposals::KOMINFO_LEAD;

const CODE: &str = "MNJ-05";

fn today() -> chrono::NaiveDate {
    Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive()
}

fn plan(mentor: &Actor) -> MentorshipRequest {
    MentorshipRequest {
        competency: CODE.into(),
        mentor: mentor.person_id,
        goal_level: 3,
        starts_on: today(),
        ends_on: today() + Duration::days(90),
        note: "Ingin belajar memimpin rapat koordinasi.".into(),
    }
}

fn session(minutes: i16, topic: &str) -> MentoringSessionDraft {
    MentoringSessionDraft { held_on: today(), minutes, topic: topic.into() }
}

/// A senior of Diskominfotik rated at level 4 in `CODE` by the lead, offering one place.
async fn senior_offering(db: &DatabaseConnection, tag: &str) -> Actor {
    let senior = staff(db, "diskominfotik", tag, 1).await.remove(0);
    let lead = actor(db, KOMINFO_LEAD).await;
    let four = AssessmentDraft { level: 4, note: String::new() };
    assessments::rate(db, &lead, senior.person_id, CODE, &four).await.unwrap();
    let offer =
        MentorOfferDraft { competency: CODE.into(), capacity: 1, note: "Selasa sore".into() };
    mentoring::offer_to_mentor(db, &senior, &offer).await.unwrap();
    senior
}

async fn mentoring_lines(db: &DatabaseConnection, person_id: i32) -> Vec<i32> {
    jp_entry::Entity::find()
        .filter(jp_entry::Column::PersonId.eq(person_id))
        .filter(jp_entry::Column::Source.eq(JpSource::Mentoring.as_db()))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.jp)
        .collect()
}

#[tokio::test]
async fn a_pair_logs_and_confirms_sessions_and_completion_credits_both_once() {
    each_database("mentoring_pair", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let juniors = staff(&db, "diskominfotik", "mj", 2).await;
        let offer = MentorOfferDraft { competency: CODE.into(), capacity: 1, note: String::new() };
        let unassessed = mentoring::offer_to_mentor(&db, &juniors[0], &offer).await;
        assert!(
            matches!(unassessed, Err(AppError::Conflict(ConflictReason::BelowMentorLevel))),
            "{backend:?}: {unassessed:?}"
        );
        let senior = senior_offering(&db, "ms").await;

        let suggested = mentoring::suggest_mentors(&db, &juniors[0], CODE).await.unwrap();
        let found = suggested.iter().find(|s| s.person_id == senior.person_id).unwrap();
        assert_eq!((found.level, found.free_places, found.note.as_str()), (4, 1, "Selasa sore"));
        let own = mentoring::suggest_mentors(&db, &senior, CODE).await.unwrap();
        assert!(own.iter().all(|s| s.person_id != senior.person_id), "never oneself");

        let id = mentoring::request_mentor(&db, &juniors[0], &plan(&senior)).await.unwrap();
        // The one place is held by the request: the next junior is refused, and is no longer
        // offered this mentor.
        let full = mentoring::request_mentor(&db, &juniors[1], &plan(&senior)).await;
        assert!(matches!(full, Err(AppError::Conflict(ConflictReason::MentorFull))), "{full:?}");
        let after = mentoring::suggest_mentors(&db, &juniors[1], CODE).await.unwrap();
        assert!(after.iter().all(|s| s.person_id != senior.person_id), "{after:?}");

        let by_mentee = mentoring::answer_request(&db, &juniors[0], id, true, "").await;
        assert!(matches!(by_mentee, Err(AppError::NotFound)), "{by_mentee:?}");
        mentoring::answer_request(&db, &senior, id, true, "Mari mulai pekan depan.").await.unwrap();

        // Nothing confirmed yet: completion is refused and changes nothing.
        let early = mentoring::complete_mentorship(&db, &senior, id).await;
        assert!(
            matches!(early, Err(AppError::Conflict(ConflictReason::NoConfirmedSessions))),
            "{backend:?}: {early:?}"
        );
        let row = mentorship::Entity::find_by_id(id).one(&db).await.unwrap().unwrap();
        assert_eq!(row.status, MentorshipStatus::Active.as_db());

        let first = mentoring::log_session(&db, &juniors[0], id, &session(90, "Agenda rapat"))
            .await
            .unwrap();
        let second =
            mentoring::log_session(&db, &senior, id, &session(90, "Memimpin rapat")).await.unwrap();
        mentoring::log_session(&db, &senior, id, &session(45, "Belum dikonfirmasi")).await.unwrap();
        let own_confirm = mentoring::confirm_session(&db, &juniors[0], first).await;
        assert!(matches!(own_confirm, Err(AppError::Forbidden)), "{own_confirm:?}");
        mentoring::confirm_session(&db, &senior, first).await.unwrap();
        mentoring::confirm_session(&db, &juniors[0], second).await.unwrap();
        let twice = mentoring::confirm_session(&db, &juniors[0], second).await;
        assert!(matches!(twice, Err(AppError::Conflict(ConflictReason::Stale))), "{twice:?}");
        let stranger = mentoring::mentorship(&db, &juniors[1], id).await;
        assert!(matches!(stranger, Err(AppError::NotFound)), "{stranger:?}");
        let lead = actor(&db, KOMINFO_LEAD).await;
        let seen = mentoring::mentorship(&db, &lead, id).await.unwrap();
        assert_eq!((seen.sessions.len(), seen.confirmed_minutes), (3, 180), "{backend:?}");

        let by_mentee = mentoring::complete_mentorship(&db, &juniors[0], id).await;
        assert!(matches!(by_mentee, Err(AppError::Forbidden)), "{by_mentee:?}");
        // 180 confirmed minutes are 4 lesson hours: all to the mentee, half to the mentor.
        assert_eq!(mentoring::complete_mentorship(&db, &senior, id).await.unwrap(), 4);
        let again = mentoring::complete_mentorship(&db, &senior, id).await;
        assert!(matches!(again, Err(AppError::Conflict(ConflictReason::Stale))), "{again:?}");
        assert_eq!(mentoring_lines(&db, juniors[0].person_id).await, [4], "{backend:?}");
        assert_eq!(mentoring_lines(&db, senior.person_id).await, [2], "{backend:?}");
        let listed = mentoring::own_mentoring(&db, &juniors[0]).await.unwrap();
        assert_eq!(
            listed.mentorships.iter().map(|m| m.status).collect::<Vec<_>>(),
            [MentorshipStatus::Completed]
        );
        assert!(listed.offers.is_empty() && listed.mentorable.is_empty(), "{listed:?}");
        // The senior's page: the offer with its place free again, and level 4 in the code.
        let own = mentoring::own_mentoring(&db, &senior).await.unwrap();
        let offer = own.offers.iter().map(|o| (o.code.as_str(), o.capacity, o.held, o.active));
        assert_eq!(offer.collect::<Vec<_>>(), [(CODE, 1, 0, true)], "{backend:?}");
        let mentorable = own.mentorable.iter().map(|c| (c.code.as_str(), c.level));
        assert_eq!(mentorable.collect::<Vec<_>>(), [(CODE, 4)], "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn concurrent_requests_never_take_more_places_than_offered_and_bad_input_changes_nothing() {
    each_database("mentoring_places", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let senior = senior_offering(&db, "mp").await;
        let juniors = staff(&db, "diskominfotik", "mq", 4).await;
        let asks: Vec<_> = juniors
            .iter()
            .cloned()
            .map(|junior| {
                let (db, request) = (db.clone(), plan(&senior));
                tokio::spawn(async move { mentoring::request_mentor(&db, &junior, &request).await })
            })
            .collect();
        let mut results = Vec::new();
        for ask in asks {
            results.push(ask.await.unwrap());
        }
        let taken = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(taken, 1, "{backend:?}: {results:?}");
        assert!(
            results
                .iter()
                .filter(|r| r.is_err())
                .all(|r| matches!(r, Err(AppError::Conflict(ConflictReason::MentorFull))))
        );

        let before = mentorship::Entity::find().count(&db).await.unwrap();
        let mut bad = plan(&senior);
        bad.goal_level = 6;
        bad.ends_on = today() - Duration::days(400);
        let refused = mentoring::request_mentor(&db, &juniors[0], &bad).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        let mut unknown = plan(&senior);
        unknown.competency = "TIDAK-ADA".into();
        let refused = mentoring::request_mentor(&db, &juniors[0], &unknown).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        let to_self = plan(&juniors[0]);
        let refused = mentoring::request_mentor(&db, &juniors[0], &to_self).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        assert_eq!(mentorship::Entity::find().count(&db).await.unwrap(), before, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn the_mentoring_migration_keeps_every_ledger_line_and_its_id_both_ways() {
    use sea_orm::{ActiveValue::Set, QueryOrder};
    use sea_orm_migration::MigratorTrait;

    each_database("mentoring_migration", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let person = staff(&db, "diskominfotik", "mg", 1).await.remove(0);
        let seminar = app::backend::entities::learning_form::Entity::find()
            .filter(app::backend::entities::learning_form::Column::Code.eq("seminar"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let line = |source: JpSource| jp_entry::ActiveModel {
            person_id: Set(person.person_id),
            agency_id: Set(person.staff_agency().unwrap()),
            year: Set(2026),
            source: Set(source.as_db().into()),
            certificate_id: Set(None),
            learning_form_id: Set(seminar.id),
            title: Set("Seminar Nasional Pelayanan Publik".into()),
            organiser: Set("Ombudsman RI".into()),
            international: Set(false),
            started_on: Set(today()),
            ended_on: Set(today()),
            programme_jp: Set(0),
            jp: Set(4),
            status: Set("credited".into()),
            evidence: Set("https://example.org/sertifikat".into()),
            decided_by: Set(None),
            decided_at: Set(None),
            note: Set(String::new()),
            created_at: Set(Utc::now()),
            ..Default::default()
        };
        jp_entry::Entity::insert(line(JpSource::Outside)).exec(&db).await.unwrap();
        let all = || jp_entry::Entity::find().order_by_asc(jp_entry::Column::Id).all(&db);
        let before = all().await.unwrap();

        // Back to just before the mentoring migration, whatever migrations came after it.
        let since = migrations::Migrator::migrations()
            .iter()
            .rev()
            .position(|m| m.name() == "m20261130_000030_create_mentoring")
            .expect("the mentoring migration");
        migrations::Migrator::down(&db, Some(u32::try_from(since + 1).unwrap())).await.unwrap();
        let refused = jp_entry::Entity::insert(line(JpSource::Mentoring)).exec(&db).await;
        assert!(refused.is_err(), "{backend:?}: no mentoring source before the migration");
        migrations::Migrator::up(&db, None).await.unwrap();

        assert_eq!(all().await.unwrap(), before, "{backend:?}: every line, with its id");
        let next = jp_entry::Entity::insert(line(JpSource::Mentoring)).exec(&db).await.unwrap();
        let highest = before.iter().map(|e| e.id).max().unwrap();
        assert!(next.last_insert_id > highest, "{backend:?}: ids go on after the copied ones");
    })
    .await;
}
