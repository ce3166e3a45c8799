//! Entity of the `matching_queue` table: a need, an offer or `all` whose matches are to be
//! recomputed, written in the transaction of the change that calls for it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "matching_queue")]
pub struct Model {
    /// `need` | `offer` | `all`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    /// 0 for `all`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_id: i32,
    pub queued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
