//! Attendance and scores on both databases: the course's academics see the participants (only
//! confirmed seats) and tick a session's list in bulk, participants check in with a session's
//! code inside its window, scores are checked before any is written, and a session with
//! attendance is never dropped by an edit.

use app::backend::entities::{check_in_code, course_session, offer};
use app::backend::services::seed::seed_demo;
use app::backend::services::{attendance, enrollments, offers};
use app::error::AppError;
use app::model::{EnrollmentOutcome, FieldError, ValidationCode};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::enrollments::{open_course, staff, today};
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{ITERA_ACADEMIC, KOMINFO_LEAD, UNILA_ACADEMIC};

fn id_of(outcome: EnrollmentOutcome) -> i32 {
    match outcome {
        EnrollmentOutcome::Seated { enrollment_id, .. }
        | EnrollmentOutcome::Waitlisted { enrollment_id, .. } => enrollment_id,
    }
}

async fn first_session(db: &DatabaseConnection, slug: &str) -> i32 {
    let found =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(found.id))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn the_academic_ticks_a_sessions_list_and_sees_the_counts() {
    each_database("attendance_list", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Presensi Kelas Data", 3).await;
        let people = staff(&db, "diskominfotik", "at", 4).await;
        let mut ids = Vec::new();
        for person in &people {
            ids.push(id_of(enrollments::enroll(&db, person, &slug, true).await.unwrap()));
        }
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        assert_eq!(sheet.participants, 3, "{backend:?}: the waitlisted one is no participant");
        assert_eq!(sheet.rows.len(), 3);
        let session = sheet.sessions[0].id;

        attendance::mark(&db, &academic, session, &ids[..3], &ids[..2]).await.unwrap();
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        assert_eq!(sheet.sessions[0].present, 2, "{backend:?}");
        let ticks: Vec<bool> = sheet.rows.iter().map(|r| r.present[0]).collect();
        assert_eq!(ticks, [true, true, false]);
        // Unticking is the same list with fewer ticks.
        attendance::mark(&db, &academic, session, &ids[..3], &ids[1..2]).await.unwrap();
        assert_eq!(
            attendance::sheet(&db, &academic, &slug, 1).await.unwrap().sessions[0].present,
            1
        );
        // A waitlisted person is not on the list: refused, nothing changed.
        let stray = attendance::mark(&db, &academic, session, &ids, &ids).await;
        assert_eq!(
            stray,
            Err(AppError::Invalid(vec![FieldError::new("present", ValidationCode::UnknownChoice)]))
        );
        assert_eq!(
            attendance::sheet(&db, &academic, &slug, 1).await.unwrap().sessions[0].present,
            1
        );
        // Only the course's university.
        for outsider in [ITERA_ACADEMIC, KOMINFO_LEAD] {
            let other = actor(&db, outsider).await;
            assert_eq!(attendance::sheet(&db, &other, &slug, 1).await, Err(AppError::NotFound));
            let ticked = attendance::mark(&db, &other, session, &ids[..1], &ids[..1]).await;
            assert_eq!(ticked, Err(AppError::NotFound), "{outsider}");
        }
    })
    .await;
}

#[tokio::test]
async fn participants_check_in_with_the_sessions_code_inside_its_window() {
    each_database("attendance_code", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Presensi Mandiri", 1).await;
        let people = staff(&db, "diskominfotik", "ci", 2).await;
        enrollments::enroll(&db, &people[0], &slug, false).await.unwrap();
        enrollments::enroll(&db, &people[1], &slug, true).await.unwrap();
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let session = first_session(&db, &slug).await;
        let opened = attendance::open_check_in(&db, &academic, &slug, session).await.unwrap();
        assert_eq!(opened.code.len(), 6);

        let wrong = attendance::check_in(&db, &people[0], &slug, "AAAAAA").await;
        let refused =
            Err(AppError::Invalid(vec![FieldError::new("code", ValidationCode::WrongCode)]));
        assert_eq!(wrong, refused, "{backend:?}");
        let typed = format!(" {} ", opened.code.to_lowercase());
        attendance::check_in(&db, &people[0], &slug, &typed).await.unwrap();
        attendance::check_in(&db, &people[0], &slug, &opened.code).await.unwrap();
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        assert_eq!(sheet.sessions[0].present, 1, "{backend:?}: twice is once");
        // In line, not in the class.
        let waiting = attendance::check_in(&db, &people[1], &slug, &opened.code).await;
        assert_eq!(waiting, Err(AppError::Forbidden));
        // After the window the code is no longer taken.
        let row = check_in_code::Entity::find_by_id(session).one(&db).await.unwrap().unwrap();
        let mut closed: check_in_code::ActiveModel = row.into();
        closed.opens_at = Set(Utc::now() - Duration::hours(2));
        closed.closes_at = Set(Utc::now() - Duration::hours(1));
        closed.update(&db).await.unwrap();
        let newcomer = staff(&db, "diskominfotik", "ci-late", 1).await;
        let late = attendance::check_in(&db, &newcomer[0], &slug, &opened.code).await;
        assert_eq!(late, Err(AppError::Forbidden), "not enrolled at all");
        let again = attendance::check_in(&db, &people[0], &slug, &opened.code).await;
        assert_eq!(again, refused);
        // Only its academics open a code.
        let itera = actor(&db, ITERA_ACADEMIC).await;
        let foreign = attendance::open_check_in(&db, &itera, &slug, session).await;
        assert_eq!(foreign, Err(AppError::NotFound));
    })
    .await;
}

