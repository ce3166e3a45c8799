//! Positions (jabatan) and the level each requires per competency, as CSV: one row per
//! requirement (`kode_jabatan, nama_jabatan, kode_kompetensi, level`). Exported for everyone;
//! imported by the province all or nothing — a position named in the file gets exactly the
//! requirements the file lists (matched by code, never deleted).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use super::record;
use crate::backend::auth::Actor;
use crate::backend::csv_upload::{problem, reader};
use crate::backend::db;
use crate::backend::entities::{competency, position, position_requirement};
use crate::backend::services::competencies;
use crate::error::AppError;
use crate::model::{DictionaryImportReport, ImportRowError, ValidationCode};

/// `dictionary_imports.kind` of a positions upload.
const POSITIONS: &str = "positions";
const HEADER: [&str; 4] = ["kode_jabatan", "nama_jabatan", "kode_kompetensi", "level"];

/// Every position's requirements as CSV, positions and competencies by code. Public.
pub async fn positions_csv<C: ConnectionTrait>(conn: &C) -> Result<Vec<u8>, AppError> {
    let failed = |e: csv::Error| AppError::internal(e);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).map_err(failed)?;
    for p in competencies::positions(conn).await? {
        for r in p.requirements {
            let record = [&p.code, &p.name, &r.competency_code, &r.level.to_string()];
            writer.write_record(record).map_err(failed)?;
        }
    }
    writer.into_inner().map_err(|e| AppError::internal(e.to_string()))
}

/// One readable row of the file.
struct Row {
    position: String,
    name: String,
    competency: String,
    level: i16,
}

/// Province administrators: imports the file; the report says what happened.
pub async fn import_positions<C>(
    conn: &C,
    actor: &Actor,
    file_name: &str,
    bytes: &[u8],
) -> Result<DictionaryImportReport, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    Actor::require(actor.is_province_admin())?;
    let file_name: String = file_name.chars().take(255).collect();
    let competencies: HashMap<String, i32> =
        competency::Entity::find().all(conn).await?.into_iter().map(|c| (c.code, c.id)).collect();
    let rows = match parse(bytes, &competencies) {
        Ok(rows) => rows,
        Err(errors) => {
            return record(conn, actor, POSITIONS, &file_name, 0, (0, 0), errors).await;
        }
    };
    let txn = db::begin_write(conn).await?;
    let mut existing: HashMap<String, position::Model> = position::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let mut grouped: Vec<(String, String, Vec<&Row>)> = Vec::new();
    for row in &rows {
        match grouped.iter_mut().find(|(code, _, _)| *code == row.position) {
            Some((_, _, list)) => list.push(row),
            None => grouped.push((row.position.clone(), row.name.clone(), vec![row])),
        }
    }
    let (mut created, mut updated) = (0u32, 0u32);
    for (code, name, requirements) in &grouped {
        let id = match existing.remove(code) {
            Some(found) => {
                let id = found.id;
                let mut active: position::ActiveModel = found.into();
                active.name = Set(name.clone());
                active.update(&txn).await?;
                position_requirement::Entity::delete_many()
                    .filter(position_requirement::Column::PositionId.eq(id))
                    .exec(&txn)
                    .await?;
                updated += 1;
                id
            }
            None => {
                created += 1;
                position::ActiveModel {
                    code: Set(code.clone()),
                    name: Set(name.clone()),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        position_requirement::Entity::insert_many(requirements.iter().map(|r| {
            position_requirement::ActiveModel {
                position_id: Set(id),
                competency_id: Set(competencies.get(&r.competency).copied().unwrap_or_default()),
                level: Set(r.level),
                ..Default::default()
            }
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    let rows = rows.len() as u32;
    let report =
        record(&txn, actor, POSITIONS, &file_name, rows, (created, updated), Vec::new()).await?;
    txn.commit().await?;
    Ok(report)
}

/// The file's rows, or every problem: columns, codes (a known competency, a position named the
/// same on every row), levels 1 to 5, a competency listed twice for one position.
fn parse(
    bytes: &[u8],
    competencies: &HashMap<String, i32>,
) -> Result<Vec<Row>, Vec<ImportRowError>> {
    if bytes.len() > super::parse::MAX_BYTES {
        let max = (super::parse::MAX_BYTES / 1024) as u32;
        return Err(vec![problem(0, "_file", ValidationCode::FileTooLarge { max_kib: max })]);
    }
    let mut reader = reader(bytes)?;
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![problem(1, "_file", ValidationCode::Malformed)]),
    };
    let index = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<ImportRowError> = HEADER
        .iter()
        .filter(|name| index(name).is_none())
        .map(|name| problem(1, name, ValidationCode::MissingColumn))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let (mut rows, mut errors) = (Vec::<Row>::new(), Vec::new());
    let mut seen: HashMap<(String, String), u32> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (count, record) in reader.records().enumerate() {
        if count >= super::parse::MAX_ROWS * 10 {
            let max = (super::parse::MAX_ROWS * 10) as u32;
            return Err(vec![problem(0, "_file", ValidationCode::TooManyRows { max })]);
        }
        let Ok(record) = record else {
            errors.push(problem(0, "_file", ValidationCode::Malformed));
            continue;
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| {
            index(name).and_then(|i| record.get(i)).unwrap_or_default().trim().to_owned()
        };
        let (position, name, competency) =
            (cell("kode_jabatan"), cell("nama_jabatan"), cell("kode_kompetensi"));
        for (field, value, max) in [("kode_jabatan", &position, 40), ("nama_jabatan", &name, 200)] {
            if value.is_empty() {
                errors.push(problem(line, field, ValidationCode::Required));
            } else if value.chars().count() > max {
                errors.push(problem(line, field, ValidationCode::TooLong { max: max as u32 }));
            }
        }
        if !competencies.contains_key(&competency) {
            errors.push(problem(line, "kode_kompetensi", ValidationCode::UnknownChoice));
        }
        let level = match cell("level").parse::<i16>() {
            Ok(level) if (1..=5).contains(&level) => level,
            Ok(_) => {
                errors.push(problem(line, "level", ValidationCode::OutOfRange { min: 1, max: 5 }));
                0
            }
            Err(_) => {
                errors.push(problem(line, "level", ValidationCode::NotANumber));
                0
            }
        };
        if let Some(first_line) = seen.insert((position.clone(), competency.clone()), line) {
            errors.push(problem(
                line,
                "kode_kompetensi",
                ValidationCode::DuplicateInFile { first_line },
            ));
        }
        if names.entry(position.clone()).or_insert_with(|| name.clone()) != &name {
            errors.push(problem(line, "nama_jabatan", ValidationCode::Malformed));
        }
        rows.push(Row { position, name, competency, level });
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(problem(0, "_file", ValidationCode::NoRows));
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}
