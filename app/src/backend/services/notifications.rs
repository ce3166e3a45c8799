//! Notifications: telling people what happened to them, in the portal (the notification centre,
//! its unread count in the header) and by mail. [`notify`] runs inside the transaction of the
//! event itself, so a proposal accepted is never left without its notice, nor a notice sent for
//! something rolled back. The mail goes to the outbox; `backend::mail` sends it.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::backend::auth::Actor;
use crate::backend::entities::{membership, notification, outbox_message, person};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::model::{
    NOTIFICATIONS_SHOWN, NotificationEvent, NotificationList, NotificationView, Role,
};
use crate::ui::notification_text;

/// Mail is written before the portal's address is known to the service: links in it start
/// with this, and the mailer puts its configured base URL in its place when it sends.
pub const PORTAL_URL: &str = "{{portal}}";

/// Recipients written per statement: a closing course tells thousands at once, and every
/// database limits the values one statement may bind (SQLite 32,766).
const CHUNK: usize = 500;

/// Notifies `recipients` (person ids; the deactivated are skipped) of `event`, which is about
/// the portal page `link`: one notification each and one mail each in the outbox.
pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    recipients: &[i32],
    event: &NotificationEvent,
    link: &str,
) -> Result<(), AppError> {
    if recipients.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let stored = serde_json::to_string(event).map_err(AppError::internal)?;
    let subject = subject_of(event);
    for chunk in recipients.chunks(CHUNK) {
        let people = person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.iter().copied()))
            .filter(person::Column::DeactivatedAt.is_null())
            .all(conn)
            .await?;
        if people.is_empty() {
            continue;
        }
        notification::Entity::insert_many(people.iter().map(|p| notification::ActiveModel {
            person_id: Set(p.id),
            event: Set(stored.clone()),
            link: Set(link.to_owned()),
            created_at: Set(now),
            read_at: Set(None),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await?;
        outbox_message::Entity::insert_many(people.iter().map(|p| outbox_message::ActiveModel {
            recipient: Set(p.email.clone()),
            subject: Set(subject.clone()),
            body: Set(mail_body(&p.full_name, event, link)),
            created_at: Set(now),
            next_attempt_at: Set(now),
            attempts: Set(0),
            ..Default::default()
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// The active members holding `role` in the organisation `organisation_id`.
pub async fn members_with_role<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i32,
    role: Role,
) -> Result<Vec<i32>, AppError> {
    Ok(membership::Entity::find()
        .select_only()
        .column(membership::Column::PersonId)
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::Role.eq(role.as_db()))
        .into_tuple()
        .all(conn)
        .await?)
}

/// The signed-in person's newest notifications and their unread count.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
) -> Result<NotificationList, AppError> {
    let rows = notification::Entity::find()
        .filter(notification::Column::PersonId.eq(actor.person_id))
        .order_by_desc(notification::Column::Id)
        .limit(NOTIFICATIONS_SHOWN)
        .all(conn)
        .await?;
    let items = rows
        .into_iter()
        .map(|row| {
            Ok(NotificationView {
                id: row.id,
                event: serde_json::from_str(&row.event).map_err(AppError::internal)?,
                link: row.link,
                created_at: row.created_at,
                read: row.read_at.is_some(),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(NotificationList { items, unread: unread_count(conn, actor).await? })
}

/// How many of the signed-in person's notifications are unread.
pub async fn unread_count<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<u64, AppError> {
    Ok(notification::Entity::find()
        .filter(notification::Column::PersonId.eq(actor.person_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(conn)
        .await?)
}

/// Marks every notification of the signed-in person read; how many were unread.
pub async fn mark_all_read<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<u64, AppError> {
    let done = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Some(Utc::now()).into())
        .filter(notification::Column::PersonId.eq(actor.person_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(conn)
        .await?;
    Ok(done.rows_affected)
}

/// The mail's subject, in Indonesian (the portal's language).
fn subject_of(event: &NotificationEvent) -> String {
    let subject = format!("Sinergi: {}", notification_text::headline(Locale::id, event));
    // The column's bound, with room to spare; cut at a character, never inside one.
    subject.chars().take(250).collect()
}

/// The mail's text: Indonesian first, then English, each with the link.
fn mail_body(name: &str, event: &NotificationEvent, link: &str) -> String {
    let indonesian = format!("{PORTAL_URL}{link}");
    let english = format!("{PORTAL_URL}/en{link}");
    [(Locale::id, indonesian), (Locale::en, english)]
        .into_iter()
        .map(|(locale, link)| notification_text::mail_part(locale, name, event, &link))
        .collect::<Vec<_>>()
        .join("\n----\n\n")
}
