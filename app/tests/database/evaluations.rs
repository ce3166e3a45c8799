//! Training evaluation on both databases: a participant rates a course they completed once
//! (never one they did not complete, never another's place); the behaviour review opens once
//! when due and is announced to the named supervisor or else the agency's leads; one of them
//! rates it once; the aggregates per course and per university count each level, and the
//! university's become the track record the matching engine weighs.

use app::backend::entities::{enrollment, matching_queue, notification, offer};
use app::backend::services::seed::seed_demo;
use app::backend::services::{assessments, evaluations, matching};
use app::domain::matching::{Factor, Reason};
use app::error::{AppError, ConflictReason};
use app::model::{EvaluationDraft, OfferStatus};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::certificates::closed_course;
use crate::enrollments::staff;
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::KOMINFO_LEAD;

/// The place of `person_id` in the course `slug`.
async fn place(db: &DatabaseConnection, slug: &str, person_id: i32) -> enrollment::Model {
    let found =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(found.id))
        .filter(enrollment::Column::PersonId.eq(person_id))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

/// Moves the completion of `enrollment_id` `days` into the past.
async fn completed_ago(db: &DatabaseConnection, enrollment_id: i32, days: i64) {
    enrollment::Entity::update_many()
        .col_expr(enrollment::Column::CompletedAt, Some(Utc::now() - Duration::days(days)).into())
        .filter(enrollment::Column::Id.eq(enrollment_id))
        .exec(db)
        .await
        .unwrap();
}

/// The people told that a behaviour review is due.
async fn told_of_reviews(db: &DatabaseConnection) -> Vec<i32> {
    let mut people: Vec<i32> = notification::Entity::find()
        .filter(notification::Column::Event.contains("behaviour_review_due"))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.person_id)
        .collect();
    people.sort_unstable();
    people
}

#[tokio::test]
async fn a_participant_rates_a_completed_course_once() {
    each_database("evaluation_reaction", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (slug, people) = closed_course(&db, course("Kelas Evaluasi"), &[10], "ev").await;
        let (passed, failed) = (
            place(&db, &slug, people[0].person_id).await,
            place(&db, &slug, people[1].person_id).await,
        );
        let five = EvaluationDraft { level: 5, comment: "Langsung terpakai.".into() };

        let theirs = evaluations::submit_reaction(&db, &people[1], passed.id, &five).await;
        assert!(matches!(theirs, Err(AppError::NotFound)), "{backend:?}: {theirs:?}");
        let not_completed = evaluations::submit_reaction(&db, &people[1], failed.id, &five).await;
        assert!(
            matches!(not_completed, Err(AppError::Conflict(ConflictReason::NotCompleted))),
            "{not_completed:?}"
        );
        let zero = EvaluationDraft { level: 0, comment: String::new() };
        let invalid = evaluations::submit_reaction(&db, &people[0], passed.id, &zero).await;
        assert!(matches!(invalid, Err(AppError::Invalid(_))), "{invalid:?}");
        crate::matching::drain(&db).await;
        evaluations::submit_reaction(&db, &people[0], passed.id, &five).await.unwrap();
        // The university's record changed: each of its published offers is queued to be
        // re-scored, and nothing else.
        let rated = offer::Entity::find_by_id(passed.offer_id).one(&db).await.unwrap().unwrap();
        let mut published: Vec<i32> = offer::Entity::find()
            .filter(offer::Column::UniversityId.eq(rated.university_id))
            .filter(offer::Column::Status.eq(OfferStatus::Published.as_db()))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
        let mut queued: Vec<i32> = matching_queue::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|q| {
                assert_eq!(q.subject, "offer");
                q.subject_id
            })
            .collect();
        queued.sort_unstable();
        published.sort_unstable();
        assert!(!published.is_empty());
        assert_eq!(queued, published, "{backend:?}");
        let again = evaluations::submit_reaction(&db, &people[0], passed.id, &five).await;
        assert!(
            matches!(again, Err(AppError::Conflict(ConflictReason::AlreadyExists { .. }))),
            "{backend:?}: {again:?}"
        );

        let summary = evaluations::offer_summary(&db, passed.offer_id).await.unwrap();
        assert_eq!((summary.ended, summary.completed, summary.reactions), (2, 1, 1), "{backend:?}");
        assert_eq!(summary.mean_reaction, Some(5.0));
        let record = summary.track_record().unwrap();
        assert_eq!((record.completion_rate, record.evaluation), (0.5, 5.0));
        let unila = offer::Entity::find_by_id(passed.offer_id).one(&db).await.unwrap().unwrap();
        let by_university =
            evaluations::university_summaries(&db, &[unila.university_id]).await.unwrap();
        assert_eq!(by_university[&unila.university_id], summary, "{backend:?}");

        // The matching engine weighs the university's record, a new course of it included:
        // half of 2 completed, rated 5.0.
        let need = crate::matching::open_need(&db, "Layanan Aduan Cepat").await;
        let newer = crate::matching::publish_course(&db, course("Pelayanan Publik Prima")).await;
        crate::matching::drain(&db).await;
        let weights = matching::current_weights(&db).await.unwrap();
        let ranked = matching::rank_need(&db, need, &weights, crate::matching::today())
            .await
            .unwrap()
            .unwrap();
        let (_, scored) = ranked.iter().find(|(id, _)| *id == newer).unwrap();
        let record = scored.parts.iter().find(|p| p.factor == Factor::TrackRecord).unwrap();
        let expected = Reason::Record { completion_percent: 50, evaluation_tenths: 50 };
        assert_eq!(record.reasons, [expected], "{backend:?}");
        assert_eq!(record.score, Some(0.75), "{backend:?}: half completion, half (5 − 1) / 4");
    })
    .await;
}

