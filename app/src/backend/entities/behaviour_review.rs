//! Entity of the `behaviour_reviews` table: the supervisor's rating, some weeks after a course
//! was completed, of how far what was learned shows in the work.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "behaviour_reviews")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub enrollment_id: i32,
    pub offer_id: i32,
    pub person_id: i32,
    pub agency_id: i32,
    pub due_on: Date,
    pub notified_at: Option<DateTimeUtc>,
    pub rated_by: Option<i32>,
    /// 1 to 5, once rated.
    pub level: Option<i16>,
    pub comment: String,
    pub rated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
