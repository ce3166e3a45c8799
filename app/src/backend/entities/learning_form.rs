//! Entity of the `learning_forms` table: a row of the LAN conversion table (learning → JP).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "learning_forms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    /// `programme_percent` | `per_day` (see `domain::jp::JpBasis`).
    pub basis: String,
    pub national: i32,
    pub international: i32,
    pub sort_order: i16,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
