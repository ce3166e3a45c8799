//! The agency's exports, a page of rows at a time so that a file of any length is written with
//! flat memory: each staff member's JP for a year, and the training history of the year in the
//! fields SIASN's "riwayat pelatihan" records (training name, type, organiser, dates, JP,
//! certificate number), so an operator enters it there without typing it again. The HTTP layer
//! turns the pages into CSV or XLSX.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::backend::auth::Actor;
use crate::backend::entities::{
    certificate, jp_entry, learning_form, membership, organisation, person,
};
use crate::backend::services::organisations::find_by_slug;
use crate::error::AppError;
use crate::model::{JP_YEARLY_MINIMUM, JpEntryStatus, OrganisationKind, Role, certificate_number};

/// Rows per page read from the database.
pub const PAGE: u64 = 1_000;

/// What an export covers: one agency's year, with what every page needs read once.
#[derive(Debug, Clone)]
pub struct ExportScope {
    pub agency_id: i32,
    pub agency_slug: String,
    pub year: i32,
    /// The conversion table's row names (Indonesian, as SIASN's types), by id.
    learning_forms: HashMap<i32, String>,
}

/// The agency `slug`'s year, for its leads and the province's administrators.
pub async fn scope<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    year: i32,
) -> Result<ExportScope, AppError> {
    let agency = find_by_slug(conn, slug).await?;
    if OrganisationKind::from_db(&agency.kind) != Some(OrganisationKind::Agency) {
        return Err(AppError::NotFound);
    }
    if !actor.has_role_in(Role::AgencyLead, agency.id) && !actor.is_province_admin() {
        return Err(AppError::Forbidden);
    }
    ExportScope::load(conn, agency, year).await
}

impl ExportScope {
    /// The scope of `agency`'s `year`, without asking who wants it (callers authorise).
    pub async fn load<C: ConnectionTrait>(
        conn: &C,
        agency: organisation::Model,
        year: i32,
    ) -> Result<Self, AppError> {
        let learning_forms = learning_form::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|f| (f.id, f.name_id))
            .collect();
        Ok(Self { agency_id: agency.id, agency_slug: agency.slug, year, learning_forms })
    }
}

/// The columns of the training history, as SIASN names them.
pub const TRAINING_COLUMNS: [&str; 10] = [
    "NIP",
    "Nama",
    "Nama Pelatihan",
    "Jenis Pelatihan",
    "Penyelenggara",
    "Tanggal Mulai",
    "Tanggal Selesai",
    "Jumlah Jam (JP)",
    "Nomor Sertifikat",
    "Tahun",
];

/// One credited line of the training history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingRecord {
    pub nip: String,
    pub name: String,
    pub title: String,
    pub learning_form: String,
    pub organiser: String,
    pub started_on: NaiveDate,
    pub ended_on: NaiveDate,
    pub jp: i32,
    /// Sinergi's number for a course's certificate; empty for learning elsewhere.
    pub certificate_number: String,
    pub year: i32,
}

/// The page of credited lines after the line `after` (0 for the first): the rows, and the key
/// of the next page when there may be one.
pub async fn training_page<C: ConnectionTrait>(
    conn: &C,
    scope: &ExportScope,
    after: i32,
) -> Result<(Vec<TrainingRecord>, Option<i32>), AppError> {
    let lines = jp_entry::Entity::find()
        .filter(jp_entry::Column::AgencyId.eq(scope.agency_id))
        .filter(jp_entry::Column::Year.eq(scope.year))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Credited.as_db()))
        .filter(jp_entry::Column::Id.gt(after))
        .order_by_asc(jp_entry::Column::Id)
        .limit(PAGE)
        .all(conn)
        .await?;
    let next = (lines.len() as u64 == PAGE).then(|| lines.last().map(|l| l.id)).flatten();
    // Who has left since still has the history they earned.
    let people = people_of(conn, lines.iter().map(|l| l.person_id), false).await?;
    let numbers: HashMap<i32, String> = certificate::Entity::find()
        .filter(certificate::Column::Id.is_in(lines.iter().filter_map(|l| l.certificate_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, certificate_number(c.id, c.issued_at)))
        .collect();
    let rows = lines
        .into_iter()
        .map(|line| {
            let (name, nip) = people.get(&line.person_id).cloned().unwrap_or_default();
            TrainingRecord {
                nip,
                name,
                learning_form: scope
                    .learning_forms
                    .get(&line.learning_form_id)
                    .cloned()
                    .unwrap_or_default(),
                certificate_number: line
                    .certificate_id
                    .and_then(|id| numbers.get(&id).cloned())
                    .unwrap_or_default(),
                title: line.title,
                organiser: line.organiser,
                started_on: line.started_on,
                ended_on: line.ended_on,
                jp: line.jp,
                year: line.year,
            }
        })
        .collect();
    Ok((rows, next))
}

