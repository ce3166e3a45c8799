//! Entity of the `needs` table: an agency's competency need or research need.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "needs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    /// `competency` | `research` (see `model::NeedKind::as_db`).
    pub kind: String,
    pub agency_id: i32,
    pub title: String,
    pub summary: String,
    /// The justification (competency) or problem statement (research).
    pub description: String,
    /// `draft` | `open` | `matched` | `fulfilled` | `closed` (see `model::NeedStatus::as_db`).
    pub status: String,
    /// Everyone may see it once open, not only verified universities.
    pub is_public: bool,
    pub deadline: Date,
    /// Budget ceiling (competency) or budget (research); 0 when none is set aside.
    pub budget_rupiah: i64,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When it was first opened; None while it has never left draft.
    pub opened_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::AgencyId",
        to = "super::organisation::Column::Id"
    )]
    Agency,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agency.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
