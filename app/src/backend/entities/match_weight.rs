//! Entity of the `match_weights` table: the weights of the matching parts as the province set
//! them; each change is a new row and the latest applies.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "match_weights")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub competency: i16,
    pub text_relevance: i16,
    pub timing: i16,
    pub capacity: i16,
    pub place: i16,
    pub cost: i16,
    pub track_record: i16,
    /// Why they were changed.
    pub note: String,
    pub changed_by: i32,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
