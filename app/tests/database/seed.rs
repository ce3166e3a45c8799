//! The demo data: complete, idempotent, all-or-nothing; and the home page's counts over it.

use app::backend::entities::{competency, competency_level, organisation, person};
use app::backend::services::seed::{COMPETENCIES, ORGANISATIONS, PEOPLE, SeedOutcome, seed_demo};
use app::backend::services::stats::portal_counts;
use app::model::PortalCounts;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::harness::each_database;

const MANAGERIAL: [&str; 8] = [
    "Integritas",
    "Kerjasama",
    "Komunikasi",
    "Orientasi pada Hasil",
    "Pelayanan Publik",
    "Pengembangan Diri dan Orang Lain",
    "Mengelola Perubahan",
    "Pengambilan Keputusan",
];

#[tokio::test]
async fn seeding_an_empty_database_loads_everything_once() {
    each_database("seed_once", |db, backend| async move {
        assert_eq!(portal_counts(&db).await.unwrap(), PortalCounts::default(), "{backend:?}");
        assert_eq!(seed_demo(&db).await.unwrap(), SeedOutcome::Loaded);
        assert_eq!(seed_demo(&db).await.unwrap(), SeedOutcome::AlreadyPopulated);

        let orgs = organisation::Entity::find().count(&db).await.unwrap();
        assert_eq!(orgs as usize, ORGANISATIONS.len());
        assert_eq!(person::Entity::find().count(&db).await.unwrap() as usize, PEOPLE.len());

        let managerial: Vec<String> = competency::Entity::find()
            .filter(competency::Column::TypeCode.eq("manajerial"))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.name_id)
            .collect();
        for name in MANAGERIAL {
            assert!(managerial.iter().any(|n| n == name), "missing {name} on {backend:?}");
        }
        assert_eq!(managerial.len(), 8);
        let socio = competency::Entity::find()
            .filter(competency::Column::TypeCode.eq("sosial_kultural"))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(socio, 1);
        let levels = competency_level::Entity::find().count(&db).await.unwrap();
        assert_eq!(levels as usize, COMPETENCIES.len() * 5);
    })
    .await;
}

#[tokio::test]
async fn portal_counts_count_only_verified_organisations_and_asn() {
    each_database("counts", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let expect_verified =
            |kind: &str| ORGANISATIONS.iter().filter(|o| o.3.as_db() == kind && o.4).count() as u64;
        let expected = PortalCounts {
            universities: expect_verified("university"),
            agencies: expect_verified("agency"),
            civil_servants: PEOPLE
                .iter()
                .filter(|p| p.role == "asn" || p.also.iter().any(|(_, role)| *role == "asn"))
                .count() as u64,
            competencies: COMPETENCIES.len() as u64,
        };
        assert_eq!(portal_counts(&db).await.unwrap(), expected, "{backend:?}");
        // Sanity: the seed has unverified organisations, so the filter is exercised.
        assert!(ORGANISATIONS.iter().any(|o| !o.4));
    })
    .await;
}

#[tokio::test]
async fn a_failing_seed_leaves_nothing_behind() {
    each_database("seed_atomic", |db, backend| async move {
        // A person already holding a seed email makes the seed fail half-way through.
        person::Entity::insert(person::ActiveModel {
            full_name: Set("Existing".into()),
            email: Set(PEOPLE[3].email.into()),
            nip: Set(None),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        })
        .exec(&db)
        .await
        .unwrap();
        let error = seed_demo(&db).await.unwrap_err();
        assert!(matches!(error, app::error::AppError::Conflict(_)), "{backend:?}: {error:?}");
        assert_eq!(organisation::Entity::find().count(&db).await.unwrap(), 0, "{backend:?}");
        assert_eq!(person::Entity::find().count(&db).await.unwrap(), 1, "{backend:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn servers_starting_together_seed_exactly_once() {
    each_database("seed_race", |db, backend| async move {
        // Every seeder opens its transaction before any of them goes on.
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(6));
        let starts = (0..6).map(|_| {
            let (db, barrier) = (db.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                seed_demo(&db).await
            })
        });
        let mut loaded = 0;
        for start in starts.collect::<Vec<_>>() {
            match start.await.unwrap() {
                Ok(SeedOutcome::Loaded) => loaded += 1,
                Ok(SeedOutcome::AlreadyPopulated) => {}
                Err(e) => panic!("{backend:?}: a concurrent seed failed: {e:?}"),
            }
        }
        assert_eq!(loaded, 1, "{backend:?}");
        let orgs = organisation::Entity::find().count(&db).await.unwrap();
        assert_eq!(orgs as usize, ORGANISATIONS.len(), "{backend:?}");
    })
    .await;
}
