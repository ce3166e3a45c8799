//! Entity of the `competency_assessments` table: one rating of a person's level in a competency.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_assessments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub competency_id: i32,
    /// `self` or `supervisor`.
    pub kind: String,
    /// 1 to 5.
    pub level: i16,
    pub assessed_by: i32,
    pub note: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
