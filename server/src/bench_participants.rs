//! `server bench-participants`: the participant sheet of a course with `learners` participants
//! (10,000 for docs/BENCHMARKS.md), asked for through the whole router as the academic's
//! browser asks for it (session, page render), page after page: the time per page (p50/p95/p99)
//! and the SQL statements each page costs. Then the course is closed: the time and statements
//! of evaluating everyone, issuing their certificates and crediting their JP.
//!
//! A course holds at most 5,000 open seats; the rest of the learners sit in the course as
//! agencies' reserved seats do, so the setup widens the open pool directly.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use app::backend::auth::Actor;
use app::backend::auth::external::LoginProviders;
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{
    attendance, course_session, enrollment, membership, offer, seat_pool,
};
use app::backend::services::offers;
use app::backend::state::AppState;
use app::backend::{Config, db};
use app::model::{EnrollmentStatus, OfferKind, OfferStatus, SHEET_PAGE_SIZE};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Utc;
use leptos::config::LeptosOptions;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use tower::ServiceExt as _;

use crate::StartError;
use crate::bench_enrollment::{civil_servants, course};
use crate::bench_stats::{ms, percentile};

/// Sessions of the course: each participant's row shows a tick per session.
const SESSIONS: u32 = 3;

/// Runs the benchmark and prints its figures.
pub async fn run(config: &Config, learners: usize, samples: usize) -> Result<(), StartError> {
    let mut conn =
        db::connect_and_migrate(&config.database_url(), config.db_max_connections).await?;
    let statements = Arc::new(AtomicUsize::new(0));
    let counter = statements.clone();
    conn.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let started = Instant::now();
    let slug = course(&conn, 1, SESSIONS).await?;
    let course = offer::Entity::find()
        .filter(offer::Column::Slug.eq(&slug))
        .one(&conn)
        .await?
        .ok_or_else(|| StartError::Bench("the course just created is gone".into()))?;
    fill(&conn, &course, learners).await?;
    println!("setup: learners={learners} in {:.1}s", started.elapsed().as_secs_f64());

    let author = Actor::load(&conn, course.created_by)
        .await?
        .ok_or_else(|| StartError::Bench("the demo academic is deactivated".into()))?;
    let token =
        sessions::start(&conn, Some(author.person_id), Utc::now(), SessionPolicy::default())
            .await?;
    let cookie = format!("sinergi_session={}", token.as_str());
    let router = crate::router::app(state(config, conn.clone())?);
    let pages = learners.div_ceil(usize::try_from(SHEET_PAGE_SIZE).unwrap_or(100)).max(1);
    let mut times = Vec::with_capacity(samples);
    let mut counts = Vec::with_capacity(samples);
    let mut bytes = 0;
    for sample in 0..samples + 3 {
        // Pages spread over the whole sheet, the last ones (the deepest offsets) included.
        let page = 1 + (sample * 37) % pages;
        let request = Request::get(format!("/katalog/kursus/{slug}/peserta?halaman={page}"))
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT_LANGUAGE, "id")
            .body(Body::empty())
            .map_err(|e| StartError::Bench(e.to_string()))?;
        let before = statements.load(Ordering::SeqCst);
        let began = Instant::now();
        let response =
            router.clone().oneshot(request).await.map_err(|e| StartError::Bench(e.to_string()))?;
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .map_err(|e| StartError::Bench(e.to_string()))?;
        let took = began.elapsed();
        if status != StatusCode::OK {
            return Err(StartError::Bench(format!("page {page}: {status}")));
        }
        // The first few warm the caches (prepared statements, templates).
        if sample >= 3 {
            times.push(took);
            counts.push(statements.load(Ordering::SeqCst) - before);
            bytes = body.len();
        }
    }
    times.sort();
    counts.sort_unstable();
    println!(
        "sheet: pages={pages} samples={samples} p50={} p95={} p99={} statements/page={}..{} html={}KiB",
        ms(percentile(&times, 50)),
        ms(percentile(&times, 95)),
        ms(percentile(&times, 99)),
        counts.first().copied().unwrap_or(0),
        counts.last().copied().unwrap_or(0),
        bytes / 1024,
    );

    let before = statements.load(Ordering::SeqCst);
    let began = Instant::now();
    offers::change_status(&conn, &author, OfferKind::Course, &slug, OfferStatus::Closed, "")
        .await?;
    let took = began.elapsed();
    let completed = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Completed.as_db()))
        .all(&conn)
        .await?
        .len();
    println!(
        "close: learners={learners} completed={completed} time={} statements={}",
        ms(took),
        statements.load(Ordering::SeqCst) - before
    );
    Ok(())
}

