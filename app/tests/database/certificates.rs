//! Certificates on both databases: closing a course issues one to each participant who
//! completed (JP through the conversion table's row of the course), anyone verifies it by its
//! code, what it says stays as issued, the PDF and the Open Badges credential carry it, and the
//! university — only it — revokes it once, with a reason, after which no copy is handed out.

use app::backend::entities::{certificate, enrollment, offer};
use app::backend::services::seed::seed_demo;
use app::backend::services::{attendance, certificates, enrollments, offers};
use app::error::{AppError, ConflictReason};
use app::model::{
    CourseDraft, EnrollmentOutcome, OfferKind, OfferStatus, ValidationCode, grouped_code,
};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::enrollments::{staff, today};
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{ITERA_ACADEMIC, KOMINFO_LEAD, UNILA_ACADEMIC};

const BASE: &str = "https://sinergi.example";

/// A Unila course built from `draft` (enrollment open today, sessions on the given days ahead),
/// two civil servants enrolled and present at every session; the first passes the post-test,
/// the second does not. Closes it; returns the slug and both participants.
pub async fn closed_course(
    db: &DatabaseConnection,
    mut draft: CourseDraft,
    days_ahead: &[i64],
    tag: &str,
) -> (String, Vec<app::backend::auth::Actor>) {
    let academic = actor(db, UNILA_ACADEMIC).await;
    draft.enrollment_opens_on = today() - Duration::days(1);
    draft.enrollment_closes_on = today() + Duration::days(5);
    let template = draft.sessions[0].clone();
    draft.sessions = days_ahead
        .iter()
        .map(|d| app::model::SessionDraft {
            date: today() + Duration::days(*d),
            ..template.clone()
        })
        .collect();
    let slug = offers::create_course(db, &academic, "unila", &draft).await.unwrap();
    offers::change_status(db, &academic, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await
        .unwrap();
    let people = staff(db, "diskominfotik", tag, 2).await;
    let mut ids = Vec::new();
    for person in &people {
        match enrollments::enroll(db, person, &slug, false).await.unwrap() {
            EnrollmentOutcome::Seated { enrollment_id, .. } => ids.push(enrollment_id),
            other => panic!("{other:?}"),
        }
    }
    let sheet = attendance::sheet(db, &academic, &slug, 1).await.unwrap();
    for session in &sheet.sessions {
        attendance::mark(db, &academic, session.id, &ids, &ids).await.unwrap();
    }
    attendance::set_scores(
        db,
        &academic,
        &slug,
        &[(ids[0], None, Some(90)), (ids[1], None, Some(40))],
    )
    .await
    .unwrap();
    offers::change_status(db, &academic, OfferKind::Course, &slug, OfferStatus::Closed, "")
        .await
        .unwrap();
    (slug, people)
}

async fn certificates_of(db: &DatabaseConnection, slug: &str) -> Vec<certificate::Model> {
    let course =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    certificate::Entity::find()
        .filter(certificate::Column::OfferId.eq(course.id))
        .all(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn closing_a_course_certifies_who_completed_and_anyone_verifies_it() {
    each_database("certificates_issue", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (slug, people) = closed_course(&db, course("Kelas Sertifikat"), &[10], "ci").await;
        let issued = certificates_of(&db, &slug).await;
        assert_eq!(issued.len(), 1, "{backend:?}: only the one who completed");
        let cert = &issued[0];
        assert_eq!((cert.person_id, cert.jp), (people[0].person_id, 24), "{backend:?}");

        // Anyone, with the code in any accepted form.
        let typed = grouped_code(&cert.code).to_lowercase();
        let shown = certificates::verify(&db, None, &typed, BASE).await.unwrap();
        assert_eq!(shown.holder_name, "ASN ci 0");
        assert_eq!((shown.course_title.as_str(), shown.jp), ("Kelas Sertifikat", 24));
        assert_eq!(shown.university_name, "Universitas Lampung");
        assert_eq!(shown.first_day, Some(today() + Duration::days(10)));
        assert_eq!(shown.completed_on, today());
        assert_eq!(
            shown.competencies.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            ["MNJ-05"]
        );
        assert!(shown.revoked.is_none() && !shown.may_revoke);
        assert!(shown.qr_svg.starts_with("<svg"), "{}", shown.qr_svg);
        let academic = actor(&db, UNILA_ACADEMIC).await;
        assert!(
            certificates::verify(&db, Some(&academic), &cert.code, BASE).await.unwrap().may_revoke
        );
        for unknown in ["0000000000000000000Z", "not a code", ""] {
            let refused = certificates::verify(&db, None, unknown, BASE).await;
            assert!(matches!(refused, Err(AppError::NotFound)), "{unknown}: {refused:?}");
        }

        // The holder finds it under their courses; the academic on the participant sheet.
        let own = enrollments::own(&db, &people[0]).await.unwrap();
        assert_eq!(own[0].certificate.as_deref(), Some(cert.code.as_str()));
        assert_eq!(enrollments::own(&db, &people[1]).await.unwrap()[0].certificate, None);
        let sheet = attendance::sheet(&db, &academic, &slug, 1).await.unwrap();
        let codes: Vec<Option<&str>> =
            sheet.rows.iter().map(|r| r.certificate.as_deref()).collect();
        assert_eq!(codes, [Some(cert.code.as_str()), None]);

        // What it says stays as issued when the course is renamed.
        let mut renamed: offer::ActiveModel =
            offer::Entity::find_by_id(cert.offer_id).one(&db).await.unwrap().unwrap().into();
        renamed.title = Set("Nama Baru".into());
        renamed.update(&db).await.unwrap();
        let again = certificates::verify(&db, None, &cert.code, BASE).await.unwrap();
        assert_eq!(again.course_title, "Kelas Sertifikat");

        // One certificate per enrollment, held by the database too.
        let twice = certificate::ActiveModel {
            code: Set(certificates::new_code()),
            ..certificate::ActiveModel::from(cert.clone())
        };
        let mut twice = twice;
        twice.id = sea_orm::ActiveValue::NotSet;
        assert!(twice.insert(&db).await.is_err(), "{backend:?}: uq_certificates_enrollment");
    })
    .await;
}

#[tokio::test]
async fn jp_is_credited_through_the_conversion_table_row_of_the_course() {
    each_database("certificates_jp", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        // A seminar counts 4 JP a day (national), whatever the programme declares.
        let seminar = CourseDraft { learning_form: "seminar".into(), ..course("Seminar Dua Hari") };
        let (slug, _) = closed_course(&db, seminar, &[10, 11], "cs").await;
        let cert = &certificates_of(&db, &slug).await[0];
        assert_eq!(
            (cert.jp, cert.first_day, cert.last_day),
            (8, Some(today() + Duration::days(10)), Some(today() + Duration::days(11))),
            "{backend:?}"
        );
        // International training: 120% of the programme's 24 JP.
        let abroad = CourseDraft { international: true, ..course("Pelatihan Internasional") };
        let (slug, _) = closed_course(&db, abroad, &[10], "cx").await;
        assert_eq!(certificates_of(&db, &slug).await[0].jp, 28, "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn documents_carry_the_certificate_and_only_its_university_revokes_it_once() {
    each_database("certificates_revoke", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (_, people) = closed_course(&db, course("Kelas Dicabut"), &[10], "cr").await;
        let cert = certificate::Entity::find()
            .filter(certificate::Column::PersonId.eq(people[0].person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let code = cert.code.clone();

        let (number, pdf) = certificates::pdf(&db, &code, BASE).await.unwrap();
        assert_eq!(number, app::model::certificate_number(cert.id, cert.issued_at));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.starts_with("%PDF-") && text.trim_end().ends_with("%%EOF"), "{backend:?}");
        for printed in [
            "(SERTIFIKAT)",
            "(ASN cr 0)",
            "(Kelas Dicabut)",
            "/Helvetica-Bold",
            "/MediaBox [0 0 842 595]",
        ] {
            assert!(text.contains(printed), "{backend:?}: {printed} not in the PDF");
        }
        assert!(
            text.contains(&format!("{BASE}/verifikasi/{code}")),
            "the address under the QR code"
        );

        let badge = certificates::open_badge(&db, &code, BASE).await.unwrap();
        assert_eq!(badge["type"][1], "OpenBadgeCredential");
        assert_eq!(badge["id"], format!("{BASE}/verifikasi/{code}"));
        assert_eq!(badge["credentialSubject"]["creditsEarned"], 24);
        let achievement = &badge["credentialSubject"]["achievement"];
        assert_eq!(achievement["name"], "Kelas Dicabut");
        assert_eq!(achievement["alignment"][0]["targetCode"], "MNJ-05");
        assert_eq!(badge["issuer"]["name"], "Universitas Lampung");

        // Not another university, not the holder, not without a reason.
        for who in [ITERA_ACADEMIC, KOMINFO_LEAD] {
            let refused = certificates::revoke(&db, &actor(&db, who).await, &code, "Salah").await;
            assert!(matches!(refused, Err(AppError::Forbidden)), "{who}: {refused:?}");
        }
        assert!(matches!(
            certificates::revoke(&db, &people[0], &code, "Salah").await,
            Err(AppError::Forbidden)
        ));
        let academic = actor(&db, UNILA_ACADEMIC).await;
        match certificates::revoke(&db, &academic, &code, "  ").await {
            Err(AppError::Invalid(fields)) => {
                assert_eq!(
                    (fields[0].field.as_str(), fields[0].code),
                    ("reason", ValidationCode::Required)
                );
            }
            other => panic!("{other:?}"),
        }
        // Two revocations at once: one wins, the other is told it is already revoked.
        let (a, b) = tokio::join!(
            certificates::revoke(&db, &academic, &code, "Nilai post-test salah input."),
            certificates::revoke(&db, &academic, &code, "Kedua kalinya."),
        );
        let conflicts = [&a, &b]
            .iter()
            .filter(|r| matches!(r, Err(AppError::Conflict(ConflictReason::CertificateRevoked))))
            .count();
        assert_eq!(
            (a.is_ok() as u8 + b.is_ok() as u8, conflicts),
            (1, 1),
            "{backend:?}: {a:?} {b:?}"
        );

        let shown = certificates::verify(&db, Some(&academic), &code, BASE).await.unwrap();
        let revocation = shown.revoked.expect("revoked");
        assert!(
            ["Nilai post-test salah input.", "Kedua kalinya."]
                .contains(&revocation.reason.as_str())
        );
        assert!(!shown.may_revoke);
        for refused in [
            certificates::pdf(&db, &code, BASE).await.map(|_| ()),
            certificates::open_badge(&db, &code, BASE).await.map(|_| ()),
        ] {
            assert!(matches!(refused, Err(AppError::Conflict(ConflictReason::CertificateRevoked))));
        }
        // The enrollment itself stays completed: the revocation is the certificate's.
        let place =
            enrollment::Entity::find_by_id(cert.enrollment_id).one(&db).await.unwrap().unwrap();
        assert_eq!(place.status, "completed");

        // The database refuses a revocation that does not say why.
        let revoked = certificate::Entity::find_by_id(cert.id).one(&db).await.unwrap().unwrap();
        let mut silent: certificate::ActiveModel = revoked.into();
        silent.revoke_reason = Set(String::new());
        assert!(silent.update(&db).await.is_err(), "{backend:?}: the CHECK");
    })
    .await;
}
