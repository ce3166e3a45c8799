//! Entity of the `access_requests` table: someone who signed in with a provider but has no
//! account asks an organisation for a role; its administrators approve or refuse.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub provider: String,
    pub subject: String,
    /// Lower-case; verified by the provider.
    pub email: String,
    pub full_name: String,
    pub organisation_id: i32,
    /// The role asked for (`model::Role::as_db`).
    pub role: String,
    pub message: Option<String>,
    /// `pending` | `approved` | `refused`.
    pub status: String,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::OrganisationId",
        to = "super::organisation::Column::Id"
    )]
    Organisation,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisation.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
