//! Readable URL slugs made from titles, unique within their table.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::error::AppError;

/// A free slug in `column` for a new row titled `title`: the title's, with `-2`, `-3`… when
/// taken; `fallback` when the title has no letters or digits. A race between two writers of the
/// same title ends in the column's unique index (a conflict on `slug`), not a duplicate.
pub async fn free_slug<E, C>(
    conn: &C,
    column: E::Column,
    title: &str,
    fallback: &str,
) -> Result<String, AppError>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut base: String = slug::slugify(title).chars().take(100).collect();
    base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        base = fallback.to_owned();
    }
    let taken: Vec<String> = E::find()
        .select_only()
        .column(column)
        .filter(column.starts_with(&base))
        .into_tuple()
        .all(conn)
        .await?;
    let candidate = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|s| !taken.contains(s))
        .unwrap_or(base);
    Ok(candidate)
}
