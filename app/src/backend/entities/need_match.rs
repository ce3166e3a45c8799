//! Entity of the `need_matches` table: one of an open need's best offers (best first: total
//! descending, then offer id), stored by the background refresh so that pages read rankings
//! instead of computing them.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "need_matches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub need_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: i32,
    /// 0–100.
    pub total: i16,
    /// JSON `[domain::matching::Part]`.
    pub parts: String,
    pub computed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
