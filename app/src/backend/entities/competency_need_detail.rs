//! Entity of the `competency_need_details` table: which competency, to what level, for how many
//! civil servants of which units, and how and where the agency would like it taught.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "competency_need_details")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub need_id: i32,
    pub competency_id: i32,
    /// 1 to 5.
    pub target_level: i16,
    pub headcount: i32,
    /// One unit per line.
    pub units: String,
    /// `tatap_muka` | `daring` | `blended`; None when any suits.
    pub preferred_mode: Option<String>,
    /// BPS code of the preferred kabupaten/kota; None for anywhere.
    pub region_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::competency::Entity",
        from = "Column::CompetencyId",
        to = "super::competency::Column::Id"
    )]
    Competency,
}

impl Related<super::competency::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Competency.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
