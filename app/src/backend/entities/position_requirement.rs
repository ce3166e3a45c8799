//! Entity of the `position_requirements` table: the level a position requires in a competency.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "position_requirements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub position_id: i32,
    pub competency_id: i32,
    /// 1 to 5.
    pub level: i16,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::position::Entity",
        from = "Column::PositionId",
        to = "super::position::Column::Id"
    )]
    Position,
    #[sea_orm(
        belongs_to = "super::competency::Entity",
        from = "Column::CompetencyId",
        to = "super::competency::Column::Id"
    )]
    Competency,
}

impl Related<super::position::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Position.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
