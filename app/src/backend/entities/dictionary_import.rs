//! Entity of the `dictionary_imports` table: one CSV upload of the competency dictionary by the
//! province, and its outcome.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dictionary_imports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `competencies` or `positions`.
    pub kind: String,
    pub uploaded_by: i32,
    pub file_name: String,
    pub rows: i32,
    pub created: i32,
    pub updated: i32,
    /// JSON array of `model::ImportRowError`; empty when the file was imported.
    pub errors: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
