//! Entity of the `seat_pools` table: the seats of a course open to any ASN, or those a
//! collaboration reserved for its agency, with how many are taken and how many wait.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "seat_pools")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offer_id: i32,
    /// Null for the course's open seats.
    pub collaboration_id: Option<i32>,
    pub capacity: i32,
    pub taken: i32,
    pub waiting: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
