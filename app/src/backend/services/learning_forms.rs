//! The LAN conversion table (learning forms → JP): read by everyone, maintained by the province.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{learning_form, person};
use crate::domain::jp::JpBasis;
use crate::error::{AppError, ConflictReason};
use crate::model::{JpBasisKind, LearningFormRow, LearningFormView};

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

/// Every row as readers see it, with who changed it last. Public.
pub async fn views<C: ConnectionTrait>(conn: &C) -> Result<Vec<LearningFormView>, AppError> {
    let rows = all(conn).await?;
    let editors: Vec<i32> = rows.iter().filter_map(|r| r.updated_by).collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(editors))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    rows.into_iter()
        .map(|r| {
            let basis = JpBasisKind::from_db(&r.basis).ok_or_else(|| {
                AppError::internal(format!("learning form {} has basis {}", r.code, r.basis))
            })?;
            Ok(LearningFormView {
                updated_at: r.updated_by.map(|_| r.updated_at.to_rfc3339()),
                updated_by: r.updated_by.and_then(|id| names.get(&id).cloned()),
                row: LearningFormRow {
                    code: r.code,
                    name_id: r.name_id,
                    name_en: r.name_en,
                    basis,
                    national: r.national.into(),
                    international: r.international.into(),
                },
            })
        })
        .collect()
}

/// Province administrators: saves a row of the table — a change to the row `row.code`, or a new
/// row after the others. A code names a row for good (courses refer to it), so it is never
/// renamed; `new` says which of the two the administrator meant, so that a typo in a new code
/// cannot overwrite an existing row.
pub async fn save<C>(
    conn: &C,
    actor: &Actor,
    row: &LearningFormRow,
    new: bool,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = sea_orm::DatabaseTransaction>,
{
    Actor::require(actor.is_province_admin())?;
    row.validate().map_err(AppError::Invalid)?;
    let narrow = |value: i64| i32::try_from(value).map_err(AppError::internal);
    let txn = db::begin_write(conn).await?;
    let existing = learning_form::Entity::find()
        .filter(learning_form::Column::Code.eq(&row.code))
        .one(&txn)
        .await?;
    let now = Utc::now();
    match (existing, new) {
        (Some(found), false) => {
            let mut active: learning_form::ActiveModel = found.into();
            active.name_id = Set(row.name_id.clone());
            active.name_en = Set(row.name_en.clone());
            active.basis = Set(row.basis.as_db().to_owned());
            active.national = Set(narrow(row.national)?);
            active.international = Set(narrow(row.international)?);
            active.updated_at = Set(now);
            active.updated_by = Set(Some(actor.person_id));
            active.update(&txn).await?;
        }
        (None, true) => {
            let last: Option<i16> = learning_form::Entity::find()
                .select_only()
                .column_as(learning_form::Column::SortOrder.max(), "last")
                .into_tuple()
                .one(&txn)
                .await?
                .flatten();
            learning_form::ActiveModel {
                code: Set(row.code.clone()),
                name_id: Set(row.name_id.clone()),
                name_en: Set(row.name_en.clone()),
                basis: Set(row.basis.as_db().to_owned()),
                national: Set(narrow(row.national)?),
                international: Set(narrow(row.international)?),
                sort_order: Set(last.unwrap_or(0).saturating_add(1)),
                updated_at: Set(now),
                updated_by: Set(Some(actor.person_id)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        (Some(_), true) => {
            return Err(AppError::Conflict(ConflictReason::AlreadyExists { field: "code".into() }));
        }
        (None, false) => return Err(AppError::NotFound),
    }
    txn.commit().await?;
    Ok(())
}
