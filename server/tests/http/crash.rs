//! Crash safety of enrollment with real server processes: in the middle of a burst of
//! enrollments a server is killed with SIGKILL (no shutdown, no flush). After it restarts,
//! every enrollment a client was told had succeeded is there, the seat counts agree with the
//! places, nobody holds two places, and asking again after a lost answer is refused as "already
//! enrolled" (the place was saved) or seats the person (it was not): never half of one. SQLite
//! with one process; PostgreSQL with two processes sharing the database, one of them killed.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use app::backend::db;
use app::backend::entities::enrollment;
use app::model::EnrollmentOutcome;
use futures::StreamExt as _;
use sea_orm::{
    ColumnTrait, Database, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use tokio::sync::Notify;

use crate::processes::{
    Answer, ScratchDatabase, Server, ask, free_port, open_course, places_agreeing_with_pool,
    signed_in_staff,
};

/// People asking for a place in each burst, and requests in flight at once.
const PEOPLE: usize = 240;
const IN_FLIGHT: usize = 24;

/// The burst: everyone asks at once, spread over `servers`; once a third have been answered,
/// `servers[0]` is killed. Returns who was told they have a place (or a place in line).
async fn burst_with_a_kill(
    servers: &mut [Server],
    slug: &str,
    people: &[(i32, String)],
) -> Vec<i32> {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
    let bases: Vec<String> = servers.iter().map(|s| s.base.clone()).collect();
    let answered = Arc::new(AtomicUsize::new(0));
    let third = Arc::new(Notify::new());
    let requests = futures::stream::iter(people.iter().enumerate().map(|(i, (id, cookie))| {
        let (client, base) = (client.clone(), bases[i % bases.len()].clone());
        let (answered, third) = (answered.clone(), third.clone());
        async move {
            let told = match ask(&client, &base, slug, cookie, true).await {
                Answer::Told(
                    EnrollmentOutcome::Seated { .. } | EnrollmentOutcome::Waitlisted { .. },
                ) => true,
                Answer::Lost => false,
                other => panic!("person {id}: {other:?}"),
            };
            if told && answered.fetch_add(1, Ordering::SeqCst) + 1 == PEOPLE / 3 {
                third.notify_one();
            }
            told.then_some(*id)
        }
    }))
    .buffer_unordered(IN_FLIGHT)
    .collect::<Vec<Option<i32>>>();
    tokio::pin!(requests);
    // Should fewer than a third ever be answered, the burst ends without a kill (and the
    // caller's count fails) instead of waiting for it forever.
    let told = tokio::select! {
        told = &mut requests => told,
        () = third.notified() => {
            servers[0].kill();
            requests.await
        }
    };
    told.into_iter().flatten().collect()
}

/// Every acknowledged place is there, the pool's counts agree with the places, and nobody holds
/// two places.
async fn check_consistent(db: &DatabaseConnection, slug: &str, acknowledged: &[i32], what: &str) {
    let (places, _) = places_agreeing_with_pool(db, slug, what).await;
    let mut by_person: HashMap<i32, usize> = HashMap::new();
    for place in &places {
        *by_person.entry(place.person_id).or_default() += 1;
    }
    for person in acknowledged {
        let held = by_person.get(person).copied().unwrap_or(0);
        assert_eq!(held, 1, "{what}: person {person} was told they have a place; found {held}");
    }
    assert!(by_person.values().all(|&held| held == 1), "{what}: someone holds two places");
}

/// One backend: `processes` servers on `database_url`; the first is killed mid-burst and
/// restarted; then everyone not acknowledged asks again.
async fn crash_and_recover(database_url: &str, processes: usize, what: &str) {
    let ports: Vec<u16> = (0..processes).map(|_| free_port()).collect();
    // The first start migrates and seeds; the others find the data there.
    let mut servers = vec![Server::start(database_url, ports[0]).await];
    for &port in &ports[1..] {
        servers.push(Server::start(database_url, port).await);
    }
    let db = Database::connect(db::connect_options(database_url, 4).unwrap()).await.unwrap();
    // Seats for two thirds: the rest go into the line.
    let capacity = i64::try_from(PEOPLE * 2 / 3).unwrap();
    let slug = open_course(&db, "Kelas Uji Mati Mendadak", capacity).await;
    let people = signed_in_staff(&db, "mati", PEOPLE).await;

    let acknowledged = burst_with_a_kill(&mut servers, &slug, &people).await;
    assert!(acknowledged.len() >= PEOPLE / 3, "{what}: {} acknowledged", acknowledged.len());
    assert!(acknowledged.len() < PEOPLE, "{what}: the kill came after the burst");
    eprintln!("{what}: {} of {PEOPLE} acknowledged around the kill", acknowledged.len());
    servers[0] = Server::start(database_url, ports[0]).await;
    check_consistent(&db, &slug, &acknowledged, &format!("{what}, after the restart")).await;

    // Those whose answer was lost ask again: each either has the place already (the server
    // committed, then died before answering) or gets one now.
    let client = reqwest::Client::new();
    for (id, cookie) in people.iter().filter(|(id, _)| !acknowledged.contains(id)) {
        let again = ask(&client, &servers[0].base, &slug, cookie, true).await;
        let held = enrollment::Entity::find()
            .filter(enrollment::Column::PersonId.eq(*id))
            .count(&db)
            .await
            .unwrap();
        let answered = match again {
            Answer::Told(_) => true,
            Answer::Refused(app::error::AppError::Conflict(
                app::error::ConflictReason::AlreadyEnrolled,
            )) => false,
            other => panic!("{what}: person {id} asked again: {other:?}"),
        };
        assert!(answered || held == 1, "{what}: person {id} neither has nor gets a place");
    }
    let everyone: Vec<i32> = people.iter().map(|(id, _)| *id).collect();
    check_consistent(&db, &slug, &everyone, &format!("{what}, after asking again")).await;
    db.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_burst_loses_no_acknowledged_enrollment() {
    let dir =
        std::env::temp_dir().join(format!("sinergi-crash-{}-{}", std::process::id(), free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    let sqlite = format!("sqlite://{}/crash.db?mode=rwc", dir.display());
    crash_and_recover(&sqlite, 1, "SQLite, one process").await;
    let _ = std::fs::remove_dir_all(&dir);

    if let Some(postgres) = ScratchDatabase::create("crash").await {
        crash_and_recover(&postgres.url, 2, "PostgreSQL, two processes").await;
        postgres.drop_now().await;
    }
}
