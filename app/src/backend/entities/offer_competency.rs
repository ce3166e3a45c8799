//! Entity of the `offer_competencies` table: a competency an offer develops (and, for a course,
//! the level it brings a participant to).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_competencies")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: i32,
    /// 1 to 5 for a course; none for a research offer.
    pub level: Option<i16>,
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

impl ActiveModelBehavior for ActiveModel {}
