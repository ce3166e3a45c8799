//! Entity of the `collaborations` table: an accepted proposal, between one agency and one
//! university, for one need.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collaborations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub need_id: i32,
    pub proposal_id: i32,
    pub offer_id: Option<i32>,
    pub university_id: i32,
    pub agency_id: i32,
    pub reserved_seats: Option<i32>,
    pub price_rupiah: i64,
    pub starts_on: Date,
    pub ends_on: Date,
    pub outputs: String,
    /// `agreed` | `running` | `completed` | `cancelled` (see `model::CollaborationStatus`).
    pub status: String,
    pub agency_contact_id: i32,
    pub university_contact_id: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
