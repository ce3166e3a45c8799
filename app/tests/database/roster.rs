//! The ASN roster import on both databases: all or nothing, every problem reported, re-imports
//! update, and only the agency's leads (or the province) may import.

use app::backend::entities::{membership, person, roster_import};
use app::backend::services::roster;
use app::backend::services::seed::seed_demo;
use app::error::AppError;
use app::model::{NipError, ValidationCode};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::harness::each_database;
use crate::people::actor;

const LEAD: &str = "kabid@diskominfotik.sinergi.example";

fn roster(rows: &[&str]) -> Vec<u8> {
    let mut text = String::from("NIP;Nama;Email;Jabatan;Unit;Pangkat\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

#[tokio::test]
async fn a_roster_with_a_bad_row_writes_nothing_and_says_why() {
    each_database("roster_bad", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, LEAD).await;
        let people_before = person::Entity::find().count(&db).await.unwrap();
        let file = roster(&[
            "198705122010011001;Rudi Hartono;rudi@x.example;Analis Data;Bidang Statistik;Penata, III/c",
            "198705122010013002;Sari Dewi;sari@x.example;Pranata Humas;Bidang IKP;",
            // The NIP of a seeded ASN of Diskominfotik, with another email: someone else's.
            "199203152019032001;Siti Palsu;siti.palsu@x.example;;;",
        ]);
        let report = roster::import(&db, &lead, "diskominfotik", "asn.csv", &file).await.unwrap();
        assert!(!report.imported(), "{backend:?}");
        let problems: Vec<_> = report.errors.iter().map(|e| (e.line, e.field.as_str(), e.code)).collect();
        assert_eq!(problems, vec![(3, "nip", ValidationCode::Nip(NipError::Sex))], "{backend:?}");
        assert_eq!(person::Entity::find().count(&db).await.unwrap(), people_before, "nothing written");

        // With the file fixed, the clash with an existing person is the one problem left.
        let file = roster(&[
            "198705122010011001;Rudi Hartono;rudi@x.example;Analis Data;Bidang Statistik;Penata, III/c",
            "199203152019032001;Siti Palsu;siti.palsu@x.example;;;",
        ]);
        let report = roster::import(&db, &lead, "diskominfotik", "asn.csv", &file).await.unwrap();
        let problems: Vec<_> = report.errors.iter().map(|e| (e.line, e.field.as_str(), e.code)).collect();
        assert_eq!(problems, vec![(3, "nip", ValidationCode::TakenByAnotherPerson)], "{backend:?}");
        assert_eq!(person::Entity::find().count(&db).await.unwrap(), people_before);
        // Both attempts are on record, with their problems.
        assert_eq!(roster_import::Entity::find().count(&db).await.unwrap(), 2);
        let stored = roster::report(&db, &lead, "diskominfotik", report.id).await.unwrap();
        assert_eq!(stored, report);
    })
    .await;
}

#[tokio::test]
async fn a_good_roster_is_imported_and_a_second_upload_updates_it() {
    each_database("roster_good", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, LEAD).await;
        let file = roster(&[
            "198705122010011001;Rudi Hartono;Rudi@X.example;Analis Data;Bidang Statistik;Penata, III/c",
            // A seeded ASN, same NIP and email: kept, position updated.
            "199203152019032001;Siti Nurhaliza;asn1@diskominfotik.sinergi.example;Pranata Komputer Ahli Muda;Bidang Statistik;Penata, III/c",
        ]);
        let report = roster::import(&db, &lead, "diskominfotik", "asn.csv", &file).await.unwrap();
        assert!(report.imported(), "{backend:?}: {:?}", report.errors);
        assert_eq!((report.rows, report.created, report.updated), (2, 1, 1));
        let rudi = person::Entity::find()
            .filter(person::Column::Nip.eq("198705122010011001"))
            .one(&db)
            .await
            .unwrap()
            .expect("a new account");
        assert_eq!(rudi.email, "rudi@x.example");
        let siti = actor(&db, "asn1@diskominfotik.sinergi.example").await;
        let membership = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(siti.person_id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(membership.position.as_deref(), Some("Pranata Komputer Ahli Muda"));
        assert_eq!(membership.rank.as_deref(), Some("Penata, III/c"));

        // The same file again changes nothing but counts everyone as updated.
        let again = roster::import(&db, &lead, "diskominfotik", "asn.csv", &file).await.unwrap();
        assert_eq!((again.created, again.updated), (0, 2), "{backend:?}");
        let memberships = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(rudi.id))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(memberships, 1);
    })
    .await;
}

#[tokio::test]
async fn only_the_agencys_leads_and_the_province_import() {
    each_database("roster_access", |db, _backend| async move {
        seed_demo(&db).await.unwrap();
        let file = roster(&["198705122010011001;Rudi Hartono;rudi@x.example;;;"]);
        for email in [
            "kasubbag@bkd.sinergi.example",
            "asn1@diskominfotik.sinergi.example",
            "koordinator@unila.sinergi.example",
        ] {
            let other = actor(&db, email).await;
            let refused = roster::import(&db, &other, "diskominfotik", "asn.csv", &file).await;
            assert_eq!(refused, Err(AppError::Forbidden), "{email}");
        }
        let coordinator = actor(&db, "koordinator@unila.sinergi.example").await;
        let university = roster::import(&db, &coordinator, "unila", "asn.csv", &file).await;
        assert_eq!(university, Err(AppError::Forbidden), "a university has no ASN roster");
        assert_eq!(roster_import::Entity::find().count(&db).await.unwrap(), 0);
        let admin = actor(&db, "admin@pemprov.sinergi.example").await;
        let report = roster::import(&db, &admin, "diskominfotik", "asn.csv", &file).await.unwrap();
        assert!(report.imported());
    })
    .await;
}

#[tokio::test]
async fn an_agency_cannot_pull_in_or_probe_another_agencys_people() {
    each_database("roster_tenant", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let lead = actor(&db, LEAD).await;
        // A BKD civil servant, by email with a new NIP, and by her real NIP.
        for row in [
            "198705122010011001;Fitri;asn1@bkd.sinergi.example;;;",
            "199307222018012002;Fitri;fitri.lain@x.example;;;",
        ] {
            let report = roster::import(&db, &lead, "diskominfotik", "asn.csv", &roster(&[row]))
                .await
                .unwrap();
            assert_eq!(report.errors.len(), 1, "{backend:?}: {row}");
            assert_eq!(report.errors[0].code, ValidationCode::TakenByAnotherPerson);
        }
        let fitri = actor(&db, "asn1@bkd.sinergi.example").await;
        let memberships = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(fitri.person_id))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(memberships, 1, "{backend:?}: still only in BKD");
    })
    .await;
}