/// Seats `learners` new civil servants in the course, marks nine in ten present at every
/// session and gives them a passing post-test (the tenth misses a session and fails).
async fn fill(
    conn: &DatabaseConnection,
    course: &offer::Model,
    learners: usize,
) -> Result<(), StartError> {
    let people = civil_servants(conn, "diskominfotik", learners).await?;
    let agency = membership::Entity::find()
        .filter(membership::Column::PersonId.eq(people.first().copied().unwrap_or_default()))
        .one(conn)
        .await?
        .map(|m| m.organisation_id)
        .unwrap_or_default();
    let pool = seat_pool::Entity::find()
        .filter(seat_pool::Column::OfferId.eq(course.id))
        .filter(seat_pool::Column::CollaborationId.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| StartError::Bench("the course has no open pool".into()))?;
    let seats = i32::try_from(learners).unwrap_or(i32::MAX);
    seat_pool::Entity::update(seat_pool::ActiveModel {
        id: Set(pool.id),
        capacity: Set(seats),
        taken: Set(seats),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let now = Utc::now();
    for (n, chunk) in people.chunks(500).enumerate() {
        let rows = chunk.iter().enumerate().map(|(i, &person_id)| enrollment::ActiveModel {
            pool_id: Set(pool.id),
            offer_id: Set(course.id),
            person_id: Set(person_id),
            agency_id: Set(agency),
            status: Set(EnrollmentStatus::Enrolled.as_db().to_owned()),
            note: Set(String::new()),
            pre_test: Set(Some(55)),
            post_test: Set(Some(if (n * 500 + i) % 10 == 9 { 40 } else { 85 })),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        enrollment::Entity::insert_many(rows).exec_without_returning(conn).await?;
    }
    // In insertion order, so the tenth who misses a session is the tenth who fails the test.
    let places = enrollment::Entity::find()
        .filter(enrollment::Column::OfferId.eq(course.id))
        .order_by_asc(enrollment::Column::Id)
        .all(conn)
        .await?;
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferId.eq(course.id))
        .all(conn)
        .await?;
    for session in &sessions {
        for chunk in places.chunks(500) {
            let rows = chunk.iter().enumerate().filter(|(i, _)| i % 10 != 9).map(|(_, place)| {
                attendance::ActiveModel {
                    session_id: Set(session.id),
                    enrollment_id: Set(place.id),
                    method: Set("list".into()),
                    recorded_by: Set(course.created_by),
                    recorded_at: Set(now),
                }
            });
            attendance::Entity::insert_many(rows).exec_without_returning(conn).await?;
        }
    }
    Ok(())
}

/// The server's state around `conn`, as `serve` builds it (no external login providers).
fn state(config: &Config, conn: DatabaseConnection) -> Result<AppState, StartError> {
    let leptos_options =
        LeptosOptions::builder().output_name("sinergi").site_root("target/site").build();
    let login = LoginProviders::new(Vec::new(), &config.base_url)?;
    Ok(AppState {
        db: conn,
        config: Arc::new(config.clone()),
        leptos_options,
        login: Arc::new(login),
    })
}
