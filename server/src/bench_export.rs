//! `server bench-export`: the time and peak memory of the agency exports. It adds `rows` civil
//! servants to a demo agency, each with one credited line of the JP ledger, then writes the
//! training history and the staff summary as CSV and as XLSX through the same code the
//! download routes use, reading each body to its end. Peak memory is the process's high-water
//! mark (`VmHWM`), reset before each export; the resident size after seeding is printed beside
//! it. For `scripts/bench-export.sh` on a freshly seeded database.

use std::time::Instant;

use app::backend::entities::{jp_entry, learning_form, membership, organisation, person};
use app::backend::services::exports::ExportScope;
use app::backend::{Config, db};
use chrono::{Datelike, Utc};
use futures::StreamExt;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

use crate::StartError;
use crate::exports::{Report, csv_body, xlsx_body};

/// Runs the benchmark and prints one line per export.
pub async fn run(config: &Config, rows: usize) -> Result<(), StartError> {
    let conn = db::connect_and_migrate(&config.database_url(), config.db_max_connections).await?;
    let agency = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("diskominfotik"))
        .one(&conn)
        .await?
        .ok_or_else(|| StartError::Bench("run `server seed` first".into()))?;
    let seminar = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq("seminar"))
        .one(&conn)
        .await?
        .ok_or_else(|| StartError::Bench("no seminar row in the JP table".into()))?;
    let now = Utc::now();
    let (tag, year) = (now.timestamp(), now.year());
    let day = now.date_naive();
    for chunk in (0..rows).collect::<Vec<_>>().chunks(1_000) {
        let people = chunk.iter().map(|i| person::ActiveModel {
            full_name: Set(format!("ASN Ekspor {i}")),
            email: Set(format!("ekspor-{tag}-{i}@bench.sinergi.example")),
            nip: Set(Some(nip(*i))),
            created_at: Set(now),
            ..Default::default()
        });
        person::Entity::insert_many(people).exec_without_returning(&conn).await?;
    }
    let created = person::Entity::find()
        .filter(person::Column::Email.like(format!("ekspor-{tag}-%")))
        .all(&conn)
        .await?;
    for chunk in created.chunks(1_000) {
        let members = chunk.iter().map(|p| membership::ActiveModel {
            person_id: Set(p.id),
            organisation_id: Set(agency.id),
            role: Set("asn".into()),
            unit: Set(Some("Bidang Uji".into())),
            created_at: Set(now),
            ..Default::default()
        });
        membership::Entity::insert_many(members).exec_without_returning(&conn).await?;
        let lines = chunk.iter().map(|p| jp_entry::ActiveModel {
            person_id: Set(p.id),
            agency_id: Set(agency.id),
            year: Set(year),
            source: Set("outside".into()),
            certificate_id: Set(None),
            learning_form_id: Set(seminar.id),
            title: Set(format!("Seminar Nasional {}", p.id)),
            organiser: Set("Penyelenggara Uji".into()),
            international: Set(false),
            started_on: Set(day),
            ended_on: Set(day),
            programme_jp: Set(0),
            jp: Set(4),
            status: Set("credited".into()),
            evidence: Set("tautan".into()),
            decided_by: Set(None),
            decided_at: Set(None),
            note: Set(String::new()),
            created_at: Set(now),
            ..Default::default()
        });
        jp_entry::Entity::insert_many(lines).exec_without_returning(&conn).await?;
    }
    let scope = ExportScope::load(&conn, agency, year).await?;
    println!("rows={rows} resident_after_seeding={:.1}MiB", memory("VmRSS:") / 1024.0);
    for (name, report) in [("training", Report::TrainingHistory), ("staff", Report::StaffJp)] {
        for format in ["csv", "xlsx"] {
            reset_peak();
            let started = Instant::now();
            let body = if format == "csv" {
                csv_body(conn.clone(), scope.clone(), report)
            } else {
                xlsx_body(&conn, &scope, report)
                    .await
                    .map_err(|e| StartError::Bench(e.to_string()))?
            };
            let mut bytes = 0usize;
            let mut stream = body.into_data_stream();
            while let Some(chunk) = stream.next().await {
                bytes += chunk.map_err(|e| StartError::Bench(e.to_string()))?.len();
            }
            println!(
                "export={name}.{format} bytes={bytes} seconds={:.2} peak={:.1}MiB",
                started.elapsed().as_secs_f64(),
                memory("VmHWM:") / 1024.0
            );
        }
    }
    Ok(())
}

/// A distinct NIP of the right shape for the `i`th civil servant: a thousand per birth date.
fn nip(i: usize) -> String {
    let born = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
        + chrono::Duration::days(i64::try_from(i / 1_000).unwrap_or(0));
    format!("{}2015011{:03}", born.format("%Y%m%d"), i % 1_000)
}

/// Starts the high-water mark of resident memory afresh (Linux: `clear_refs` value 5).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A `/proc/self/status` figure in KiB (0 where there is none).
fn memory(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kib| kib.parse::<f64>().ok()))
        })
        .unwrap_or(0.0)
}
