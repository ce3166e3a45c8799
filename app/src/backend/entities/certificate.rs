//! Entity of the `certificates` table: the certificate of one completed enrollment, as issued.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The unguessable code of the verification page.
    pub code: String,
    pub enrollment_id: i32,
    pub person_id: i32,
    pub offer_id: i32,
    pub university_id: i32,
    /// What the certificate says, kept as on the day it was issued.
    pub holder_name: String,
    pub holder_nip: Option<String>,
    pub course_title: String,
    pub university_name: String,
    pub jp: i32,
    pub first_day: Option<Date>,
    pub last_day: Option<Date>,
    pub completed_on: Date,
    pub issued_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_by: Option<i32>,
    pub revoke_reason: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
