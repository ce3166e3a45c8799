//! `server bench-enrollment`: how fast seats are taken when many enroll at once. It adds
//! `people` civil servants to a demo agency and a published course with a seat for each, then
//! `concurrency` tasks enroll them through the enrollment service (the server's code path below
//! HTTP) on one pool of the server's size (`SINERGI_DB_MAX_CONNECTIONS`); prints enrollments per second and the latency
//! percentiles. For `scripts/bench-enrollment.sh` on a freshly seeded database.

use std::sync::Arc;
use std::time::Instant;

use app::backend::auth::Actor;
use app::backend::entities::person;
use app::backend::services::seed::crowd;
use app::backend::services::{enrollments, offers};
use app::backend::{Config, db};
use app::domain::calendar::WIB;
use app::model::{
    CourseDraft, DeliveryMode, OfferCompetency, OfferKind, OfferPerson, OfferStatus, SessionDraft,
};
use chrono::{Duration as Days, NaiveTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tokio::sync::Mutex;

use crate::StartError;
use crate::bench_stats::{ms, percentile};

/// Runs the benchmark and prints its figures.
pub async fn run(config: &Config, people: usize, concurrency: usize) -> Result<(), StartError> {
    let pool = config.db_max_connections;
    let conn = db::connect_and_migrate(&config.database_url(), pool).await?;
    let tag = format!("uji-{}", Utc::now().timestamp_micros());
    let ids = crowd::civil_servants(&conn, "diskominfotik", &tag, people).await?.people;
    let slug = course(&conn, i64::try_from(people).unwrap_or(i64::MAX), 1).await?;
    let mut actors = Vec::with_capacity(ids.len());
    for id in ids {
        actors.extend(Actor::load(&conn, id).await?);
    }
    let queue = Arc::new(Mutex::new(actors));
    let times = Arc::new(Mutex::new(Vec::with_capacity(people)));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        let (conn, queue, times, slug) = (conn.clone(), queue.clone(), times.clone(), slug.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let Some(actor) = queue.lock().await.pop() else { return Ok::<(), StartError>(()) };
                let began = Instant::now();
                enrollments::enroll(&conn, &actor, &slug, false).await?;
                times.lock().await.push(began.elapsed());
            }
        }));
    }
    for task in tasks {
        task.await.map_err(|e| StartError::Bench(e.to_string()))??;
    }
    let wall = started.elapsed();
    let mut times = times.lock().await.clone();
    times.sort();
    println!(
        "enroll: people={people} concurrency={concurrency} pool={pool} wall={:.2}s rate={:.0}/s p50={} p95={} p99={} max={}",
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        ms(percentile(&times, 50)),
        ms(percentile(&times, 95)),
        ms(percentile(&times, 99)),
        ms(times.last().copied().unwrap_or_default()),
    );
    Ok(())
}

/// A published Unila course with `capacity` seats (the most a course may have, at most) and
/// `sessions` daily sessions, enrollment open today: its slug.
pub(crate) async fn course(
    conn: &sea_orm::DatabaseConnection,
    capacity: i64,
    sessions: u32,
) -> Result<String, StartError> {
    let author = person::Entity::find()
        .filter(person::Column::Email.eq("dosen@unila.sinergi.example"))
        .one(conn)
        .await?
        .ok_or_else(|| StartError::Bench("run `server seed` first".into()))?;
    let author = Actor::load(conn, author.id)
        .await?
        .ok_or_else(|| StartError::Bench("the demo academic is deactivated".into()))?;
    let today = Utc::now().with_timezone(&WIB).date_naive();
    let hour = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
    let draft = CourseDraft {
        title: format!("Kursus Uji Beban {}", Utc::now().timestamp()),
        summary: "Kursus untuk mengukur pendaftaran serentak.".into(),
        description: String::new(),
        competencies: vec![OfferCompetency { code: "MNJ-05".into(), level: Some(2) }],
        jp: 8,
        learning_form: "pelatihan".into(),
        international: false,
        mode: DeliveryMode::Daring,
        region_code: String::new(),
        sessions: (0..sessions)
            .map(|day| SessionDraft {
                date: today + Days::days(20 + i64::from(day)),
                starts: hour(8),
                ends: hour(12),
                place: "Daring".into(),
            })
            .collect(),
        capacity: capacity.min(app::model::course_limits::MAX_CAPACITY),
        fee_rupiah: 0,
        instructors: vec![OfferPerson { name: "Narasumber".into(), role: String::new() }],
        prerequisites: String::new(),
        min_attendance_percent: 80,
        min_post_test_score: 60,
        enrollment_opens_on: today - Days::days(1),
        enrollment_closes_on: today + Days::days(10),
    };
    let slug = offers::create_course(conn, &author, "unila", &draft).await?;
    offers::change_status(conn, &author, OfferKind::Course, &slug, OfferStatus::Published, "")
        .await?;
    Ok(slug)
}
