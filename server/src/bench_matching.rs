//! `server bench-matching`: how long ranking one need takes on the database at hand (sampled open
//! needs ranked afresh, p50/p95/p99 per kind of need), and how long a full recompute of every
//! open need's stored list takes. For `scripts/bench-matching.sh` after `seed --scale N`.

use std::time::Instant;

use app::backend::entities::{need, offer};
use app::backend::services::matching;
use app::backend::{Config, db};
use app::domain::calendar::WIB;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::StartError;
use crate::bench_stats::{ms, percentile};

/// Ranks `samples` open needs (spread over all of them) and, if `recompute`, recomputes every
/// open need's list through the queue; prints the figures.
pub async fn run(config: &Config, samples: usize, recompute: bool) -> Result<(), StartError> {
    let conn = db::connect_and_migrate(&config.database_url(), 4).await?;
    let today = chrono::Utc::now().with_timezone(&WIB).date_naive();
    let weights = matching::current_weights(&conn).await?;
    let offers = offer::Entity::find().count(&conn).await?;
    let needs: Vec<(i32, String)> = need::Entity::find()
        .select_only()
        .column(need::Column::Id)
        .column(need::Column::Kind)
        .filter(need::Column::Status.eq("open"))
        .order_by_asc(need::Column::Id)
        .into_tuple()
        .all(&conn)
        .await?;
    let step = (needs.len() / samples.max(1)).max(1);
    let picked: Vec<&(i32, String)> = needs.iter().step_by(step).take(samples).collect();
    // A first pass warms the database's cache, as a running server's would be.
    for (id, _) in picked.iter().take(20) {
        matching::rank_need(&conn, *id, &weights, today).await?;
    }
    for kind in ["competency", "research"] {
        let mut times = Vec::new();
        let mut listed = 0usize;
        for (id, _) in picked.iter().filter(|(_, k)| k == kind) {
            let started = Instant::now();
            let ranked = matching::rank_need(&conn, *id, &weights, today).await?;
            times.push(started.elapsed());
            listed += ranked.map_or(0, |r| r.len());
        }
        times.sort();
        println!(
            "rank one need: kind={kind} offers={offers} needs={} p50={} p95={} p99={} max={} mean_listed={:.1}",
            times.len(),
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95)),
            ms(percentile(&times, 99)),
            ms(times.last().copied().unwrap_or_default()),
            listed as f64 / times.len().max(1) as f64,
        );
    }
    if recompute {
        matching::everything_changed(&conn).await?;
        let started = Instant::now();
        while matching::run_queue(&conn, today, 100).await? > 0 {}
        println!(
            "recompute every open need: offers={offers} needs={} seconds={:.2}",
            needs.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
