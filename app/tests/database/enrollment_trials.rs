//! Randomized concurrency trials of enrollment on both databases: in each, N from 2 to 200
//! people ask at once for a course of C seats (C from 1 to 30), through two connection pools
//! sharing the database (two server processes' worth). Exactly min(C, N) are seated, the rest
//! waitlisted (when they asked to be) or told the course is full, nobody gets a server error,
//! the line's positions follow arrival, and a freed seat goes to the first in line.
//!
//! `SINERGI_ENROLLMENT_TRIALS` sets the number of trials (default 1,000) and
//! `SINERGI_ENROLLMENT_SEED` the random seed (default: a fresh one, printed on failure).

use app::backend::auth::Actor;
use app::backend::entities::enrollment;
use app::backend::services::enrollments;
use app::backend::services::seed::seed_demo;
use app::error::{AppError, ConflictReason};
use app::model::{EnrollmentOutcome, EnrollmentStatus};
use rand::seq::SliceRandom as _;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::enrollments::{open_course, open_pool, staff, status_of};
use crate::harness::each_database_shared;

fn setting(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn randomized_trials_seat_exactly_the_capacity_and_never_fail() {
    let trials = setting("SINERGI_ENROLLMENT_TRIALS").unwrap_or(1_000);
    let seed = setting("SINERGI_ENROLLMENT_SEED").unwrap_or_else(rand::random);
    each_database_shared("enrollment_trials", 2, |pools, backend| async move {
        seed_demo(&pools[0]).await.unwrap();
        let people = staff(&pools[0], "diskominfotik", "trial", 200).await;
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        for trial in 0..trials {
            let capacity: i64 = rng.random_range(1..=30);
            let attempts: usize = rng.random_range(2..=200);
            let context =
                format!("{backend:?}, seed {seed}, trial {trial}: C={capacity} N={attempts}");
            let slug = open_course(&pools[0], &format!("Uji Kursi {trial}"), capacity).await;
            let mut chosen: Vec<Actor> = people.clone();
            chosen.shuffle(&mut rng);
            chosen.truncate(attempts);
            let waitlist: Vec<bool> = (0..attempts).map(|_| rng.random_bool(0.7)).collect();
            let outcomes = burst(&pools, &slug, chosen, waitlist.clone()).await;

            let mut seated = 0;
            let mut lined: Vec<(i32, u32)> = Vec::new();
            for (outcome, asked_for_line) in outcomes.iter().zip(&waitlist) {
                match outcome {
                    Ok(EnrollmentOutcome::Seated { status, .. }) => {
                        assert_eq!(*status, EnrollmentStatus::Enrolled, "{context}");
                        seated += 1;
                    }
                    Ok(EnrollmentOutcome::Waitlisted { enrollment_id, position }) => {
                        assert!(asked_for_line, "{context}: in line without asking");
                        lined.push((*enrollment_id, *position));
                    }
                    Err(AppError::Conflict(ConflictReason::CourseFull)) => {
                        assert!(!asked_for_line, "{context}: refused though it asked for the line");
                    }
                    Err(other) => panic!("{context}: {other:?}"),
                }
            }
            let expected = usize::try_from(capacity).unwrap().min(attempts);
            assert_eq!(seated, expected, "{context}");
            let pool = open_pool(&pools[0], &slug).await;
            assert_eq!(
                (pool.taken, pool.waiting),
                (i32::try_from(seated).unwrap(), i32::try_from(lined.len()).unwrap()),
                "{context}"
            );
            // Positions in the line are 1, 2, … in order of arrival (enrollment id).
            lined.sort_unstable();
            let positions: Vec<u32> = lined.iter().map(|(_, p)| *p).collect();
            let in_order: Vec<u32> = (1..=u32::try_from(lined.len()).unwrap()).collect();
            assert_eq!(positions, in_order, "{context}");
            // Every few trials a seat is given up: the first in line gets it.
            if trial % 10 == 0 && !lined.is_empty() {
                let holder = enrollment::Entity::find()
                    .filter(enrollment::Column::PoolId.eq(pool.id))
                    .filter(enrollment::Column::Status.eq("enrolled"))
                    .order_by_asc(enrollment::Column::Id)
                    .one(&pools[1])
                    .await
                    .unwrap()
                    .unwrap();
                let by = people.iter().find(|p| p.person_id == holder.person_id).unwrap();
                enrollments::cancel(&pools[1], by, holder.id, "").await.unwrap();
                let first = status_of(&pools[0], lined[0].0).await;
                assert_eq!(first, EnrollmentStatus::Enrolled, "{context}: first in line");
                if let Some((next, _)) = lined.get(1) {
                    let second = status_of(&pools[0], *next).await;
                    assert_eq!(second, EnrollmentStatus::Waitlisted, "{context}");
                }
            }
        }
    })
    .await;
}

/// Everyone in `chosen` asks at once, alternating between the pools; the outcomes in the order
/// of `chosen`.
async fn burst(
    pools: &[DatabaseConnection],
    slug: &str,
    chosen: Vec<Actor>,
    waitlist: Vec<bool>,
) -> Vec<Result<EnrollmentOutcome, AppError>> {
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(chosen.len()));
    let mut tasks = Vec::with_capacity(chosen.len());
    for (i, (person, line)) in chosen.into_iter().zip(waitlist).enumerate() {
        let db = pools[i % pools.len()].clone();
        let slug = slug.to_owned();
        let start = start.clone();
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            enrollments::enroll(&db, &person, &slug, line).await
        }));
    }
    let mut outcomes = Vec::with_capacity(tasks.len());
    for task in tasks {
        outcomes.push(task.await.unwrap());
    }
    outcomes
}
