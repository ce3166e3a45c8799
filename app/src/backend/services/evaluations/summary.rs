//! The evaluation aggregates of a course, and of each university over all its courses: counted
//! and summed by the database in one query (a university may have taught hundreds of thousands),
//! the means then taken by `domain::evaluation`'s rule.

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, FromQueryResult};

use crate::backend::sql::Sql;
use crate::domain::evaluation::{Summary, Totals};
use crate::error::AppError;
use crate::model::EnrollmentStatus;

/// What the totals are grouped by.
#[derive(Clone, Copy)]
enum Per {
    Offer,
    University,
}

impl Per {
    fn column(self) -> &'static str {
        match self {
            Per::Offer => "o.id",
            Per::University => "o.university_id",
        }
    }
}

/// One group's counts and sums, as the database returns them (`SUM` of nothing is `NULL`).
#[derive(FromQueryResult)]
struct TotalsRow {
    group_key: i32,
    ended: i64,
    completed: i64,
    reactions: i64,
    reaction_sum: Option<i64>,
    tested: i64,
    learning_sum: Option<i64>,
    behaviours: i64,
    behaviour_sum: Option<i64>,
}

impl From<TotalsRow> for Totals {
    fn from(row: TotalsRow) -> Self {
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Totals {
            ended: count(row.ended),
            completed: count(row.completed),
            reactions: count(row.reactions),
            reaction_sum: row.reaction_sum.unwrap_or(0),
            tested: count(row.tested),
            learning_sum: row.learning_sum.unwrap_or(0),
            behaviours: count(row.behaviours),
            behaviour_sum: row.behaviour_sum.unwrap_or(0),
        }
    }
}

/// The summaries of the enrollments that ended in the offers (or universities) `keys`.
async fn summaries<C: ConnectionTrait>(
    conn: &C,
    per: Per,
    keys: &[i32],
) -> Result<HashMap<i32, Summary>, AppError> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let key = per.column();
    let mut sql = Sql::new(conn.get_database_backend());
    // `post_test - pre_test` is NULL unless both exist, so SUM and COUNT skip the rest: the same
    // "only those with both scores" as `Totals::add`.
    sql.push(&format!("SELECT {key} AS group_key, COUNT(*) AS ended, SUM(CASE WHEN e.status = "));
    sql.push_bound("", EnrollmentStatus::Completed.as_db());
    sql.push(
        " THEN 1 ELSE 0 END) AS completed, \
         COUNT(ce.reaction) AS reactions, SUM(ce.reaction) AS reaction_sum, \
         COUNT(e.post_test - e.pre_test) AS tested, \
         SUM(e.post_test - e.pre_test) AS learning_sum, \
         COUNT(br.level) AS behaviours, SUM(br.level) AS behaviour_sum \
         FROM enrollments e JOIN offers o ON o.id = e.offer_id \
         LEFT JOIN course_evaluations ce ON ce.enrollment_id = e.id \
         LEFT JOIN behaviour_reviews br ON br.enrollment_id = e.id \
         WHERE e.status IN ",
    );
    sql.push_list([EnrollmentStatus::Completed.as_db(), EnrollmentStatus::NotCompleted.as_db()]);
    sql.push(&format!(" AND {key} IN "));
    sql.push_list(keys.iter().copied());
    sql.push(&format!(" GROUP BY {key}"));
    let rows = TotalsRow::find_by_statement(sql.statement()).all(conn).await?;
    Ok(rows.into_iter().map(|row| (row.group_key, Totals::from(row).into())).collect())
}

/// The aggregates of the course `offer_id` (all zero before any enrollment ended).
pub async fn offer_summary<C: ConnectionTrait>(
    conn: &C,
    offer_id: i32,
) -> Result<Summary, AppError> {
    Ok(summaries(conn, Per::Offer, &[offer_id]).await?.remove(&offer_id).unwrap_or_default())
}

/// The aggregates of each of the universities `ids` over all its courses, by university id (a
/// university none of whose enrollments ended yet is absent).
pub async fn university_summaries<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<HashMap<i32, Summary>, AppError> {
    summaries(conn, Per::University, ids).await
}
