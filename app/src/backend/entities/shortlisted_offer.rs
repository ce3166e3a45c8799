//! Entity of the `shortlisted_offers` table: an offer an agency lead keeps on a need's shortlist.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shortlisted_offers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub need_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    pub added_by: i32,
    pub added_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
