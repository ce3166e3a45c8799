//! Entity of the `offer_people` table: a course's instructors or a research offer's team.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_people")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    /// The order they are listed in, from 0.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i16,
    pub name: String,
    pub role: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
