//! Entity of the `collaboration_status_changes` table: one move of a collaboration along its
//! lifecycle.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "collaboration_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub collaboration_id: i32,
    pub from_status: String,
    pub to_status: String,
    /// Why (required for a cancellation).
    pub note: String,
    pub changed_by: i32,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
