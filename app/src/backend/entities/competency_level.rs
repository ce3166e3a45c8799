//! Entity of the `competency_levels` table: the five level descriptors of a competency.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_levels")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub competency_id: i32,
    /// 1 (lowest) to 5.
    pub level: i16,
    #[sea_orm(column_type = "Text")]
    pub description_id: String,
    /// Behavioural indicators, one per line (may be empty).
    pub indicators: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::competency::Entity",
        from = "Column::CompetencyId",
        to = "super::competency::Column::Id"
    )]
    Competency,
}

impl Related<super::competency::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Competency.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
