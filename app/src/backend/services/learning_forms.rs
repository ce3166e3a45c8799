//! The LAN conversion table (learning forms → JP), as stored.

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::backend::entities::learning_form;
use crate::domain::jp::JpBasis;
use crate::error::AppError;

/// The arithmetic a stored row describes (`None` for a row the schema should have refused).
pub fn basis_of(row: &learning_form::Model) -> Option<JpBasis> {
    let national = u32::try_from(row.national).ok()?;
    let international = u32::try_from(row.international).ok()?;
    match row.basis.as_str() {
        "programme_percent" => Some(JpBasis::ProgrammePercent { national, international }),
        "per_day" => Some(JpBasis::PerDay { national, international }),
        _ => None,
    }
}

/// Every row, in the table's order. Public: the rules of JP are no secret.
pub async fn all<C: ConnectionTrait>(conn: &C) -> Result<Vec<learning_form::Model>, AppError> {
    Ok(learning_form::Entity::find()
        .order_by_asc(learning_form::Column::SortOrder)
        .all(conn)
        .await?)
}
