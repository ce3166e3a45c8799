//! Entity of the `need_status_changes` table: who moved a need along its lifecycle, and when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "need_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub need_id: i32,
    /// None when the need was created.
    pub from_status: Option<String>,
    pub to_status: String,
    pub changed_by: i32,
    pub changed_at: DateTimeUtc,
    pub note: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
