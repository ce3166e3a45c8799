//! Real `server serve` processes for the tests that need them (crash safety, enrollment trials
//! across processes): start one on a database and port, wait until it is ready, kill it with
//! SIGKILL; set up a course and signed-in civil servants directly in the database; ask for a
//! place over HTTP as the course page's script does; a scratch PostgreSQL database.

use std::collections::BTreeSet;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use app::backend::auth::Actor;
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{enrollment, offer, person, seat_pool};
use app::backend::services::offers;
use app::backend::services::seed::crowd;
use app::error::AppError;
use app::model::{CourseDraft, EnrollmentOutcome, EnrollmentStatus, OfferKind, OfferStatus};
use leptos::server_fn::ServerFn;
use sea_orm::{
    ColumnTrait, ConnectionTrait, Database, DatabaseConnection, EntityTrait, QueryFilter,
};

use crate::support::draft_course;

/// A `server serve` process on `port`, killed (SIGKILL) when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    /// Starts the server binary on `database_url` (migrated and seeded by the first to start)
    /// and waits for `/readyz`.
    pub async fn start(database_url: &str, port: u16) -> Self {
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
        let mut server = Self { child, base };
        let client = reqwest::Client::new();
        for _ in 0..600 {
            // A server that could not start (say, its port taken by another program since
            // `free_port` released it) fails here at once.
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("the server on port {port} exited: {status}");
            }
            let ready = client.get(format!("{}/readyz", server.base)).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server on port {port} never became ready");
    }

    /// SIGKILL: the process ends where it stands.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A port free now and never handed out before in this test process (the tests that start
/// servers run in parallel, and the system may offer a just-released port again).
pub fn free_port() -> u16 {
    static HANDED_OUT: Mutex<BTreeSet<u16>> = Mutex::new(BTreeSet::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if HANDED_OUT.lock().unwrap().insert(port) {
            return port;
        }
    }
}

/// A published Unila course of `capacity` seats taking enrollments today: its slug.
pub async fn open_course(db: &DatabaseConnection, title: &str, capacity: i64) -> String {
    let academic = person::Entity::find()
        .filter(person::Column::Email.eq("dosen@unila.sinergi.example"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let academic = Actor::load(db, academic.id).await.unwrap().unwrap();
    let today = chrono::Utc::now().date_naive();
    let mut draft = CourseDraft { title: title.into(), capacity, ..draft_course() };
    draft.enrollment_opens_on = today - chrono::Duration::days(2);
    draft.enrollment_closes_on = today + chrono::Duration::days(5);
    draft.sessions[0].date = today + chrono::Duration::days(10);
    let slug = offers::create_course(db, &academic, "unila", &draft).await.unwrap();
    offers::change_status(db, &academic, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await
        .unwrap();
    slug
}

/// `count` new civil servants of Diskominfotik (which needs no approval), each signed in: their
/// person ids and session cookies. `tag` names them and must be new to the database.
pub async fn signed_in_staff(
    db: &DatabaseConnection,
    tag: &str,
    count: usize,
) -> Vec<(i32, String)> {
    let crowd = crowd::civil_servants(db, "diskominfotik", tag, count).await.unwrap();
    let now = chrono::Utc::now();
    let mut people = Vec::with_capacity(count);
    for id in crowd.people {
        let token = sessions::start(db, Some(id), now, SessionPolicy::default()).await.unwrap();
        people.push((id, format!("sinergi_session={}", token.as_str())));
    }
    people
}

/// The places of the course `slug`, having checked that its open pool counts what they say
/// (taken = seated, waiting = in line, no more seated than seats); with those two counts.
pub async fn places_agreeing_with_pool(
    db: &DatabaseConnection,
    slug: &str,
    what: &str,
) -> (Vec<enrollment::Model>, (usize, usize)) {
    let course =
        offer::Entity::find().filter(offer::Column::Slug.eq(slug)).one(db).await.unwrap().unwrap();
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .all(db)
        .await
        .unwrap();
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let count =
        |status: EnrollmentStatus| places.iter().filter(|p| p.status == status.as_db()).count();
    let counted = (count(EnrollmentStatus::Enrolled), count(EnrollmentStatus::Waitlisted));
    let pool_says = (usize::try_from(pool.taken).unwrap(), usize::try_from(pool.waiting).unwrap());
    assert_eq!(pool_says, counted, "{what}: the pool's counts");
    assert!(pool.taken <= pool.capacity, "{what}: more seated than seats");
    (places, counted)
}

/// What a server answered a request for a place.
#[derive(Debug)]
pub enum Answer {
    /// 2xx: the outcome the server acknowledged.
    Told(EnrollmentOutcome),
    /// 4xx: the error the person is shown.
    Refused(AppError),
    /// 5xx, or a body that is neither: a server error (status and body, shown by a failing
    /// test's message).
    #[expect(dead_code, reason = "read through Debug in failure messages")]
    ServerError(u16, String),
    /// No answer (connection refused or broken).
    Lost,
}

/// Asks the server at `base` for a place in the course `slug` as the session `cookie` (in line
/// when `waitlist`), as the course page's script does.
pub async fn ask(
    client: &reqwest::Client,
    base: &str,
    slug: &str,
    cookie: &str,
    waitlist: bool,
) -> Answer {
    let sent = client
        .post(format!("{base}{}", app::api::Enroll::PATH))
        .header("cookie", cookie)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("slug={slug}&waitlist={waitlist}"))
        .send()
        .await;
    let Ok(response) = sent else { return Answer::Lost };
    let status = response.status();
    let Ok(body) = response.text().await else { return Answer::Lost };
    let decoded = if status.is_success() {
        serde_json::from_str(&body).ok().map(Answer::Told)
    } else if status.is_client_error() {
        serde_json::from_str(&body).ok().map(Answer::Refused)
    } else {
        None
    };
    decoded.unwrap_or(Answer::ServerError(status.as_u16(), body))
}

/// A fresh PostgreSQL database beside the one of `SINERGI_TEST_POSTGRES_URL`, dropped (with its
/// connections) by [`ScratchDatabase::drop_now`]; `None` when PostgreSQL is not configured, which
/// `SINERGI_REQUIRE_POSTGRES=1` turns into a failure.
pub struct ScratchDatabase {
    admin: DatabaseConnection,
    name: String,
    pub url: String,
}

impl ScratchDatabase {
    pub async fn create(purpose: &str) -> Option<Self> {
        let url = match std::env::var("SINERGI_TEST_POSTGRES_URL") {
            Ok(url) if !url.is_empty() => url,
            _ => {
                let required = std::env::var("SINERGI_REQUIRE_POSTGRES").as_deref() == Ok("1");
                assert!(
                    !required,
                    "SINERGI_REQUIRE_POSTGRES=1 but SINERGI_TEST_POSTGRES_URL is not set"
                );
                eprintln!(
                    "!!! {purpose}: SINERGI_TEST_POSTGRES_URL is not set, PostgreSQL skipped"
                );
                return None;
            }
        };
        let admin = Database::connect(&url).await.expect("PostgreSQL");
        let name = format!("sinergi_{purpose}_{}", std::process::id());
        let _ =
            admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
        let (server, _) = url.rsplit_once('/').expect("a database name in the URL");
        let url = format!("{server}/{name}");
        Some(Self { admin, name, url })
    }

    pub async fn drop_now(self) {
        self.admin
            .execute_unprepared(&format!("DROP DATABASE {} WITH (FORCE)", self.name))
            .await
            .unwrap();
    }
}