#[tokio::test]
async fn the_behaviour_review_opens_once_when_due_and_is_rated_once() {
    each_database("evaluation_behaviour", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (slug, people) = closed_course(&db, course("Kelas Perilaku"), &[10], "bh").await;
        let passed = place(&db, &slug, people[0].person_id).await;
        let lead = actor(&db, KOMINFO_LEAD).await;

        // Not due yet: nothing opens.
        completed_ago(&db, passed.id, evaluations::BEHAVIOUR_REVIEW_DAYS - 1).await;
        assert_eq!(evaluations::open_due_reviews(&db).await.unwrap(), 0, "{backend:?}");
        // Due: it opens once, and the agency's leads (no supervisor named) are told once.
        completed_ago(&db, passed.id, evaluations::BEHAVIOUR_REVIEW_DAYS + 1).await;
        assert_eq!(evaluations::open_due_reviews(&db).await.unwrap(), 1, "{backend:?}");
        assert_eq!(evaluations::open_due_reviews(&db).await.unwrap(), 0);
        let told = told_of_reviews(&db).await;
        assert!(told.contains(&lead.person_id) && !told.contains(&people[0].person_id), "{told:?}");

        let waiting = evaluations::pending_reviews(&db, &lead).await.unwrap();
        assert_eq!(waiting.iter().map(|r| r.enrollment_id).collect::<Vec<_>>(), [passed.id]);
        assert!(evaluations::pending_reviews(&db, &people[1]).await.unwrap().is_empty());
        let good = EvaluationDraft { level: 4, comment: "Menerapkan di layanan aduan.".into() };
        for stranger in [&people[0], &people[1]] {
            let refused = evaluations::rate_behaviour(&db, stranger, passed.id, &good).await;
            assert!(matches!(refused, Err(AppError::NotFound)), "{backend:?}: {refused:?}");
        }
        evaluations::rate_behaviour(&db, &lead, passed.id, &good).await.unwrap();
        let again = evaluations::rate_behaviour(&db, &lead, passed.id, &good).await;
        assert!(matches!(again, Err(AppError::Conflict(ConflictReason::Stale))), "{again:?}");
        assert!(evaluations::pending_reviews(&db, &lead).await.unwrap().is_empty());
        let summary = evaluations::offer_summary(&db, passed.offer_id).await.unwrap();
        assert_eq!((summary.behaviours, summary.mean_behaviour), (1, Some(4.0)), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_named_supervisor_is_told_instead_of_the_leads() {
    each_database("evaluation_supervisor", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (slug, people) = closed_course(&db, course("Kelas Atasan"), &[10], "sv").await;
        let passed = place(&db, &slug, people[0].person_id).await;
        let supervisor = staff(&db, "diskominfotik", "svs", 1).await.remove(0);
        let lead = actor(&db, KOMINFO_LEAD).await;
        let named = supervisor.person_id.to_string();
        assessments::save_plan(&db, &lead, people[0].person_id, &named, "").await.unwrap();
        completed_ago(&db, passed.id, evaluations::BEHAVIOUR_REVIEW_DAYS + 3).await;
        assert_eq!(evaluations::open_due_reviews(&db).await.unwrap(), 1);
        assert_eq!(told_of_reviews(&db).await, [supervisor.person_id], "{backend:?}");
        let waiting = evaluations::pending_reviews(&db, &supervisor).await.unwrap();
        assert_eq!(waiting.len(), 1, "{backend:?}");
        let fair = EvaluationDraft { level: 3, comment: String::new() };
        evaluations::rate_behaviour(&db, &supervisor, passed.id, &fair).await.unwrap();
    })
    .await;
}
