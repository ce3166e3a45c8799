//! ASN roster import: an agency lead uploads the agency's civil servants as CSV. Every row is
//! checked (file rules in [`parse`], then against the people already in Sinergi); if any row is
//! wrong nothing is written, and the report lists every problem. Otherwise, in one transaction,
//! new people get accounts and everyone gets (or keeps, with updated position, unit and rank)
//! the ASN role in the agency. Each upload's outcome is kept for its result page and report.

pub mod parse;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait as _,
    QueryFilter, TransactionTrait,
};

use super::organisations::administered_by;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{membership, organisation, person, roster_import};
use crate::error::AppError;
use crate::model::{ImportRowError, OrganisationKind, Role, RosterImportReport, ValidationCode};
use parse::RosterRow;

/// The agency `slug`, if `actor` may manage its roster (its leads, or the province).
async fn agency_for<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    let (organisation, kind) = administered_by(conn, actor, slug).await?;
    Actor::require(kind == OrganisationKind::Agency)?;
    Ok(organisation)
}

/// Imports `bytes` (a CSV file called `file_name`) into the agency `slug`'s roster, all or
/// nothing, and returns the report (also stored).
pub async fn import<C>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    file_name: &str,
    bytes: &[u8],
) -> Result<RosterImportReport, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    let organisation = agency_for(conn, actor, slug).await?;
    let file_name: String = file_name.chars().take(255).collect();
    let parsed = if bytes.len() > parse::MAX_BYTES {
        let max = (parse::MAX_BYTES / 1024) as u32; // in KiB, as the message says characters
        Err(vec![ImportRowError {
            line: 0,
            field: "_file".into(),
            code: ValidationCode::TooLong { max },
        }])
    } else {
        parse::parse(bytes)
    };
    let rows = match parsed {
        Ok(rows) => rows,
        Err(errors) => {
            return record(conn, actor, &organisation, &file_name, 0, (0, 0), errors).await;
        }
    };
    let row_count = rows.len() as u32;

    let txn = db::begin_write(conn).await?;
    let everyone = actor.is_province_admin();
    let known = known_people(&txn, &rows, organisation.id, everyone).await?;
    let errors = clashes(&rows, &known);
    if !errors.is_empty() {
        drop(txn);
        return record(conn, actor, &organisation, &file_name, row_count, (0, 0), errors).await;
    }
    let now = Utc::now();
    // Writes in slices of rows rather than row by row: a roster has thousands of lines.
    let (mut new_people, mut new_memberships, mut updated) = (Vec::new(), Vec::new(), 0u32);
    for row in &rows {
        let existing =
            known.by_nip.get(row.nip.as_str()).or_else(|| known.by_email.get(&row.email));
        let Some(found) = existing else {
            new_people.push(row);
            continue;
        };
        updated += 1;
        if found.nip.is_none() {
            let mut with_nip: person::ActiveModel = found.clone().into();
            with_nip.nip = Set(Some(row.nip.as_str().to_owned()));
            with_nip.update(&txn).await?;
        }
        match known.asn_here.get(&found.id) {
            Some(held) => update_asn_membership(&txn, held, row).await?,
            None => new_memberships.push(asn_membership(found.id, organisation.id, row, now)),
        }
    }
    let created = new_people.len() as u32;
    for slice in new_people.chunks(500) {
        person::Entity::insert_many(slice.iter().map(|row| person::ActiveModel {
            full_name: Set(row.full_name.clone()),
            email: Set(row.email.clone()),
            nip: Set(Some(row.nip.as_str().to_owned())),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec(&txn)
        .await?;
        let emails: Vec<String> = slice.iter().map(|row| row.email.clone()).collect();
        let ids: HashMap<String, i32> = person::Entity::find()
            .filter(person::Column::Email.is_in(emails))
            .all(&txn)
            .await?
            .into_iter()
            .map(|p| (p.email, p.id))
            .collect();
        for row in slice {
            let id = ids.get(&row.email).copied().ok_or_else(|| {
                AppError::internal(format!("roster line {}: inserted person not found", row.line))
            })?;
            new_memberships.push(asn_membership(id, organisation.id, row, now));
        }
    }
    for slice in new_memberships.chunks(500) {
        membership::Entity::insert_many(slice.to_vec()).exec(&txn).await?;
    }
    let report =
        record(&txn, actor, &organisation, &file_name, row_count, (created, updated), Vec::new())
            .await?;
    txn.commit().await?;
    tracing::info!(organisation = %organisation.slug, created, updated, "roster imported");
    Ok(report)
}

/// People already in Sinergi with a NIP or an email of the file.
struct KnownPeople {
    by_nip: HashMap<String, person::Model>,
    by_email: HashMap<String, person::Model>,
    /// Those the import may touch: people who belong to this agency and nowhere else (anyone,
    /// for a province administrator). An agency must not pull in, or learn about, others.
    ours: std::collections::HashSet<i32>,
    /// Their ASN memberships in this agency, by person.
    asn_here: HashMap<i32, membership::Model>,
}

async fn known_people<C: ConnectionTrait>(
    conn: &C,
    rows: &[RosterRow],
    organisation_id: i32,
    everyone: bool,
) -> Result<KnownPeople, AppError> {
    let (mut by_nip, mut by_email) = (HashMap::new(), HashMap::new());
    // In slices, to stay under the databases' limits on bound parameters.
    for chunk in rows.chunks(500) {
        let nips: Vec<String> = chunk.iter().map(|r| r.nip.as_str().to_owned()).collect();
        let emails: Vec<String> = chunk.iter().map(|r| r.email.clone()).collect();
        let found = person::Entity::find()
            .filter(person::Column::Nip.is_in(nips).or(person::Column::Email.is_in(emails)))
            .all(conn)
            .await?;
        for p in found {
            if let Some(nip) = &p.nip {
                by_nip.insert(nip.clone(), p.clone());
            }
            by_email.insert(p.email.clone(), p);
        }
    }
    let ids: Vec<i32> = by_email.values().map(|p| p.id).collect();
    let mut elsewhere = std::collections::HashSet::new();
    let mut here = std::collections::HashSet::new();
    let mut asn_here = HashMap::new();
    for chunk in ids.chunks(500) {
        for m in membership::Entity::find()
            .filter(membership::Column::PersonId.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            if m.organisation_id == organisation_id {
                here.insert(m.person_id);
                if m.role == Role::Asn.as_db() {
                    asn_here.insert(m.person_id, m);
                }
            } else {
                elsewhere.insert(m.person_id);
            }
        }
    }
    let ours = ids
        .into_iter()
        .filter(|id| everyone || (here.contains(id) && !elsewhere.contains(id)))
        .collect();
    Ok(KnownPeople { by_nip, by_email, ours, asn_here })
}

/// Rows whose NIP or email already belongs to someone else, or to someone outside this agency
/// (one answer for both, so the file cannot probe who exists elsewhere).
fn clashes(rows: &[RosterRow], known: &KnownPeople) -> Vec<ImportRowError> {
    let mut errors = Vec::new();
    for row in rows {
        let by_nip = known.by_nip.get(row.nip.as_str());
        let by_email = known.by_email.get(&row.email);
        let taken = |field: &str| ImportRowError {
            line: row.line,
            field: field.to_owned(),
            code: ValidationCode::TakenByAnotherPerson,
        };
        let outside = |p: &person::Model| !known.ours.contains(&p.id);
        match (by_nip, by_email) {
            (Some(a), Some(b)) if a.id != b.id => errors.push(taken("email")),
            (Some(a), None) if a.email != row.email || outside(a) => errors.push(taken("nip")),
            (None, Some(b)) if b.nip.is_some() || outside(b) => errors.push(taken("email")),
            (Some(a), Some(_)) if outside(a) => errors.push(taken("nip")),
            _ => {}
        }
    }
    errors
}

/// A new ASN membership in the agency for the row's person.
fn asn_membership(
    person_id: i32,
    organisation_id: i32,
    row: &RosterRow,
    now: chrono::DateTime<Utc>,
) -> membership::ActiveModel {
    membership::ActiveModel {
        person_id: Set(person_id),
        organisation_id: Set(organisation_id),
        role: Set(Role::Asn.as_db().to_owned()),
        position: Set(row.position.clone()),
        unit: Set(row.unit.clone()),
        rank: Set(row.rank.clone()),
        created_at: Set(now),
        ..Default::default()
    }
}

/// Brings an existing ASN membership up to the row (position, unit, rank), if it differs.
async fn update_asn_membership<C: ConnectionTrait>(
    conn: &C,
    held: &membership::Model,
    row: &RosterRow,
) -> Result<(), AppError> {
    if (&held.position, &held.unit, &held.rank) == (&row.position, &row.unit, &row.rank) {
        return Ok(());
    }
    let mut changed: membership::ActiveModel = held.clone().into();
    changed.position = Set(row.position.clone());
    changed.unit = Set(row.unit.clone());
    changed.rank = Set(row.rank.clone());
    changed.update(conn).await?;
    Ok(())
}

/// Stores the outcome of an upload and returns it as a report.
async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    organisation: &organisation::Model,
    file_name: &str,
    rows: u32,
    (created, updated): (u32, u32),
    errors: Vec<ImportRowError>,
) -> Result<RosterImportReport, AppError> {
    let stored = roster_import::ActiveModel {
        organisation_id: Set(organisation.id),
        uploaded_by: Set(actor.person_id),
        file_name: Set(file_name.to_owned()),
        rows: Set(rows as i32),
        created: Set(created as i32),
        updated: Set(updated as i32),
        errors: Set(serde_json::to_string(&errors).map_err(AppError::internal)?),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    report_of(stored)
}

fn report_of(stored: roster_import::Model) -> Result<RosterImportReport, AppError> {
    Ok(RosterImportReport {
        id: stored.id,
        file_name: stored.file_name,
        rows: stored.rows.unsigned_abs(),
        created: stored.created.unsigned_abs(),
        updated: stored.updated.unsigned_abs(),
        errors: serde_json::from_str(&stored.errors).map_err(AppError::internal)?,
        created_at: stored.created_at.to_rfc3339(),
    })
}

/// A stored import of the agency `slug`, for its leads and the province.
pub async fn report<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    id: i32,
) -> Result<RosterImportReport, AppError> {
    let organisation = agency_for(conn, actor, slug).await?;
    let stored = roster_import::Entity::find_by_id(id)
        .filter(roster_import::Column::OrganisationId.eq(organisation.id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    report_of(stored)
}

/// The problems of a report as CSV (line, column, problem), for the download.
pub fn errors_csv(
    report: &RosterImportReport,
    describe: impl Fn(&ImportRowError) -> String,
) -> Result<Vec<u8>, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| AppError::internal(e);
    writer.write_record(["baris", "kolom", "masalah"]).map_err(failed)?;
    for error in &report.errors {
        writer
            .write_record([error.line.to_string(), error.field.clone(), describe(error)])
            .map_err(failed)?;
    }
    writer.into_inner().map_err(|e| AppError::internal(e.to_string()))
}
