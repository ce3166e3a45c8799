//! The JP ledger on both databases: a completed course credits its certificate's JP to the
//! holder's year and a revocation voids it; learning done elsewhere is converted by the table,
//! waits for a lead of the person's agency, counts once verified (told), never twice, and
//! stays out when rejected with a reason; the lead sees every staff member's year.

use app::backend::services::seed::seed_demo;
use app::backend::services::{certificates, jp_ledger, notifications};
use app::error::{AppError, ConflictReason};
use app::model::{JpEntryStatus, JpSource, NotificationEvent, OutsideLearning, ValidationCode};
use chrono::{Duration, NaiveDate};

use crate::certificates::closed_course;
use crate::enrollments::{staff, today};
use crate::harness::each_database;
use crate::offers::course;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC};

fn seminar(title: &str, started: NaiveDate, ended: NaiveDate) -> OutsideLearning {
    OutsideLearning {
        title: title.into(),
        organiser: "BSSN".into(),
        learning_form: "seminar".into(),
        international: false,
        started_on: started,
        ended_on: ended,
        programme_jp: 0,
        evidence: "https://example.org/sertifikat/123".into(),
    }
}

fn field_codes(result: Result<i32, AppError>) -> Vec<(String, ValidationCode)> {
    match result {
        Err(AppError::Invalid(fields)) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_completed_course_credits_this_year_and_a_revocation_voids_it() {
    each_database("jp_course", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let (_, people) = closed_course(&db, course("Kelas JP"), &[10], "jc").await;
        let ledger = jp_ledger::ledger(&db, &people[0], None).await.unwrap();
        assert_eq!(
            (ledger.total, ledger.minimum, ledger.entries.len()),
            (24, 20, 1),
            "{backend:?}"
        );
        let line = &ledger.entries[0];
        assert_eq!((line.source, line.status), (JpSource::Course, JpEntryStatus::Credited));
        assert_eq!(line.organiser, "Universitas Lampung");
        let code = line.certificate.clone().expect("its certificate");
        assert_eq!(
            jp_ledger::ledger(&db, &people[1], None).await.unwrap().total,
            0,
            "not completed"
        );

        let academic = actor(&db, UNILA_ACADEMIC).await;
        certificates::revoke(&db, &academic, &code, "Salah input nilai.").await.unwrap();
        let after = jp_ledger::ledger(&db, &people[0], None).await.unwrap();
        assert_eq!((after.total, after.entries[0].status), (0, JpEntryStatus::Void), "{backend:?}");
    })
    .await;
}

#[tokio::test]
async fn outside_learning_counts_once_a_lead_of_the_agency_verifies_it() {
    each_database("jp_outside", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let asn = staff(&db, "diskominfotik", "jo", 1).await.remove(0);
        let lead = actor(&db, KOMINFO_LEAD).await;
        let yesterday = today() - Duration::days(1);
        let two_days = seminar("Seminar Keamanan Siber", yesterday - Duration::days(1), yesterday);
        let id = jp_ledger::submit_outside(&db, &asn, &two_days).await.unwrap();
        let year: i32 = yesterday.format("%Y").to_string().parse().unwrap();
        let ledger = jp_ledger::ledger(&db, &asn, Some(year)).await.unwrap();
        assert_eq!(ledger.total, 0, "{backend:?}: not before it is verified");
        assert_eq!(
            (ledger.entries[0].jp, ledger.entries[0].status),
            (8, JpEntryStatus::Pending),
            "4 JP a day"
        );

        // The table's rules: a training row needs the programme's JP; the row must exist.
        let training = OutsideLearning { learning_form: "pelatihan".into(), ..two_days.clone() };
        assert_eq!(
            field_codes(jp_ledger::submit_outside(&db, &asn, &training).await),
            [("programme_jp".to_owned(), ValidationCode::Required)]
        );
        let unknown = OutsideLearning { learning_form: "dongeng".into(), ..two_days.clone() };
        assert_eq!(
            field_codes(jp_ledger::submit_outside(&db, &asn, &unknown).await),
            [("learning_form".to_owned(), ValidationCode::UnknownChoice)]
        );
        // Only civil servants keep a ledger.
        let refused = jp_ledger::submit_outside(&db, &lead, &two_days).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");

        // Not the person, not a lead of another agency; a rejection needs a reason.
        assert!(matches!(
            jp_ledger::decide(&db, &asn, id, true, "").await,
            Err(AppError::NotFound)
        ));
        let other_lead = actor(&db, "kasubbag@bkd.sinergi.example").await;
        assert!(matches!(
            jp_ledger::decide(&db, &other_lead, id, true, "").await,
            Err(AppError::NotFound)
        ));
        match jp_ledger::decide(&db, &lead, id, false, " ").await {
            Err(AppError::Invalid(fields)) => assert_eq!(fields[0].field, "note"),
            other => panic!("{other:?}"),
        }
        // Verified once: the second of two decisions at once is told it changed meanwhile.
        let (a, b) = tokio::join!(
            jp_ledger::decide(&db, &lead, id, true, ""),
            jp_ledger::decide(&db, &lead, id, true, ""),
        );
        assert!(a.is_ok() != b.is_ok(), "{backend:?}: {a:?} {b:?}");
        assert!(
            [&a, &b].iter().any(|r| matches!(r, Err(AppError::Conflict(ConflictReason::Stale))))
        );
        assert_eq!(jp_ledger::ledger(&db, &asn, Some(year)).await.unwrap().total, 8);
        let told = notifications::list(&db, &asn).await.unwrap();
        assert!(matches!(
            &told.items[0].event,
            NotificationEvent::JpEntryDecided { credited: true, jp: 8, .. }
        ));

        // Rejected with a reason: shown, not counted.
        let again = jp_ledger::submit_outside(&db, &asn, &seminar("Webinar", yesterday, yesterday))
            .await
            .unwrap();
        jp_ledger::decide(&db, &lead, again, false, "Sertifikat tidak terbaca.").await.unwrap();
        let ledger = jp_ledger::ledger(&db, &asn, Some(year)).await.unwrap();
        let rejected = ledger.entries.iter().find(|e| e.id == again).unwrap();
        assert_eq!(
            (rejected.status, rejected.note.as_str()),
            (JpEntryStatus::Rejected, "Sertifikat tidak terbaca.")
        );
        assert_eq!(ledger.total, 8, "{backend:?}");

        // Learning that ended last year counts toward last year.
        let old_day = NaiveDate::from_ymd_opt(year - 1, 12, 31).unwrap();
        let old =
            jp_ledger::submit_outside(&db, &asn, &seminar("Lokakarya Lama", old_day, old_day))
                .await
                .unwrap();
        jp_ledger::decide(&db, &lead, old, true, "").await.unwrap();
        assert_eq!(jp_ledger::ledger(&db, &asn, Some(year - 1)).await.unwrap().total, 4);
        assert_eq!(jp_ledger::ledger(&db, &asn, Some(year)).await.unwrap().total, 8);
        let years = jp_ledger::ledger(&db, &asn, Some(year)).await.unwrap().years;
        assert!(years.contains(&(year - 1)) && years.contains(&year), "{years:?}");
    })
    .await;
}

