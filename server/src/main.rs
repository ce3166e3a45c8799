//! The `server` binary: `serve` (default), `migrate`, `seed`, and the benchmarks
//! (`bench-matching`, `bench-enrollment`, `bench-export`, `bench-participants`,
//! `bench-dashboards`).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use app::backend::services::{assessments, seed};
use app::backend::{Config, db};

/// Sinergi — portal kolaborasi perguruan tinggi dan perangkat daerah Provinsi Lampung.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations, load demo data into an empty database, and serve HTTP (default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Apply pending migrations and load the demo data into an empty database (the server's
    /// background worker then ranks the open needs).
    Seed {
        /// Then add this many generated offers (the same ones every time), for benchmarks.
        #[arg(long, default_value_t = 0)]
        scale: usize,
        /// Then add forty generated agencies sharing this many civil servants, with their
        /// competency ratings (the same every time), for the dashboards' benchmark.
        #[arg(long, default_value_t = 0)]
        asn: usize,
        /// With `--asn`: this many enrollments spread over them, in the courses there are
        /// (`--scale` adds enough); the completed ones with certificate and JP.
        #[arg(long, default_value_t = 0)]
        enrollments: usize,
    },
    /// Benchmark matching on the database at hand: rank sampled open needs afresh (p50/p95/p99),
    /// then recompute every open need's stored list.
    BenchMatching {
        /// How many open needs to rank, spread over all of them.
        #[arg(long, default_value_t = 300)]
        samples: usize,
        /// Skip the full recompute.
        #[arg(long)]
        no_recompute: bool,
    },
    /// Benchmark enrollment on a seeded database: `people` new civil servants enroll in one
    /// course through `concurrency` concurrent tasks (enrollments per second, latency).
    BenchEnrollment {
        #[arg(long, default_value_t = 5_000)]
        people: usize,
        #[arg(long, default_value_t = 50)]
        concurrency: usize,
    },
    /// Benchmark the agency exports on a seeded database: `rows` civil servants with a credited
    /// JP line each, exported as CSV and XLSX (time, peak memory).
    BenchExport {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
    },
    /// Benchmark the participant sheet on a seeded database: a course of `learners`, its pages
    /// through the router (p50/p95/p99, SQL statements per page), then closing it.
    BenchParticipants {
        #[arg(long, default_value_t = 10_000)]
        learners: usize,
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
    /// Benchmark the agency and province dashboards on a database seeded with `seed --asn`:
    /// each page through the router as a province administrator (p50/p95/p99, SQL statements
    /// per page).
    BenchDashboards {
        #[arg(long, default_value_t = 20)]
        samples: usize,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    // A `.env` file in the working directory supplies variables not already set.
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    server::telemetry::init(&cli.config);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => server::serve(cli.config).await,
        Command::Migrate => migrate(&cli.config).await,
        Command::Seed { scale, asn, enrollments } => {
            load_seed(&cli.config, scale, asn, enrollments).await
        }
        Command::BenchMatching { samples, no_recompute } => {
            server::bench_matching::run(&cli.config, samples, !no_recompute).await
        }
        Command::BenchEnrollment { people, concurrency } => {
            server::bench_enrollment::run(&cli.config, people, concurrency).await
        }
        Command::BenchExport { rows } => server::bench_export::run(&cli.config, rows).await,
        Command::BenchParticipants { learners, samples } => {
            server::bench_participants::run(&cli.config, learners, samples).await
        }
        Command::BenchDashboards { samples } => {
            server::bench_dashboards::run(&cli.config, samples).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "stopped");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> Result<(), server::StartError> {
    let conn = db::connect_and_migrate(&config.database_url(), 1).await?;
    assessments::fill_levels_if_empty(&conn).await?;
    tracing::info!("migrations applied");
    Ok(())
}

async fn load_seed(
    config: &Config,
    scale: usize,
    asn: usize,
    enrollments: usize,
) -> Result<(), server::StartError> {
    let conn = db::connect_and_migrate(&config.database_url(), 2).await?;
    let outcome = seed::seed_demo(&conn).await?;
    tracing::info!(?outcome, "seed finished");
    if scale > 0 {
        let written = seed::seed_scale(&conn, scale).await?;
        tracing::info!(offers = written, "generated offers written");
    }
    if asn > 0 {
        let province = seed::seed_scale_people(&conn, asn, enrollments).await?;
        tracing::info!(?province, "generated civil servants written");
    }
    Ok(())
}
