//! Entity of the `mentoring_sessions` table: one meeting of a mentoring pair, logged by one of
//! them and confirmed by the other.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentoring_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentorship_id: i32,
    pub held_on: Date,
    /// 15–480.
    pub minutes: i16,
    pub topic: String,
    pub logged_by: i32,
    pub confirmed_by: Option<i32>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
