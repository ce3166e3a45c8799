//! The JP ledger: a civil servant's credited hours per WIB calendar year. A completed course
//! credits its certificate's JP in the transaction that closes the course (`credit_courses`);
//! revoking the certificate voids that line. Learning done elsewhere is submitted with its
//! evidence and counts once a lead of the agency verifies it (`outside`). Leads see their
//! staff's year (`staff`).

mod outside;
mod staff;

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

pub use outside::{decide, submit_outside};
pub use staff::staff_jp;

use crate::backend::auth::Actor;
use crate::backend::entities::{certificate, course_detail, jp_entry, learning_form};
use crate::domain::calendar::ledger_year;
use crate::error::AppError;
use crate::model::{
    JP_YEARLY_MINIMUM, JpEntryStatus, JpEntryView, JpLedger, JpSource, LearningFormChoice,
};

/// The most lines a year's ledger lists.
const ENTRIES_SHOWN: u64 = 500;

/// Credits each certificate of a course (`details`) to its holder's year, with the agency of
/// its enrollment; one statement.
pub(crate) async fn credit_courses<'a, C: ConnectionTrait>(
    conn: &C,
    issued: impl IntoIterator<Item = (&'a certificate::Model, i32)>,
    details: &course_detail::Model,
) -> Result<(), AppError> {
    let lines: Vec<jp_entry::ActiveModel> =
        issued.into_iter().map(|(cert, agency_id)| course_line(cert, agency_id, details)).collect();
    if !lines.is_empty() {
        jp_entry::Entity::insert_many(lines).exec_without_returning(conn).await?;
    }
    Ok(())
}

/// The ledger line of the certificate `cert`: the course's days, its row of the conversion
/// table, the JP the certificate states.
fn course_line(
    cert: &certificate::Model,
    agency_id: i32,
    details: &course_detail::Model,
) -> jp_entry::ActiveModel {
    let (first, last) = match (cert.first_day, cert.last_day) {
        (Some(first), Some(last)) => (first, last),
        _ => (cert.completed_on, cert.completed_on),
    };
    jp_entry::ActiveModel {
        person_id: Set(cert.person_id),
        agency_id: Set(agency_id),
        year: Set(ledger_year(cert.issued_at)),
        source: Set(JpSource::Course.as_db().to_owned()),
        certificate_id: Set(Some(cert.id)),
        learning_form_id: Set(details.learning_form_id),
        title: Set(cert.course_title.chars().take(200).collect()),
        organiser: Set(cert.university_name.chars().take(200).collect()),
        international: Set(details.international),
        started_on: Set(first),
        ended_on: Set(last),
        programme_jp: Set(details.jp),
        jp: Set(cert.jp),
        status: Set(JpEntryStatus::Credited.as_db().to_owned()),
        evidence: Set(String::new()),
        decided_by: Set(None),
        decided_at: Set(None),
        note: Set(String::new()),
        created_at: Set(cert.issued_at),
        ..Default::default()
    }
}

/// The certificate `certificate_id` was revoked: its JP no longer count.
pub(crate) async fn void_course<C: ConnectionTrait>(
    conn: &C,
    certificate_id: i32,
) -> Result<(), AppError> {
    jp_entry::Entity::update_many()
        .col_expr(jp_entry::Column::Status, JpEntryStatus::Void.as_db().into())
        .filter(jp_entry::Column::CertificateId.eq(certificate_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The signed-in person's ledger for `year` (this year when none).
pub async fn ledger<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    year: Option<i32>,
) -> Result<JpLedger, AppError> {
    let this_year = ledger_year(Utc::now());
    let year = year.unwrap_or(this_year);
    let rows = jp_entry::Entity::find()
        .filter(jp_entry::Column::PersonId.eq(actor.person_id))
        .filter(jp_entry::Column::Year.eq(year))
        .order_by_desc(jp_entry::Column::EndedOn)
        .order_by_desc(jp_entry::Column::Id)
        .limit(ENTRIES_SHOWN)
        .all(conn)
        .await?;
    let mut years: Vec<i32> = jp_entry::Entity::find()
        .select_only()
        .column(jp_entry::Column::Year)
        .distinct()
        .filter(jp_entry::Column::PersonId.eq(actor.person_id))
        .into_tuple()
        .all(conn)
        .await?;
    years.extend([this_year, year]);
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let codes = certificate_codes(conn, rows.iter().filter_map(|r| r.certificate_id)).await?;
    let entries: Vec<JpEntryView> =
        rows.into_iter().filter_map(|row| entry_view(row, &codes)).collect();
    let total = entries.iter().filter(|e| e.status == JpEntryStatus::Credited).map(|e| e.jp).sum();
    Ok(JpLedger {
        year,
        total,
        minimum: JP_YEARLY_MINIMUM,
        entries,
        years,
        forms: learning_forms(conn).await?,
        may_submit: actor.staff_agency().is_some(),
    })
}

/// A stored line as the pages show it; `None` for a value the code does not know.
fn entry_view(row: jp_entry::Model, codes: &HashMap<i32, String>) -> Option<JpEntryView> {
    Some(JpEntryView {
        id: row.id,
        source: JpSource::from_db(&row.source)?,
        status: JpEntryStatus::from_db(&row.status)?,
        certificate: row.certificate_id.and_then(|id| codes.get(&id).cloned()),
        title: row.title,
        organiser: row.organiser,
        started_on: row.started_on,
        ended_on: row.ended_on,
        jp: row.jp,
        note: row.note,
    })
}

async fn certificate_codes<C: ConnectionTrait>(
    conn: &C,
    ids: impl Iterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(certificate::Entity::find()
        .select_only()
        .column(certificate::Column::Id)
        .column(certificate::Column::Code)
        .filter(certificate::Column::Id.is_in(ids.collect::<Vec<_>>()))
        .into_tuple::<(i32, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

/// The conversion table's rows, in its order.
async fn learning_forms<C: ConnectionTrait>(conn: &C) -> Result<Vec<LearningFormChoice>, AppError> {
    Ok(learning_form::Entity::find()
        .order_by_asc(learning_form::Column::SortOrder)
        .order_by_asc(learning_form::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|f| LearningFormChoice { code: f.code, name_id: f.name_id, name_en: f.name_en })
        .collect())
}