#[tokio::test]
async fn the_lead_sees_every_staff_members_year_and_who_is_below_twenty() {
    each_database("jp_staff", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let people = staff(&db, "diskominfotik", "js", 2).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let yesterday = today() - Duration::days(1);
        let year: i32 = yesterday.format("%Y").to_string().parse().unwrap();
        // Six days of seminar: 24 JP for the first; the second has nothing.
        let long = seminar("Seminar Enam Hari", yesterday - Duration::days(5), yesterday);
        let id = jp_ledger::submit_outside(&db, &people[0], &long).await.unwrap();
        let before = jp_ledger::staff_jp(&db, &lead, Some(year)).await.unwrap();
        let agency = before.iter().find(|a| a.slug == "diskominfotik").expect("the lead's agency");
        assert_eq!(agency.pending.iter().map(|p| p.entry.id).collect::<Vec<_>>(), [id]);
        assert_eq!((agency.pending[0].days, agency.pending[0].entry.jp), (6, 24));
        jp_ledger::decide(&db, &lead, id, true, "").await.unwrap();

        let after = jp_ledger::staff_jp(&db, &lead, Some(year)).await.unwrap();
        let agency = after.iter().find(|a| a.slug == "diskominfotik").unwrap();
        let jp_of = |id: i32| agency.staff.iter().find(|s| s.person_id == id).map(|s| s.jp);
        assert_eq!(
            (jp_of(people[0].person_id), jp_of(people[1].person_id)),
            (Some(24), Some(0)),
            "{backend:?}"
        );
        assert!(agency.pending.is_empty());
        assert_eq!(agency.below_minimum(), agency.staff.len() - 1, "all but the one with 24");
        assert!(agency.staff.windows(2).all(|w| w[0].jp <= w[1].jp), "fewest first");
        assert!(agency.days_left >= 1);
        // Not for civil servants.
        assert!(matches!(
            jp_ledger::staff_jp(&db, &people[0], None).await,
            Err(AppError::Forbidden)
        ));
    })
    .await;
}
