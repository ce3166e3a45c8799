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

#[tokio::test]
async fn the_scaled_province_is_consistent_on_both_databases() {
    use std::collections::{BTreeSet, HashMap};

    use app::backend::entities::{
        certificate, competency_assessment, current_level, enrollment, jp_entry, membership,
        seat_pool,
    };
    use app::backend::services::assessments::rebuild_levels;
    use app::backend::services::seed::{AGENCY_SLUG_PREFIX, seed_scale, seed_scale_people};
    use app::model::EnrollmentStatus;
    use sea_orm::QueryOrder;

    each_database("seed_scaled_province", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        seed_scale(&db, 40).await.unwrap();
        let province = seed_scale_people(&db, 80, 400).await.unwrap();
        assert_eq!((province.asn, province.enrollments), (80, 400), "{backend:?}");

        let generated: Vec<i32> = organisation::Entity::find()
            .filter(organisation::Column::Slug.starts_with(AGENCY_SLUG_PREFIX))
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
        assert_eq!(generated.len(), province.agencies, "{backend:?}");
        let staff = membership::Entity::find()
            .filter(membership::Column::OrganisationId.is_in(generated.clone()))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(staff, 80, "{backend:?}");
        let rated = competency_assessment::Entity::find().count(&db).await.unwrap();
        assert_eq!(rated as usize, province.assessments, "{backend:?}");
        assert!(province.assessments >= 3 * 80, "{backend:?}: three self-assessments each");

        // Five places each, never twice in one course.
        let places = enrollment::Entity::find()
            .filter(enrollment::Column::AgencyId.is_in(generated))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(places.len(), 400, "{backend:?}");
        let distinct: BTreeSet<(i32, i32)> =
            places.iter().map(|p| (p.person_id, p.offer_id)).collect();
        assert_eq!(distinct.len(), 400, "{backend:?}");

        // A certificate and a credited JP line for each completed place, and only for those.
        let completed =
            places.iter().filter(|p| p.status == EnrollmentStatus::Completed.as_db()).count();
        assert!(completed > 0 && completed < 400, "{backend:?}: {completed}");
        assert_eq!(province.certificates, completed, "{backend:?}");
        assert_eq!(certificate::Entity::find().count(&db).await.unwrap() as usize, completed);
        let lines = jp_entry::Entity::find()
            .filter(jp_entry::Column::CertificateId.is_not_null())
            .count(&db)
            .await
            .unwrap();
        assert_eq!(lines as usize, completed, "{backend:?}");

        // Every pool counts exactly the seats held in it, within its capacity.
        let mut held: HashMap<i32, i32> = HashMap::new();
        for place in enrollment::Entity::find().all(&db).await.unwrap() {
            let status = EnrollmentStatus::from_db(&place.status).expect("a known status");
            if status.holds_seat() {
                *held.entry(place.pool_id).or_default() += 1;
            }
        }
        for pool in seat_pool::Entity::find().all(&db).await.unwrap() {
            let seats = held.get(&pool.id).copied().unwrap_or(0);
            assert_eq!(pool.taken, seats, "{backend:?}: pool {}", pool.id);
            assert!(pool.taken <= pool.capacity, "{backend:?}: pool {}", pool.id);
        }

        // The current levels the seed derived are what a rebuild derives.
        let levels = || {
            current_level::Entity::find()
                .order_by_asc(current_level::Column::PersonId)
                .order_by_asc(current_level::Column::CompetencyId)
                .all(&db)
        };
        let seeded = levels().await.unwrap();
        assert!(seeded.len() >= 80, "{backend:?}: {}", seeded.len());
        rebuild_levels(&db).await.unwrap();
        assert_eq!(levels().await.unwrap(), seeded, "{backend:?}");
    })
    .await;
}
