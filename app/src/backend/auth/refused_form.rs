//! What a refused form post said, kept in the poster's session for one read, so that the page
//! the browser is sent back to shows the typed input beside the error instead of an empty form.
//!
//! A plain form post that fails is answered with a redirect to the page it came from (leptos
//! puts the error in the URL); the input itself cannot ride along in the URL (too long, and it
//! would land in logs and history). So the server function keeps it here and the editor's
//! loader takes it back. One form per session at a time: a newer refusal replaces an older one,
//! a successful save of the same form forgets it. Two tabs refused at the same instant may
//! keep only one of their inputs (read, change, write): the other gets its error and an empty
//! form, as before this existed.

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};

use super::CurrentSession;
use super::secret::stored_hash;
use crate::backend::entities::session;
use crate::error::AppError;

/// The member of `sessions.data` that holds it.
const MEMBER: &str = "refused_form";
/// Kept input older than this is not put back: the editor opened much later starts as usual.
const KEPT_FOR_SECS: i64 = 30 * 60;

/// Keeps `form` for the next [`take`] of `key` (which form of which record: e.g.
/// `course:new:unila`), when the request is a plain form post of a signed-in session and `error`
/// is about the input (a script calling the function gets its error and keeps its own data).
pub async fn keep<C: ConnectionTrait, T: Serialize>(
    conn: &C,
    key: &str,
    form: &T,
    error: &AppError,
) -> Result<(), AppError> {
    if !matches!(error, AppError::Invalid(_) | AppError::Conflict(_)) || !is_plain_form_post() {
        return Ok(());
    }
    let Some(hash) = session_hash() else { return Ok(()) };
    let Some(mut data) = read(conn, &hash).await? else { return Ok(()) };
    let at = chrono::Utc::now().timestamp();
    let kept = serde_json::json!({ "key": key, "at": at, "form": form });
    data.insert(MEMBER.to_owned(), kept);
    write(conn, &hash, data).await
}

/// The form kept for `key`, once: it is forgotten as it is read. `None` when nothing was kept,
/// what was kept belongs to another form, or is older than [`KEPT_FOR_SECS`].
pub async fn take<C: ConnectionTrait, T: DeserializeOwned>(
    conn: &C,
    key: &str,
) -> Result<Option<T>, AppError> {
    let Some(kept) = remove(conn, key).await? else { return Ok(None) };
    let at = kept.get("at").and_then(Value::as_i64).unwrap_or(0);
    if chrono::Utc::now().timestamp() - at > KEPT_FOR_SECS {
        return Ok(None);
    }
    // A form kept by an older release may no longer read: then the page starts as usual.
    Ok(kept.get("form").and_then(|form| serde_json::from_value(form.clone()).ok()))
}

/// Forgets what was kept for `key` (after the form was saved after all).
pub async fn forget<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), AppError> {
    remove(conn, key).await.map(|_| ())
}

/// Takes the kept member out of the session's data if it belongs to `key`.
async fn remove<C: ConnectionTrait>(conn: &C, key: &str) -> Result<Option<Value>, AppError> {
    let Some(hash) = session_hash() else { return Ok(None) };
    let Some(mut data) = read(conn, &hash).await? else { return Ok(None) };
    let belongs = data
        .get(MEMBER)
        .and_then(|kept| kept.get("key"))
        .is_some_and(|kept_key| kept_key.as_str() == Some(key));
    if !belongs {
        return Ok(None);
    }
    let kept = data.remove(MEMBER);
    write(conn, &hash, data).await?;
    Ok(kept)
}

/// Which form of which record: `kind:slug` when editing, `kind:new:owner` for a new one.
pub fn key(kind: &str, owner: &str, slug: &str) -> String {
    if slug.is_empty() { format!("{kind}:new:{owner}") } else { format!("{kind}:{slug}") }
}

/// Whether the request is a browser's form post (no script): leptos answers those with a
/// redirect to the page they came from, judged by the same header.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    })
}

fn session_hash() -> Option<String> {
    let session = CurrentSession::of_request();
    session.actor.as_ref()?;
    session.token.map(|token| stored_hash(token.as_str()))
}

async fn read<C: ConnectionTrait>(
    conn: &C,
    hash: &str,
) -> Result<Option<Map<String, Value>>, AppError> {
    let stored: Option<String> = session::Entity::find()
        .select_only()
        .column(session::Column::Data)
        .filter(session::Column::TokenHash.eq(hash))
        .into_tuple()
        .one(conn)
        .await?;
    // Data that is not an object (never so for a signed-in session) counts as empty.
    Ok(stored.map(|text| match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }))
}

async fn write<C: ConnectionTrait>(
    conn: &C,
    hash: &str,
    data: Map<String, Value>,
) -> Result<(), AppError> {
    let text = Value::Object(data).to_string();
    session::Entity::update_many()
        .col_expr(session::Column::Data, Expr::value(text))
        .filter(session::Column::TokenHash.eq(hash))
        .exec(conn)
        .await?;
    Ok(())
}
