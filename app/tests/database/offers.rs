//! Courses and research offers on both databases: who may write and move them, the lifecycle
//! with its history, and validation that changes nothing.

use app::backend::entities::{offer, organisation};
use app::backend::services::offers;
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{
    CourseDraft, DeliveryMode, FieldError, OfferCompetency, OfferKind, OfferPerson, OfferStatus,
    ResearchDraft, ResearchOutput, SessionDraft, ValidationCode,
};
use chrono::{NaiveDate, NaiveTime};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::harness::each_database;
use crate::people::actor;

const UNILA_ACADEMIC: &str = "dosen@unila.sinergi.example";
const UNILA_COORDINATOR: &str = "koordinator@unila.sinergi.example";
const ITERA_ACADEMIC: &str = "dosen@itera.sinergi.example";
const KOMINFO_LEAD: &str = "kabid@diskominfotik.sinergi.example";
const KOMINFO_ASN: &str = "asn1@diskominfotik.sinergi.example";
const PROVINCE: &str = "admin@pemprov.sinergi.example";

/// A course that passes every rule, titled `title`.
pub fn course(title: &str) -> CourseDraft {
    let day = |d| NaiveDate::from_ymd_opt(2027, 8, d).unwrap();
    let time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    CourseDraft {
        title: title.into(),
        summary: "Ringkasan pelatihan untuk ASN.".into(),
        description: "## Materi\n\nStandar pelayanan.".into(),
        competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: Some(3) }],
        jp: 24,
        learning_form: "pelatihan".into(),
        international: false,
        mode: DeliveryMode::TatapMuka,
        region_code: "1871".into(),
        sessions: vec![SessionDraft {
            date: day(10),
            starts: time(8),
            ends: time(16),
            place: "Ruang 1".into(),
        }],
        capacity: 30,
        fee_rupiah: 0,
        instructors: vec![OfferPerson { name: "Dr. Sari".into(), role: "Narasumber".into() }],
        prerequisites: String::new(),
        min_attendance_percent: 80,
        min_post_test_score: 70,
        enrollment_opens_on: day(1),
        enrollment_closes_on: day(8),
    }
}

pub fn research(title: &str) -> ResearchDraft {
    ResearchDraft {
        title: title.into(),
        summary: "Kajian singkat.".into(),
        description: "Abstrak kajian.".into(),
        expertise: "Kebijakan publik".into(),
        team: vec![OfferPerson { name: "Prof. Budi".into(), role: "Ketua".into() }],
        competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: None }],
        sectors: vec!["Pelayanan publik".into()],
        duration_months: 6,
        budget_min_rupiah: 50_000_000,
        budget_max_rupiah: 90_000_000,
        outputs: vec![ResearchOutput::PolicyBrief],
    }
}

#[tokio::test]
async fn a_course_goes_from_draft_to_closed_and_every_move_is_recorded() {
    each_database("course_lifecycle", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let coordinator = actor(&db, UNILA_COORDINATOR).await;
        let kind = OfferKind::Course;

        let slug = offers::create_course(&db, &academic, "unila", &course("Tata Kelola Data"))
            .await
            .unwrap();
        assert_eq!(slug, "tata-kelola-data", "{backend:?}");
        let again = offers::create_course(&db, &academic, "unila", &course("Tata Kelola Data"))
            .await
            .unwrap();
        assert_eq!(again, "tata-kelola-data-2", "a taken slug gets a number: {backend:?}");

        // A draft is the university's business: the public does not see it.
        assert_eq!(offers::detail(&db, None, kind, &slug).await, Err(AppError::NotFound));
        let own = offers::detail(&db, Some(&academic), kind, &slug).await.unwrap();
        assert_eq!(own.status, OfferStatus::Draft);
        assert!(own.manageable);
        assert_eq!(own.card.jp, Some(24));

        let published =
            offers::change_status(&db, &academic, kind, &slug, OfferStatus::Published, "")
                .await
                .unwrap();
        assert_eq!(published, OfferStatus::Published, "{backend:?}");
        let public = offers::detail(&db, None, kind, &slug).await.unwrap();
        assert!(!public.manageable);
        assert!(public.description_html.contains("<h2>Materi</h2>"), "{}", public.description_html);

        let twice =
            offers::change_status(&db, &academic, kind, &slug, OfferStatus::Published, "").await;
        assert_eq!(twice, Err(AppError::Conflict(ConflictReason::Stale)), "{backend:?}");
        offers::change_status(&db, &coordinator, kind, &slug, OfferStatus::Closed, "Selesai")
            .await
            .unwrap();
        let after_close =
            offers::change_status(&db, &coordinator, kind, &slug, OfferStatus::Cancelled, "").await;
        assert_eq!(
            after_close,
            Err(AppError::Conflict(ConflictReason::Stale)),
            "final: {backend:?}"
        );
        let edit_closed = offers::update_course(&db, &academic, &slug, &course("Baru")).await;
        assert_eq!(edit_closed, Err(AppError::Conflict(ConflictReason::Stale)), "{backend:?}");

        let history = offers::history(&db, &coordinator, kind, &slug).await.unwrap();
        let steps: Vec<(OfferStatus, &str, &str)> =
            history.iter().map(|h| (h.to, h.by.as_str(), h.note.as_str())).collect();
        assert_eq!(
            steps,
            [
                (OfferStatus::Draft, academic.full_name.as_str(), ""),
                (OfferStatus::Published, academic.full_name.as_str(), ""),
                (OfferStatus::Closed, coordinator.full_name.as_str(), "Selesai"),
            ],
            "{backend:?}"
        );
        let stored = offer::Entity::find()
            .filter(offer::Column::Slug.eq(slug.as_str()))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert!(stored.published_at.is_some(), "closing keeps when it was published");
    })
    .await;
}

