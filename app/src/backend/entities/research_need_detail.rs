//! Entity of the `research_need_details` table: what a research need expects and from when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "research_need_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub need_id: i32,
    pub expected_output: String,
    /// Comma-separated `model::ResearchOutput` codes.
    pub outputs: String,
    pub starts_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
