//! The province maintains the competency dictionary by CSV: the file `/kompetensi.csv` exports,
//! edited and uploaded again. All or nothing: a competency is added or rewritten by its code
//! (never deleted: offers and needs refer to it), and a file with any problem changes nothing and
//! says, line by line, what to fix. Every upload is recorded with its outcome.

pub mod parse;
pub mod positions;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::csv_upload::problem;
use crate::backend::db;
use crate::backend::entities::{
    competency, competency_level, competency_type, dictionary_import, organisation,
};
use crate::error::AppError;
use crate::model::{DictionaryImportReport, ImportRowError, OrganisationKind, ValidationCode};
use parse::DictionaryRow;

/// Province administrators: imports the file; the report says what happened.
pub async fn import<C>(
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
    let rows = match parse::parse(bytes) {
        Ok(rows) => rows,
        Err(errors) => {
            return record(conn, actor, COMPETENCIES, &file_name, 0, (0, 0), errors).await;
        }
    };
    let row_count = rows.len() as u32;
    let txn = db::begin_write(conn).await?;
    let types: Vec<String> =
        competency_type::Entity::find().all(&txn).await?.into_iter().map(|t| t.code).collect();
    let agencies = agencies_by_name(&txn).await?;
    let errors = references(&rows, &types, &agencies);
    if !errors.is_empty() {
        drop(txn);
        return record(conn, actor, COMPETENCIES, &file_name, row_count, (0, 0), errors).await;
    }
    let mut existing: HashMap<String, competency::Model> = competency::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| (c.code.clone(), c))
        .collect();
    let (mut created, mut updated) = (0u32, 0u32);
    let now = Utc::now();
    for row in &rows {
        let owner = agencies.get(&row.owner.to_lowercase()).copied();
        let id = match existing.remove(&row.code) {
            Some(found) => {
                let id = found.id;
                let mut active: competency::ActiveModel = found.into();
                active.type_code = Set(row.type_code.clone());
                active.name_id = Set(row.name_id.clone());
                active.name_en = Set(row.name_en.clone());
                active.definition_id = Set(row.definition_id.clone());
                active.owner_organisation_id = Set(owner);
                active.update(&txn).await?;
                competency_level::Entity::delete_many()
                    .filter(competency_level::Column::CompetencyId.eq(id))
                    .exec(&txn)
                    .await?;
                updated += 1;
                id
            }
            None => {
                created += 1;
                competency::ActiveModel {
                    code: Set(row.code.clone()),
                    type_code: Set(row.type_code.clone()),
                    name_id: Set(row.name_id.clone()),
                    name_en: Set(row.name_en.clone()),
                    definition_id: Set(row.definition_id.clone()),
                    owner_organisation_id: Set(owner),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        competency_level::Entity::insert_many((0..5).map(|i| competency_level::ActiveModel {
            competency_id: Set(id),
            level: Set(i as i16 + 1),
            description_id: Set(row.levels[i].clone()),
            indicators: Set(row.indicators[i].clone()),
            ..Default::default()
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    let report =
        record(&txn, actor, COMPETENCIES, &file_name, row_count, (created, updated), Vec::new())
            .await?;
    txn.commit().await?;
    Ok(report)
}

/// Province administrators: the report of the upload `id`.
pub async fn report<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i32,
) -> Result<DictionaryImportReport, AppError> {
    Actor::require(actor.is_province_admin())?;
    let found =
        dictionary_import::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    to_report(found)
}

/// Agencies by lower-case short name and slug: how a file names a technical competency's owner.
async fn agencies_by_name<C: ConnectionTrait>(conn: &C) -> Result<HashMap<String, i32>, AppError> {
    let mut names = HashMap::new();
    for agency in organisation::Entity::find()
        .filter(organisation::Column::Kind.eq(OrganisationKind::Agency.as_db()))
        .all(conn)
        .await?
    {
        names.insert(agency.short_name.to_lowercase(), agency.id);
        names.insert(agency.slug.to_lowercase(), agency.id);
    }
    Ok(names)
}

/// What the rows name that does not exist: a type, an owning agency (only technical
/// competencies have one).
fn references(
    rows: &[DictionaryRow],
    types: &[String],
    agencies: &HashMap<String, i32>,
) -> Vec<ImportRowError> {
    let mut errors = Vec::new();
    for row in rows {
        if !types.contains(&row.type_code) {
            errors.push(problem(row.line, "jenis", ValidationCode::UnknownChoice));
        }
        let owner_known = agencies.contains_key(&row.owner.to_lowercase());
        if !row.owner.is_empty() && (!owner_known || row.type_code != "teknis") {
            errors.push(problem(row.line, "pemilik", ValidationCode::UnknownChoice));
        }
    }
    errors
}

/// `dictionary_imports.kind` of a dictionary upload.
const COMPETENCIES: &str = "competencies";

/// Stores the outcome and returns it as a report.
async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    kind: &str,
    file_name: &str,
    rows: u32,
    (created, updated): (u32, u32),
    errors: Vec<ImportRowError>,
) -> Result<DictionaryImportReport, AppError> {
    let count = |n: u32| i32::try_from(n).map_err(AppError::internal);
    let stored = dictionary_import::ActiveModel {
        kind: Set(kind.to_owned()),
        uploaded_by: Set(actor.person_id),
        file_name: Set(file_name.to_owned()),
        rows: Set(count(rows)?),
        created: Set(count(created)?),
        updated: Set(count(updated)?),
        errors: Set(serde_json::to_string(&errors).map_err(AppError::internal)?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    to_report(stored)
}

fn to_report(stored: dictionary_import::Model) -> Result<DictionaryImportReport, AppError> {
    let count = |n: i32| u32::try_from(n).map_err(AppError::internal);
    Ok(DictionaryImportReport {
        id: stored.id,
        positions: stored.kind != COMPETENCIES,
        errors: serde_json::from_str(&stored.errors).map_err(AppError::internal)?,
        rows: count(stored.rows)?,
        created: count(stored.created)?,
        updated: count(stored.updated)?,
        created_at: stored.created_at.to_rfc3339(),
        file_name: stored.file_name,
    })
}
