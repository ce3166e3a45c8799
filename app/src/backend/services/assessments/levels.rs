//! The `current_levels` table: each civil servant's current level per competency, rewritten in
//! the transaction that records a rating, issues a certificate or revokes one, so that gaps over
//! a whole agency or the province are read rather than recomputed from every rating on each page.
//! The rule stays `domain::profile::current_levels`; this module only stores what it gives.
//!
//! The levels a course brings never change under a certificate: certificates are issued when a
//! course closes, and a closed course can no longer be edited.

use std::collections::{BTreeSet, HashMap};

use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use super::agency::{People, ratings_of};
use crate::backend::db;
use crate::backend::entities::{
    certificate, competency_assessment, current_level, offer_competency, person,
};
use crate::domain::profile::{CurrentLevel, current_levels};
use crate::error::AppError;
use crate::model::AssessmentKind;

/// People per round trip: their ids stay well under SQLite's bound-parameter limit.
const PEOPLE_PER_ROUND: usize = 500;

/// Rows per insert: five values each, under SQLite's 32,766 bound parameters.
const ROWS_PER_INSERT: usize = 2_000;

/// Rewrites the current levels of `people` from their ratings and certificates. Call it in the
/// transaction that changed what they derive from: the people's rows are locked first (in id
/// order; PostgreSQL `FOR UPDATE`, SQLite's write transaction already excludes other writers),
/// so two changes to one person at once cannot each write a profile missing the other's.
pub async fn refresh_levels<C: ConnectionTrait>(
    conn: &C,
    people: impl IntoIterator<Item = i32>,
) -> Result<(), AppError> {
    let people: Vec<i32> = people.into_iter().collect::<BTreeSet<_>>().into_iter().collect();
    for round in people.chunks(PEOPLE_PER_ROUND) {
        person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::Id.is_in(round.iter().copied()))
            .order_by_asc(person::Column::Id)
            .lock_exclusive()
            .into_tuple::<i32>()
            .all(conn)
            .await?;
        let ratings = ratings_of(conn, &People::Ids(round.to_vec()), None).await?;
        current_level::Entity::delete_many()
            .filter(current_level::Column::PersonId.is_in(round.iter().copied()))
            .exec(conn)
            .await?;
        let rows: Vec<current_level::ActiveModel> = ratings
            .iter()
            .flat_map(|(person_id, mine)| {
                current_levels(mine).into_iter().map(|(competency_id, current)| {
                    current_level::ActiveModel {
                        person_id: Set(*person_id),
                        competency_id: Set(competency_id),
                        level: Set(current.level),
                        kind: Set(current.kind.as_db().to_owned()),
                        rated_at: Set(current.at),
                    }
                })
            })
            .collect();
        for batch in rows.chunks(ROWS_PER_INSERT) {
            current_level::Entity::insert_many(batch.to_vec()).exec_without_returning(conn).await?;
        }
    }
    Ok(())
}

/// Rebuilds the whole table from every rating and certificate, in one write transaction: after
/// bulk inserts that bypass the services (the scaled seed). Returns how many people were rated.
pub async fn rebuild_levels<C>(conn: &C) -> Result<usize, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    let txn = db::begin_write(conn).await?;
    current_level::Entity::delete_many().exec(&txn).await?;
    let assessed: Vec<i32> = competency_assessment::Entity::find()
        .select_only()
        .column(competency_assessment::Column::PersonId)
        .distinct()
        .into_tuple()
        .all(&txn)
        .await?;
    let certified: Vec<i32> = certificate::Entity::find()
        .select_only()
        .column(certificate::Column::PersonId)
        .distinct()
        .filter(certificate::Column::RevokedAt.is_null())
        .into_tuple()
        .all(&txn)
        .await?;
    let rated: BTreeSet<i32> = assessed.into_iter().chain(certified).collect();
    refresh_levels(&txn, rated.iter().copied()).await?;
    txn.commit().await?;
    Ok(rated.len())
}

/// Fills the table when it is empty although something gives a level (a rating, or a valid
/// certificate of a course that brings one): a database from before the table. Run at start-up;
/// a no-op (two small queries) otherwise. Returns how many people were rated when it rebuilt.
pub async fn fill_levels_if_empty<C>(conn: &C) -> Result<Option<usize>, AppError>
where
    C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>,
{
    if current_level::Entity::find().one(conn).await?.is_some() {
        return Ok(None);
    }
    // A certificate of a course that brings no level gives no row: asking only for "a
    // certificate" would rebuild, to write nothing, at every start.
    let courses_with_levels = Query::select()
        .column(offer_competency::Column::OfferId)
        .from(offer_competency::Entity)
        .and_where(offer_competency::Column::Level.is_not_null())
        .to_owned();
    let rated = competency_assessment::Entity::find().one(conn).await?.is_some()
        || certificate::Entity::find()
            .filter(certificate::Column::RevokedAt.is_null())
            .filter(certificate::Column::OfferId.in_subquery(courses_with_levels))
            .one(conn)
            .await?
            .is_some();
    if !rated {
        return Ok(None);
    }
    let people = rebuild_levels(conn).await?;
    tracing::info!(people, "current competency levels rebuilt");
    Ok(Some(people))
}

/// The stored current levels of `people`, by person id and competency id.
pub(super) async fn stored_levels<C: ConnectionTrait>(
    conn: &C,
    people: &People,
) -> Result<HashMap<i32, HashMap<i32, CurrentLevel>>, AppError> {
    let rows = current_level::Entity::find()
        .filter(people.contain(current_level::Column::PersonId))
        .all(conn)
        .await?;
    let mut levels: HashMap<i32, HashMap<i32, CurrentLevel>> = HashMap::new();
    for row in rows {
        let Some(kind) = AssessmentKind::from_db(&row.kind) else { continue };
        levels
            .entry(row.person_id)
            .or_default()
            .insert(row.competency_id, CurrentLevel { level: row.level, kind, at: row.rated_at });
    }
    Ok(levels)
}
