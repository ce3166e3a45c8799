//! Entity of the `need_figures` table: a figure an agency gives as evidence for a need, e.g.
//! the complaints one unit received in one month.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "need_figures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub need_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: i16,
    pub unit: String,
    /// The first day of the month counted.
    pub month: Date,
    /// What is counted, e.g. "Pengaduan SP4N-LAPOR!".
    pub measure: String,
    pub value: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
