//! Entity of the `jp_entries` table: one line of a civil servant's yearly JP ledger.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jp_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub agency_id: i32,
    /// The WIB calendar year it counts toward.
    pub year: i32,
    /// See `model::JpSource::as_db`.
    pub source: String,
    pub certificate_id: Option<i32>,
    pub learning_form_id: i32,
    pub title: String,
    pub organiser: String,
    pub international: bool,
    pub started_on: Date,
    pub ended_on: Date,
    pub programme_jp: i32,
    pub jp: i32,
    /// See `model::JpEntryStatus::as_db`.
    pub status: String,
    pub evidence: String,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub note: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
