//! Entity of the `offers` table: a university's course or research offer, with the facts the
//! catalogue filters and the stemmed text it searches.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    /// `course` | `research` (see `model::OfferKind::as_db`).
    pub kind: String,
    pub university_id: i32,
    pub title: String,
    pub summary: String,
    pub description: String,
    /// `draft` | `published` | `closed` | `cancelled` (see `model::OfferStatus::as_db`).
    pub status: String,
    /// Courses: `tatap_muka` | `daring` | `blended`.
    pub mode: Option<String>,
    /// Courses: the BPS code of the kabupaten/kota (see `model::Region`).
    pub region_code: Option<String>,
    /// Courses: the fee per participant; 0 is free.
    pub fee_rupiah: Option<i64>,
    /// Courses: the day of the first session (WIB).
    pub starts_on: Option<Date>,
    pub search_title: String,
    pub search_keywords: String,
    pub search_body: String,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::UniversityId",
        to = "super::organisation::Column::Id"
    )]
    University,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::University.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
