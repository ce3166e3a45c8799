//! Entity of the `competencies` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competencies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub code: String,
    pub type_code: String,
    pub name_id: String,
    pub name_en: String,
    #[sea_orm(column_type = "Text")]
    pub definition_id: String,
    /// The agency owning a technical competency; `None` when shared.
    pub owner_organisation_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::competency_type::Entity",
        from = "Column::TypeCode",
        to = "super::competency_type::Column::Code"
    )]
    CompetencyType,
    #[sea_orm(has_many = "super::competency_level::Entity")]
    CompetencyLevel,
}

impl Related<super::competency_type::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CompetencyType.def()
    }
}

impl Related<super::competency_level::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CompetencyLevel.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
