//! Entity of the `course_details` table: what only a course has (JP, seats, completion rules).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    pub jp: i32,
    pub learning_form_id: i32,
    pub international: bool,
    pub capacity: i32,
    pub prerequisites: String,
    pub min_attendance_percent: i16,
    pub min_post_test_score: i16,
    pub enrollment_opens_on: Date,
    pub enrollment_closes_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
