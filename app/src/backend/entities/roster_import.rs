//! Entity of the `roster_imports` table: one upload of an agency's ASN roster and its outcome.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roster_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    pub uploaded_by: i32,
    pub file_name: String,
    pub rows: i32,
    pub created: i32,
    pub updated: i32,
    /// JSON array of `model::ImportRowError`; empty when the roster was imported.
    pub errors: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