#[tokio::test]
async fn only_the_university_writes_and_moves_its_offers() {
    each_database("offer_authorisation", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let kind = OfferKind::Course;
        for email in [ITERA_ACADEMIC, KOMINFO_LEAD, KOMINFO_ASN, PROVINCE] {
            let outsider = actor(&db, email).await;
            let refused = offers::create_course(&db, &outsider, "unila", &course("Titipan")).await;
            assert_eq!(refused, Err(AppError::Forbidden), "{backend:?} {email}");
        }
        let lead = actor(&db, KOMINFO_LEAD).await;
        let on_agency = offers::create_course(&db, &lead, "diskominfotik", &course("X")).await;
        assert_eq!(on_agency, Err(AppError::Forbidden), "agencies do not publish courses");

        let slug =
            offers::create_course(&db, &academic, "unila", &course("Milik Unila")).await.unwrap();
        let itera = actor(&db, ITERA_ACADEMIC).await;
        // Another university cannot even learn that the draft exists.
        let peek = offers::update_course(&db, &itera, &slug, &course("Diubah")).await;
        assert_eq!(peek, Err(AppError::NotFound), "{backend:?}");
        let publish =
            offers::change_status(&db, &itera, kind, &slug, OfferStatus::Published, "").await;
        assert_eq!(publish, Err(AppError::NotFound), "{backend:?}");

        offers::change_status(&db, &academic, kind, &slug, OfferStatus::Published, "")
            .await
            .unwrap();
        let close = offers::change_status(&db, &itera, kind, &slug, OfferStatus::Closed, "").await;
        assert_eq!(close, Err(AppError::Forbidden), "published: visible, still not theirs");
        let province = actor(&db, PROVINCE).await;
        let close =
            offers::change_status(&db, &province, kind, &slug, OfferStatus::Closed, "").await;
        assert_eq!(close, Err(AppError::Forbidden), "the province only cancels: {backend:?}");
        offers::change_status(&db, &province, kind, &slug, OfferStatus::Cancelled, "Tidak layak")
            .await
            .unwrap();
        let history = offers::history(&db, &itera, kind, &slug).await;
        assert_eq!(history, Err(AppError::Forbidden), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn an_unverified_university_writes_drafts_but_cannot_publish() {
    each_database("offer_unverified", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let slug = offers::create_research(&db, &academic, "unila", &research("Kajian Baru"))
            .await
            .unwrap();
        let unila = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("unila"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut unverified: organisation::ActiveModel = unila.into();
        unverified.verified = Set(false);
        unverified.update(&db).await.unwrap();

        let refused = offers::change_status(
            &db,
            &academic,
            OfferKind::Research,
            &slug,
            OfferStatus::Published,
            "",
        )
        .await;
        assert_eq!(refused, Err(AppError::Conflict(ConflictReason::OrganisationNotVerified)));
        let still = offers::detail(&db, Some(&academic), OfferKind::Research, &slug).await.unwrap();
        assert_eq!(still.status, OfferStatus::Draft, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn invalid_offers_are_refused_field_by_field_and_nothing_is_saved() {
    each_database("offer_validation", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let before = offer::Entity::find().count(&db).await.unwrap();

        let mut bad = course("Kursus Rusak");
        bad.jp = 0;
        bad.sessions.clear();
        let refused = offers::create_course(&db, &academic, "unila", &bad).await;
        assert_eq!(
            refused,
            Err(AppError::Invalid(vec![
                FieldError::new("jp", ValidationCode::OutOfRange { min: 1, max: 500 }),
                FieldError::new("sessions", ValidationCode::TooFew { min: 1 }),
            ])),
            "{backend:?}"
        );

        let mut unknown = course("Kompetensi Tak Dikenal");
        unknown.competencies[0].code = "TIDAK-ADA".into();
        let refused = offers::create_course(&db, &academic, "unila", &unknown).await;
        let expected = FieldError::new("competencies", ValidationCode::UnknownChoice);
        assert_eq!(refused, Err(AppError::Invalid(vec![expected])), "{backend:?}");

        let mut form = course("Bentuk Tak Dikenal");
        form.learning_form = "kursus-kilat".into();
        let refused = offers::create_course(&db, &academic, "unila", &form).await;
        let expected = FieldError::new("learning_form", ValidationCode::UnknownChoice);
        assert_eq!(refused, Err(AppError::Invalid(vec![expected])), "{backend:?}");

        let mut budget = research("Anggaran Terbalik");
        budget.budget_max_rupiah = 1;
        let refused = offers::create_research(&db, &academic, "unila", &budget).await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{backend:?}");

        assert_eq!(offer::Entity::find().count(&db).await.unwrap(), before, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn saving_a_course_rewrites_its_sessions_in_place_and_keeps_its_link() {
    each_database("offer_update", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let slug =
            offers::create_course(&db, &academic, "unila", &course("Kursus Awal")).await.unwrap();
        let session_ids = |db: sea_orm::DatabaseConnection| async move {
            use app::backend::entities::course_session;
            use sea_orm::QueryOrder;
            course_session::Entity::find()
                .order_by_asc(course_session::Column::StartsAt)
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|s| (s.offer_id, s.id))
                .collect::<Vec<_>>()
        };
        let before = session_ids(db.clone()).await;
        let mut changed = course("Kursus Diperbarui");
        changed.sessions.push(SessionDraft {
            date: NaiveDate::from_ymd_opt(2027, 8, 11).unwrap(),
            starts: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            ends: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            place: "Ruang 2".into(),
        });
        changed.competencies.push(OfferCompetency { code: "TEK-DATA-01".into(), level: Some(2) });
        offers::update_course(&db, &academic, &slug, &changed).await.unwrap();
        let saved = offers::detail(&db, Some(&academic), OfferKind::Course, &slug).await.unwrap();
        assert_eq!(saved.card.title, "Kursus Diperbarui", "{backend:?}");
        assert_eq!(saved.card.slug, slug, "the link stays");
        assert_eq!(saved.card.competencies.len(), 2);
        let app::model::OfferFacts::Course(facts) = saved.facts else { panic!("a course") };
        assert_eq!(facts.sessions.len(), 2, "{backend:?}");
        // 09.00 WIB is 02.00 UTC.
        assert!(
            facts.sessions[1].starts_at.starts_with("2027-08-11T02:00:00"),
            "{:?}",
            facts.sessions
        );
        // The first session kept its id (attendance refers to it); the new one was added.
        let after = session_ids(db.clone()).await;
        let offer_id = after.iter().find(|(_, id)| before.iter().all(|(_, b)| b != id)).unwrap().0;
        let kept: Vec<_> = before.iter().filter(|(o, _)| *o == offer_id).collect();
        let now: Vec<_> = after.iter().filter(|(o, _)| *o == offer_id).collect();
        assert_eq!((kept.len(), now.len()), (1, 2), "{backend:?}");
        assert_eq!(now[0], kept[0], "{backend:?}: the first session keeps its id");
        // Fewer sessions again: the surplus goes.
        offers::update_course(&db, &academic, &slug, &course("Kursus Diperbarui")).await.unwrap();
        let last = session_ids(db.clone()).await;
        let now: Vec<_> = last.iter().filter(|(o, _)| *o == offer_id).collect();
        assert_eq!(now, [kept[0]], "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn a_draft_dropped_before_publication_stays_hidden() {
    each_database("offer_dropped_draft", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let kind = OfferKind::Course;
        let dropped =
            offers::create_course(&db, &academic, "unila", &course("Draf Dibuang")).await.unwrap();
        offers::change_status(&db, &academic, kind, &dropped, OfferStatus::Cancelled, "Tidak jadi")
            .await
            .unwrap();
        assert_eq!(
            offers::detail(&db, None, kind, &dropped).await,
            Err(AppError::NotFound),
            "{backend:?}"
        );
        assert_eq!(
            offers::detail(&db, Some(&itera), kind, &dropped).await,
            Err(AppError::NotFound)
        );
        assert_eq!(offers::history(&db, &itera, kind, &dropped).await, Err(AppError::NotFound));
        let own = offers::detail(&db, Some(&academic), kind, &dropped).await.unwrap();
        assert_eq!(own.status, OfferStatus::Cancelled, "{backend:?}");

        // Cancelled after publication: the link still answers, saying so.
        let ran =
            offers::create_course(&db, &academic, "unila", &course("Pernah Terbit")).await.unwrap();
        offers::change_status(&db, &academic, kind, &ran, OfferStatus::Published, "")
            .await
            .unwrap();
        offers::change_status(&db, &academic, kind, &ran, OfferStatus::Cancelled, "")
            .await
            .unwrap();
        let public = offers::detail(&db, None, kind, &ran).await.unwrap();
        assert_eq!(public.status, OfferStatus::Cancelled, "{backend:?}");

        // A level sent with a research competency is not stored (research certifies nothing).
        let mut leveled = research("Riset Berlevel");
        leveled.competencies[0].level = Some(9);
        let slug = offers::create_research(&db, &academic, "unila", &leveled).await.unwrap();
        let saved = offers::detail(&db, Some(&academic), OfferKind::Research, &slug).await.unwrap();
        assert_eq!(saved.card.competencies[0].level, None, "{backend:?}");
    })
    .await;
}