#[tokio::test]
async fn scores_are_all_checked_first_and_an_attended_session_is_never_dropped() {
    each_database("attendance_scores", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Nilai Uji Kelas", 2).await;
        let people = staff(&db, "diskominfotik", "sc", 2).await;
        let a = id_of(enrollments::enroll(&db, &people[0], &slug, false).await.unwrap());
        let b = id_of(enrollments::enroll(&db, &people[1], &slug, false).await.unwrap());
        let academic = actor(&db, UNILA_ACADEMIC).await;
        let bad = attendance::set_scores(
            &db,
            &academic,
            &slug,
            &[(a, Some(60), Some(85)), (b, Some(101), None)],
        )
        .await;
        assert_eq!(
            bad,
            Err(AppError::Invalid(vec![FieldError::new(
                format!("pre_{b}"),
                ValidationCode::OutOfRange { min: 0, max: 100 }
            )]))
        );
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        assert!(sheet.rows.iter().all(|r| r.pre_test.is_none()), "{backend:?}: nothing written");
        attendance::set_scores(
            &db,
            &academic,
            &slug,
            &[(a, Some(60), Some(85)), (b, None, Some(70))],
        )
        .await
        .unwrap();
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        let scores: Vec<_> = sheet.rows.iter().map(|r| (r.pre_test, r.post_test)).collect();
        assert_eq!(scores, [(Some(60), Some(85)), (None, Some(70))], "{backend:?}");

        // Two sessions, the second attended; an edit back to one session is refused.
        let mut two = course("Nilai Uji Kelas");
        two.enrollment_opens_on = today() - Duration::days(1);
        two.enrollment_closes_on = today() + Duration::days(5);
        two.sessions[0].date = today() + Duration::days(10);
        let mut second = two.sessions[0].clone();
        second.date = today() + Duration::days(11);
        two.sessions.push(second);
        offers::update_course(&db, &academic, &slug, &two).await.unwrap();
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        attendance::mark(&db, &academic, sheet.sessions[1].id, &[a, b], &[a]).await.unwrap();
        two.sessions.pop();
        let dropped = offers::update_course(&db, &academic, &slug, &two).await;
        assert_eq!(
            dropped,
            Err(AppError::Invalid(vec![FieldError::new(
                "sessions",
                ValidationCode::HasAttendance
            )])),
            "{backend:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn closing_the_course_completes_those_who_met_its_criteria_and_says_why_not() {
    each_database("attendance_completion", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open_course(&db, "Kelas Penutupan", 3).await;
        let academic = actor(&db, UNILA_ACADEMIC).await;
        // Two sessions; the course asks 80% attendance and a post-test of 70.
        let mut two = course("Kelas Penutupan");
        two.capacity = 3;
        two.enrollment_opens_on = today() - Duration::days(1);
        two.enrollment_closes_on = today() + Duration::days(5);
        two.sessions[0].date = today() + Duration::days(10);
        let mut second = two.sessions[0].clone();
        second.date = today() + Duration::days(11);
        two.sessions.push(second);
        offers::update_course(&db, &academic, &slug, &two).await.unwrap();
        let people = staff(&db, "diskominfotik", "cl", 4).await;
        let mut ids = Vec::new();
        for person in &people {
            ids.push(id_of(enrollments::enroll(&db, person, &slug, true).await.unwrap()));
        }
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        let (first, last) = (sheet.sessions[0].id, sheet.sessions[1].id);
        attendance::mark(&db, &academic, first, &ids[..3], &ids[..3]).await.unwrap();
        attendance::mark(&db, &academic, last, &ids[..3], &[ids[0], ids[2]]).await.unwrap();
        attendance::set_scores(
            &db,
            &academic,
            &slug,
            &[(ids[0], Some(50), Some(80)), (ids[1], None, Some(95))],
        )
        .await
        .unwrap();

        offers::change_status(
            &db,
            &academic,
            app::model::OfferKind::Course,
            &slug,
            app::model::OfferStatus::Closed,
            "",
        )
        .await
        .unwrap();
        let rows: Vec<_> = {
            let mut found = Vec::new();
            for id in &ids {
                found.push(
                    app::backend::entities::enrollment::Entity::find_by_id(*id)
                        .one(&db)
                        .await
                        .unwrap()
                        .unwrap(),
                );
            }
            found
        };
        let outcome: Vec<(&str, Option<i16>)> =
            rows.iter().map(|r| (r.status.as_str(), r.attendance_percent)).collect();
        assert_eq!(
            outcome,
            [
                ("completed", Some(100)),
                ("not_completed", Some(50)),
                ("not_completed", Some(100)),
                ("cancelled", None),
            ],
            "{backend:?}: all met · half the sessions · no post-test · still in line"
        );
        assert!(rows[0].completed_at.is_some() && rows[1].completed_at.is_none());
        let mine = enrollments::own(&db, &people[1]).await.unwrap();
        assert_eq!((mine[0].attendance_percent, mine[0].min_attendance_percent), (Some(50), 80));
        let told = app::backend::services::notifications::list(&db, &people[0]).await.unwrap();
        assert!(
            matches!(
                told.items[0].event,
                app::model::NotificationEvent::CourseEnded { completed: Some(true), .. }
            ),
            "{backend:?}"
        );
    })
    .await;
}
