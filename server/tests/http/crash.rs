//! Crash safety of enrollment with real server processes: in the middle of a burst of
//! enrollments a server is killed with SIGKILL (no shutdown, no flush). After it restarts,
//! every enrollment a client was told had succeeded is there, the seat counts agree with the
//! places, nobody holds two places, and asking again after a lost answer is refused as "already
//! enrolled" (the place was saved) or seats the person (it was not): never half of one. SQLite
//! with one process; PostgreSQL with two processes sharing the database, one of them killed.

use std::collections::HashMap;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use app::backend::auth::Actor;
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::db;
use app::backend::entities::{enrollment, membership, organisation, person, seat_pool};
use app::backend::services::offers;
use app::model::{CourseDraft, EnrollmentStatus, OfferKind, OfferStatus};
use futures::StreamExt as _;
use leptos::server_fn::ServerFn;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, Database, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter,
};
use tokio::sync::Notify;

use crate::support::draft_course;

/// People asking for a place in each burst, and requests in flight at once.
const PEOPLE: usize = 240;
const IN_FLIGHT: usize = 24;

/// A `server serve` process on `port`, killed (SIGKILL) when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    async fn start(database_url: &str, port: u16) -> Self {
        let base = format!("http://127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", database_url)
            .env("SINERGI_DEMO_DATA", "true")
            .env("SINERGI_LISTEN", format!("127.0.0.1:{port}"))
            .env("SINERGI_BASE_URL", &base)
            .env("SINERGI_LOG", "warn")
            .env("LEPTOS_OUTPUT_NAME", "sinergi")
            .env("LEPTOS_SITE_ROOT", "target/site")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the server binary");
        let server = Self { child, base };
        let client = reqwest::Client::new();
        for _ in 0..600 {
            let ready = client.get(format!("{}/readyz", server.base)).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server on port {port} never became ready");
    }

    /// SIGKILL: the process ends where it stands.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A published Unila course taking enrollments today, with seats for two thirds of `PEOPLE`,
/// and `PEOPLE` civil servants of Diskominfotik (which needs no approval), each signed in.
async fn prepare(db: &DatabaseConnection) -> (String, Vec<(i32, String)>) {
    let academic = person::Entity::find()
        .filter(person::Column::Email.eq("dosen@unila.sinergi.example"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let academic = Actor::load(db, academic.id).await.unwrap().unwrap();
    let today = chrono::Utc::now().date_naive();
    let capacity = i64::try_from(PEOPLE * 2 / 3).unwrap();
    let mut draft =
        CourseDraft { title: "Kelas Uji Mati Mendadak".into(), capacity, ..draft_course() };
    draft.enrollment_opens_on = today - chrono::Duration::days(2);
    draft.enrollment_closes_on = today + chrono::Duration::days(5);
    draft.sessions[0].date = today + chrono::Duration::days(10);
    let slug = offers::create_course(db, &academic, "unila", &draft).await.unwrap();
    offers::change_status(db, &academic, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await
        .unwrap();
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("diskominfotik"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let now = chrono::Utc::now();
    let mut people = Vec::with_capacity(PEOPLE);
    for i in 0..PEOPLE {
        let created = person::ActiveModel {
            full_name: Set(format!("ASN Uji Mati {i}")),
            email: Set(format!("asn-mati-{i}@diskominfotik.test")),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        membership::ActiveModel {
            person_id: Set(created.id),
            organisation_id: Set(agency.id),
            role: Set("asn".into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let token =
            sessions::start(db, Some(created.id), now, SessionPolicy::default()).await.unwrap();
        people.push((created.id, format!("sinergi_session={}", token.as_str())));
    }
    (slug, people)
}

/// What the server answered one person: `Some(body)` when it acknowledged the enrollment.
async fn ask(client: &reqwest::Client, base: &str, slug: &str, cookie: &str) -> Option<String> {
    let response = client
        .post(format!("{base}{}", app::api::Enroll::PATH))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("slug={slug}&waitlist=true"))
        .send()
        .await
        .ok()?;
    let status = response.status();
    let body = response.text().await.ok()?;
    status.is_success().then_some(body)
}

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
            let told = ask(&client, &base, slug, cookie).await;
            if told.is_some() && answered.fetch_add(1, Ordering::SeqCst) + 1 == PEOPLE / 3 {
                third.notify_one();
            }
            told.map(|_| *id)
        }
    }))
    .buffer_unordered(IN_FLIGHT)
    .collect::<Vec<Option<i32>>>();
    let killer = async {
        third.notified().await;
        servers[0].kill();
    };
    let (told, ()) = tokio::join!(requests, killer);
    told.into_iter().flatten().collect()
}

/// Every acknowledged place is there, the pool's counts agree with the places, and nobody holds
/// two places.
async fn check_consistent(db: &DatabaseConnection, slug: &str, acknowledged: &[i32], what: &str) {
    let course = app::backend::entities::offer::Entity::find()
        .filter(app::backend::entities::offer::Column::Slug.eq(slug))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .all(db)
        .await
        .unwrap();
    let mut by_person: HashMap<i32, Vec<&enrollment::Model>> = HashMap::new();
    for place in &places {
        by_person.entry(place.person_id).or_default().push(place);
    }
    for person in acknowledged {
        let held = by_person.get(person).map_or(0, Vec::len);
        assert_eq!(held, 1, "{what}: person {person} was told they have a place; found {held}");
    }
    assert!(by_person.values().all(|p| p.len() == 1), "{what}: someone holds two places");
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let count = |status: EnrollmentStatus| {
        i32::try_from(places.iter().filter(|p| p.status == status.as_db()).count()).unwrap()
    };
    let (seated, waiting) =
        (count(EnrollmentStatus::Enrolled), count(EnrollmentStatus::Waitlisted));
    assert_eq!((pool.taken, pool.waiting), (seated, waiting), "{what}: the pool's counts");
    assert!(pool.taken <= pool.capacity, "{what}: more seated than seats");
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
    let (slug, people) = prepare(&db).await;

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
        let again = ask(&client, &servers[0].base, &slug, cookie).await;
        let held = enrollment::Entity::find()
            .filter(enrollment::Column::PersonId.eq(*id))
            .count(&db)
            .await
            .unwrap();
        assert!(again.is_some() || held == 1, "{what}: person {id} neither has nor gets a place");
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

    match std::env::var("SINERGI_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => {
            let admin = Database::connect(&url).await.expect("PostgreSQL");
            let name = format!("sinergi_crash_{}", std::process::id());
            let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}")).await;
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
            let (server_url, _) = url.rsplit_once('/').expect("a database name in the URL");
            let database_url = format!("{server_url}/{name}");
            crash_and_recover(&database_url, 2, "PostgreSQL, two processes").await;
            admin.execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
        }
        _ => assert!(
            std::env::var("SINERGI_REQUIRE_POSTGRES").as_deref() != Ok("1"),
            "SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_POSTGRES_URL is not set"
        ),
    }
}
