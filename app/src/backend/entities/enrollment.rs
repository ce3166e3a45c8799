//! Entity of the `enrollments` table: one person's place in one seat pool of a course.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrollments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub pool_id: i32,
    pub offer_id: i32,
    pub person_id: i32,
    pub agency_id: i32,
    /// See `model::EnrollmentStatus::as_db`.
    pub status: String,
    pub nominated_by: Option<i32>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub note: String,
    /// Scores 0–100, entered or imported by the academic.
    pub pre_test: Option<i16>,
    pub post_test: Option<i16>,
    /// Set when the course closed: the share of sessions attended, and when it was completed.
    pub attendance_percent: Option<i16>,
    pub completed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
