//! Entity of the `mentor_offers` table: a civil servant's offer to mentor one competency.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentor_offers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub competency_id: i32,
    /// The mentor's agency when they offered.
    pub agency_id: i32,
    /// Mentees at once, 1–5.
    pub capacity: i16,
    pub note: String,
    /// Withdrawn offers stay (past mentorships name them) but are not suggested.
    pub active: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
