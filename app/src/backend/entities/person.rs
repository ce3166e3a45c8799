//! Entity of the `people` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub full_name: String,
    /// Lower-case; unique.
    pub email: String,
    /// The 18-digit NIP of a PNS (validated by `model::Nip` before it is stored).
    pub nip: Option<String>,
    pub created_at: DateTimeUtc,
    /// Set when the account is deactivated: no sign-in, no session.
    pub deactivated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::membership::Entity")]
    Membership,
    #[sea_orm(has_one = "super::local_credential::Entity")]
    LocalCredential,
}

impl Related<super::local_credential::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LocalCredential.def()
    }
}

impl Related<super::membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Membership.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
