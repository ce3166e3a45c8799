//! Entity of the `mentorships` table: a mentee and a mentor working on one competency to a goal
//! level over a period.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentorships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: i32,
    pub mentee_id: i32,
    pub competency_id: i32,
    /// The mentee's agency.
    pub agency_id: i32,
    pub goal_level: i16,
    pub starts_on: Date,
    pub ends_on: Date,
    /// See `model::MentorshipStatus::as_db`.
    pub status: String,
    pub request_note: String,
    pub answer_note: String,
    pub created_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
