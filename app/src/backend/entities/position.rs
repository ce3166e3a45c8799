//! Entity of the `positions` table: a position (jabatan) whose competency standard is recorded.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "positions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub code: String,
    pub name: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::position_requirement::Entity")]
    PositionRequirement,
}

impl Related<super::position_requirement::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PositionRequirement.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
