//! The weights of the matching parts: the defaults (`domain::matching::Weights::default`, where
//! their reasons are written) until the province sets its own; each change is kept with who made
//! it and why, and re-ranks every open need. The weights page reads them with their history.

use chrono::Utc;
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};

use super::queue;
use crate::backend::auth::Actor;
use crate::backend::db;
use crate::backend::entities::{match_weight, person};
use crate::domain::matching::Weights;
use crate::error::AppError;
use crate::model::{Checks, MatchWeightsPage, ValidationCode, WeightsChange, WeightsForm};

/// The largest weight of one part (they are ratios: only their proportions count).
pub const MAX_WEIGHT: u32 = 100;

/// The longest note a change of weights may carry.
pub const MAX_NOTE_CHARS: usize = 1000;

/// The weights in force.
pub async fn current<C: ConnectionTrait>(conn: &C) -> Result<Weights, AppError> {
    let latest =
        match_weight::Entity::find().order_by_desc(match_weight::Column::Id).one(conn).await?;
    Ok(latest.as_ref().map_or_else(Weights::default, from_row))
}

fn from_row(row: &match_weight::Model) -> Weights {
    Weights {
        competency: weight(row.competency),
        text: weight(row.text_relevance),
        timing: weight(row.timing),
        capacity: weight(row.capacity),
        place: weight(row.place),
        cost: weight(row.cost),
        track_record: weight(row.track_record),
    }
}

fn weight(stored: i16) -> u32 {
    u32::try_from(stored).unwrap_or(0)
}

/// Changes shown on the weights page, newest first.
const HISTORY_SHOWN: u64 = 20;

/// The weights page: in force, the defaults, the latest changes with who made them; the form
/// for province administrators. Public, as the ranking it explains is shown to every party:
/// `reader` is `None` for a visitor; `typed` what the reader's refused post typed, if any.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    reader: Option<&Actor>,
    typed: Option<WeightsForm>,
) -> Result<MatchWeightsPage, AppError> {
    let rows = match_weight::Entity::find()
        .order_by_desc(match_weight::Column::Id)
        .limit(HISTORY_SHOWN)
        .all(conn)
        .await?;
    let people: Vec<i32> = rows.iter().map(|r| r.changed_by).collect();
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(people))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name))
        .collect();
    let history: Vec<WeightsChange> = rows
        .iter()
        .map(|row| WeightsChange {
            weights: from_row(row),
            note: row.note.clone(),
            changed_by: names.get(&row.changed_by).cloned().unwrap_or_default(),
            changed_at: row.changed_at,
        })
        .collect();
    let current = history.first().map_or_else(Weights::default, |change| change.weights);
    Ok(MatchWeightsPage {
        current,
        form: typed.unwrap_or_else(|| WeightsForm::of(&current)),
        defaults: Weights::default(),
        history,
        editable: reader.is_some_and(Actor::is_province_admin),
    })
}

/// Sets the weights (province administrators only) and queues every open need to be ranked
/// with them, in one transaction.
pub async fn set_weights<C>(
    conn: &C,
    actor: &Actor,
    weights: &Weights,
    note: &str,
) -> Result<(), AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    Actor::require(actor.is_province_admin())?;
    let note = note.trim();
    check(weights, note)?;
    let small = |w: u32| i16::try_from(w).unwrap_or(i16::MAX);
    let txn = db::begin_write(conn).await?;
    match_weight::ActiveModel {
        competency: Set(small(weights.competency)),
        text_relevance: Set(small(weights.text)),
        timing: Set(small(weights.timing)),
        capacity: Set(small(weights.capacity)),
        place: Set(small(weights.place)),
        cost: Set(small(weights.cost)),
        track_record: Set(small(weights.track_record)),
        note: Set(note.to_owned()),
        changed_by: Set(actor.person_id),
        changed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    queue::everything_changed(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Each weight 0–[`MAX_WEIGHT`], not all zero; the note not too long.
fn check(weights: &Weights, note: &str) -> Result<(), AppError> {
    let fields = [
        ("competency", weights.competency),
        ("text", weights.text),
        ("timing", weights.timing),
        ("capacity", weights.capacity),
        ("place", weights.place),
        ("cost", weights.cost),
        ("track_record", weights.track_record),
    ];
    let mut checks = Checks::default();
    for (field, weight) in fields {
        checks.range(field, i64::from(weight), 0, i64::from(MAX_WEIGHT));
    }
    if fields.iter().all(|(_, w)| *w == 0) {
        checks.fail("competency", ValidationCode::TooFew { min: 1 });
    }
    checks.text("note", note, false, MAX_NOTE_CHARS as u32);
    checks.finish().map_err(AppError::Invalid)
}
