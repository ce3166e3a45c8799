//! Entity of the `proposals` table: a university's answer to a need, waiting for the agency's
//! decision or decided.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub need_id: i32,
    pub university_id: i32,
    /// `existing` | `tailored` (see `model::ProposalKind::as_db`).
    pub kind: String,
    pub offer_id: Option<i32>,
    pub seats: Option<i32>,
    pub price_rupiah: i64,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Research outputs, comma-separated codes.
    pub outputs: String,
    pub message: String,
    /// `submitted` | `accepted` | `declined` | `withdrawn` (see `model::ProposalStatus`).
    pub status: String,
    pub decision_note: String,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
