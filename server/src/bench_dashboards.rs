//! `server bench-dashboards`: the agency and province dashboards on a database seeded at the
//! province's full size (`seed --scale 50000 --asn 100000 --enrollments 1000000` for
//! docs/BENCHMARKS.md), asked for through the whole router with a province administrator's
//! session (session, role check, page render): the time per page (p50/p95/p99), the SQL
//! statements each page costs and its size. Agency pages go round the generated agencies.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::{membership, organisation};
use app::backend::services::seed::AGENCY_SLUG_PREFIX;
use app::backend::{Config, db};
use app::model::Role;
use axum::Router;
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::bench_participants::state;
use crate::bench_stats::{ms, percentile};
use crate::{StartError, bench_http};

/// Requests that only warm the caches (prepared statements, templates) before measuring.
const WARM_UP: usize = 2;

/// Runs the benchmark and prints its figures.
pub async fn run(config: &Config, samples: usize) -> Result<(), StartError> {
    let mut conn =
        db::connect_and_migrate(&config.database_url(), config.db_max_connections).await?;
    let statements = Arc::new(AtomicUsize::new(0));
    let counter = statements.clone();
    conn.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    let admin = membership::Entity::find()
        .filter(membership::Column::Role.eq(Role::ProvinceAdmin.as_db()))
        .order_by_asc(membership::Column::PersonId)
        .one(&conn)
        .await?
        .ok_or_else(|| StartError::Bench("no province administrator: run `seed`".into()))?;
    let agencies: Vec<String> = organisation::Entity::find()
        .filter(organisation::Column::Slug.like(format!("{AGENCY_SLUG_PREFIX}%")))
        .order_by_asc(organisation::Column::Id)
        .all(&conn)
        .await?
        .into_iter()
        .map(|a| a.slug)
        .collect();
    if agencies.is_empty() {
        return Err(StartError::Bench("no generated agencies: run `seed --asn N`".into()));
    }
    let token =
        sessions::start(&conn, Some(admin.person_id), Utc::now(), SessionPolicy::default()).await?;
    let page = Page {
        router: crate::router::app(state(config, conn.clone())?),
        cookie: format!("sinergi_session={}", token.as_str()),
        statements,
    };
    page.measure("province", samples, |_| "/dasbor-provinsi".to_owned()).await?;
    page.measure("agency", samples, |n| {
        format!("/organisasi/{}/dasbor", agencies[n % agencies.len()])
    })
    .await?;
    Ok(())
}

/// The router with a session, and the statement counter of its pool.
struct Page {
    router: Router,
    cookie: String,
    statements: Arc<AtomicUsize>,
}

impl Page {
    /// Asks for `path(n)` `samples` times after the warm-up and prints the figures.
    async fn measure(
        &self,
        name: &str,
        samples: usize,
        path: impl Fn(usize) -> String,
    ) -> Result<(), StartError> {
        let mut times: Vec<Duration> = Vec::with_capacity(samples);
        let mut counts = Vec::with_capacity(samples);
        let mut bytes = 0;
        for sample in 0..samples + WARM_UP {
            let loaded =
                bench_http::get(&self.router, &path(sample), &self.cookie, &self.statements)
                    .await?;
            if sample >= WARM_UP {
                times.push(loaded.took);
                counts.push(loaded.statements);
                bytes = loaded.bytes;
            }
        }
        times.sort();
        counts.sort_unstable();
        println!(
            "{name}: samples={samples} p50={} p95={} p99={} statements/page={}..{} html={}KiB",
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95)),
            ms(percentile(&times, 99)),
            counts.first().copied().unwrap_or(0),
            counts.last().copied().unwrap_or(0),
            bytes / 1024,
        );
        Ok(())
    }
}
