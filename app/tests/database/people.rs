//! Helpers shared by the tests: the seeded people as services see them.

use app::backend::auth::Actor;
use app::backend::entities::person;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// The person with this email, if any.
pub async fn person_by_email(db: &DatabaseConnection, email: &str) -> Option<person::Model> {
    person::Entity::find().filter(person::Column::Email.eq(email)).one(db).await.unwrap()
}

/// The seeded person with this email, as an actor.
pub async fn actor(db: &DatabaseConnection, email: &str) -> Actor {
    let found =
        person_by_email(db, email).await.unwrap_or_else(|| panic!("no seeded person {email}"));
    Actor::load(db, found.id).await.unwrap().unwrap()
}
