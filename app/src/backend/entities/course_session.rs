//! Entity of the `course_sessions` table: one meeting of a course.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offer_id: i32,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// A room and address, or a meeting link.
    pub place: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
