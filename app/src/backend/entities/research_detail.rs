//! Entity of the `research_details` table: what only a research offer has.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "research_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    pub expertise: String,
    /// One sector per line.
    pub sectors: String,
    pub duration_months: i16,
    pub budget_min_rupiah: i64,
    pub budget_max_rupiah: i64,
    /// Comma-separated `model::ResearchOutput` codes.
    pub outputs: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