impl TrainingRecord {
    /// The row's cells as text, in `TRAINING_COLUMNS` order (dates as `DD-MM-YYYY`, as SIASN
    /// shows them).
    pub fn cells(&self) -> [String; 10] {
        [
            self.nip.clone(),
            self.name.clone(),
            self.title.clone(),
            self.learning_form.clone(),
            self.organiser.clone(),
            self.started_on.format("%d-%m-%Y").to_string(),
            self.ended_on.format("%d-%m-%Y").to_string(),
            self.jp.to_string(),
            self.certificate_number.clone(),
            self.year.to_string(),
        ]
    }
}

/// The columns of the staff JP summary.
pub const STAFF_COLUMNS: [&str; 6] = ["NIP", "Nama", "Unit Kerja", "Tahun", "JP", "Di bawah 20 JP"];

/// One staff member's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRecord {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub jp: i64,
}

impl StaffRecord {
    pub fn below_minimum(&self) -> bool {
        self.jp < i64::from(JP_YEARLY_MINIMUM)
    }

    /// The row's cells as text, in `STAFF_COLUMNS` order.
    pub fn cells(&self) -> [String; 6] {
        [
            self.nip.clone(),
            self.name.clone(),
            self.unit.clone(),
            self.year.to_string(),
            self.jp.to_string(),
            if self.below_minimum() { "ya" } else { "tidak" }.to_owned(),
        ]
    }
}

/// The page of the agency's civil servants after the person `after` (0 for the first), with
/// their credited JP of the year, and the key of the next page when there may be one.
pub async fn staff_page<C: ConnectionTrait>(
    conn: &C,
    scope: &ExportScope,
    after: i32,
) -> Result<(Vec<StaffRecord>, Option<i32>), AppError> {
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(scope.agency_id))
        .filter(membership::Column::Role.eq(Role::Asn.as_db()))
        .filter(membership::Column::PersonId.gt(after))
        .order_by_asc(membership::Column::PersonId)
        .limit(PAGE)
        .all(conn)
        .await?;
    let next =
        (members.len() as u64 == PAGE).then(|| members.last().map(|m| m.person_id)).flatten();
    let ids: Vec<i32> = members.iter().map(|m| m.person_id).collect();
    let people = people_of(conn, ids.iter().copied(), true).await?;
    let sums: HashMap<i32, i64> = jp_entry::Entity::find()
        .select_only()
        .column(jp_entry::Column::PersonId)
        .column_as(jp_entry::Column::Jp.sum(), "jp")
        .filter(jp_entry::Column::PersonId.is_in(ids))
        .filter(jp_entry::Column::Year.eq(scope.year))
        .filter(jp_entry::Column::Status.eq(JpEntryStatus::Credited.as_db()))
        .group_by(jp_entry::Column::PersonId)
        .into_tuple::<(i32, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let rows = members
        .into_iter()
        .filter_map(|m| {
            let (name, nip) = people.get(&m.person_id).cloned()?;
            Some(StaffRecord {
                nip,
                name,
                unit: m.unit.unwrap_or_default(),
                year: scope.year,
                jp: sums.get(&m.person_id).copied().unwrap_or(0),
            })
        })
        .collect();
    Ok((rows, next))
}

/// People by id: (name, NIP or empty); only those still active when `active_only`.
async fn people_of<C: ConnectionTrait>(
    conn: &C,
    ids: impl Iterator<Item = i32>,
    active_only: bool,
) -> Result<HashMap<i32, (String, String)>, AppError> {
    let mut query =
        person::Entity::find().filter(person::Column::Id.is_in(ids.collect::<Vec<_>>()));
    if active_only {
        query = query.filter(person::Column::DeactivatedAt.is_null());
    }
    Ok(query
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, (p.full_name, p.nip.unwrap_or_default())))
        .collect())
}

/// A cell as a spreadsheet program may open it safely: text that would start a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return) is kept as text with a leading apostrophe. The
/// titles come from users; a lead's spreadsheet must not run them.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text_and_plain_cells_stay_as_they_are() {
        assert_eq!(safe_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("-2+3"), "'-2+3");
        assert_eq!(safe_cell("Seminar = Lokakarya"), "Seminar = Lokakarya");
        assert_eq!(safe_cell("198703152010011002"), "198703152010011002");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn rows_read_as_siasn_and_the_summary_expect() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let line = TrainingRecord {
            nip: "198703152010011002".into(),
            name: "Rina".into(),
            title: "Seminar".into(),
            learning_form: "Seminar, konferensi, sarasehan".into(),
            organiser: "BSSN".into(),
            started_on: day(2),
            ended_on: day(3),
            jp: 8,
            certificate_number: String::new(),
            year: 2026,
        };
        assert_eq!(line.cells()[5..8], ["02-11-2026".to_owned(), "03-11-2026".into(), "8".into()]);
        assert_eq!(line.cells().len(), TRAINING_COLUMNS.len());
        let short = StaffRecord {
            nip: String::new(),
            name: "Budi".into(),
            unit: String::new(),
            year: 2026,
            jp: 19,
        };
        assert_eq!(short.cells()[5], "ya");
        assert_eq!(StaffRecord { jp: 20, ..short }.cells()[5], "tidak");
    }
}
