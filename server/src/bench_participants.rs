//! `server bench-participants`: the participant sheet of a course with `learners` participants
//! (10,000 for docs/BENCHMARKS.md), asked for through the whole router as the academic's
//! browser asks for it (session, page render), page after page: the time per page (p50/p95/p99)
//! and the SQL statements each page costs. Then the course is closed: the time and statements
//! of evaluating everyone, issuing their certificates and crediting their JP.
//!
//! A course holds at most 5,000 open seats; the rest of the learners sit in the course as
//! agencies' reserved seats do, so the setup (`seed::crowd`) widens the open pool directly.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use app::backend::auth::Actor;
use app::backend::auth::external::LoginProviders;
use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{enrollment, offer};
use app::backend::services::offers;
use app::backend::services::seed::crowd;
use app::backend::state::AppState;
use app::backend::{Config, db};
use app::model::{EnrollmentStatus, OfferKind, OfferStatus, SHEET_PAGE_SIZE};
use chrono::Utc;
use leptos::config::LeptosOptions;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::bench_enrollment::course;
use crate::bench_stats::{ms, percentile};
use crate::{StartError, bench_http};

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
    let tag = format!("uji-{}", Utc::now().timestamp_micros());
    let learners_crowd = crowd::civil_servants(&conn, "diskominfotik", &tag, learners).await?;
    crowd::seat_in_course(&conn, &course, &learners_crowd).await?;
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
        let path = format!("/katalog/kursus/{slug}/peserta?halaman={page}");
        let loaded = bench_http::get(&router, &path, &cookie, &statements).await?;
        // The first few warm the caches (prepared statements, templates).
        if sample >= 3 {
            times.push(loaded.took);
            counts.push(loaded.statements);
            bytes = loaded.bytes;
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

/// The server's state around `conn`, as `serve` builds it (no external login providers).
pub(crate) fn state(config: &Config, conn: DatabaseConnection) -> Result<AppState, StartError> {
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
