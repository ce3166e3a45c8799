//! The randomized enrollment trials through real server processes: two `server serve` processes
//! share one PostgreSQL database, and in each trial N (2 to 200) people ask over HTTP at once,
//! alternately through either process, for a course of C seats (1 to 30). Exactly min(C, N)
//! are seated, the rest are in line (when they asked to be) or told the course is full (409),
//! no answer is a server error, and positions in line follow arrival. (The same trials run
//! below HTTP on both databases in `app/tests/database/enrollment_trials.rs`.)
//!
//! `SINERGI_PROCESS_TRIALS` sets the number of trials (default 1,000) and
//! `SINERGI_ENROLLMENT_SEED` the random seed (default: a fresh one, printed with each failure).

use app::backend::db;
use app::error::{AppError, ConflictReason};
use app::model::{EnrollmentOutcome, EnrollmentStatus};
use rand::seq::SliceRandom as _;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::Database;

use crate::processes::{
    Answer, ScratchDatabase, Server, ask, free_port, open_course, places_agreeing_with_pool,
    signed_in_staff,
};

fn setting(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_server_processes_seat_exactly_the_capacity_and_never_fail() {
    let Some(postgres) = ScratchDatabase::create("process_trials").await else { return };
    let trials = setting("SINERGI_PROCESS_TRIALS").unwrap_or(1_000);
    let seed = setting("SINERGI_ENROLLMENT_SEED").unwrap_or_else(rand::random);
    let first = Server::start(&postgres.url, free_port()).await;
    let servers = [first, Server::start(&postgres.url, free_port()).await];
    let db = Database::connect(db::connect_options(&postgres.url, 4).unwrap()).await.unwrap();
    let people = signed_in_staff(&db, "proses", 200).await;
    let client =
        reqwest::Client::builder().timeout(std::time::Duration::from_secs(60)).build().unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    for trial in 0..trials {
        let capacity: i64 = rng.random_range(1..=30);
        let attempts: usize = rng.random_range(2..=200);
        let context = format!("seed {seed}, trial {trial}: C={capacity} N={attempts}");
        let slug = open_course(&db, &format!("Uji Proses {trial}"), capacity).await;
        let mut chosen = people.clone();
        chosen.shuffle(&mut rng);
        chosen.truncate(attempts);
        let waitlist: Vec<bool> = (0..attempts).map(|_| rng.random_bool(0.7)).collect();
        let answers = futures::future::join_all(chosen.iter().zip(&waitlist).enumerate().map(
            |(i, ((_, cookie), &line))| ask(&client, &servers[i % 2].base, &slug, cookie, line),
        ))
        .await;

        let mut seated = 0;
        let mut lined: Vec<(i32, u32)> = Vec::new();
        for (answer, asked_for_line) in answers.iter().zip(&waitlist) {
            match answer {
                Answer::Told(EnrollmentOutcome::Seated { status, .. }) => {
                    assert_eq!(*status, EnrollmentStatus::Enrolled, "{context}");
                    seated += 1;
                }
                Answer::Told(EnrollmentOutcome::Waitlisted { enrollment_id, position }) => {
                    assert!(asked_for_line, "{context}: in line without asking");
                    lined.push((*enrollment_id, *position));
                }
                Answer::Refused(AppError::Conflict(ConflictReason::CourseFull)) => {
                    assert!(!asked_for_line, "{context}: refused though it asked for the line");
                }
                other => panic!("{context}: {other:?}"),
            }
        }
        let expected = usize::try_from(capacity).unwrap().min(attempts);
        assert_eq!(seated, expected, "{context}");
        let (_, counted) = places_agreeing_with_pool(&db, &slug, &context).await;
        assert_eq!(counted, (seated, lined.len()), "{context}: the places");
        // Positions in the line are 1, 2, … in order of arrival (enrollment id).
        lined.sort_unstable();
        let positions: Vec<u32> = lined.iter().map(|(_, p)| *p).collect();
        let in_order: Vec<u32> = (1..=u32::try_from(lined.len()).unwrap()).collect();
        assert_eq!(positions, in_order, "{context}");
    }
    db.close().await.unwrap();
    drop(servers);
    postgres.drop_now().await;
}
