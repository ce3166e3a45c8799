//! `/notifikasi`: the signed-in person's notification centre — what happened, newest first, the
//! unread ones marked, each linking to the page it is about — and "mark all as read" (a plain
//! form).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::ErrorView;
use super::error_view::{FormError, form_error};
use super::locale::{localized, use_locale};
use super::notification_text::sentence;
use crate::api::{MarkNotificationsRead, list_notifications};
use crate::domain::calendar::format_wib;
use crate::i18n::td_string;
use crate::model::NotificationList;

/// The page.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = use_locale();
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let list = Resource::new(move || mark.version().get(), |_| list_notifications());
    view! {
        <Title text=td_string!(locale, notification.title) />
        <Meta name="robots" content="noindex" />
        <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
            <Suspense>
                {move || Suspend::new(async move {
                    list.await.map(|list| view! { <NotificationsView list mark /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn NotificationsView(
    list: NotificationList,
    mark: ServerAction<MarkNotificationsRead>,
) -> impl IntoView {
    let locale = use_locale();
    let error = move || form_error(mark.value().get());
    let unread = (list.unread > 0).then(|| {
        view! {
            <p class="notification-count">{td_string!(locale, notification.unread, count = list.unread)}</p>
            <ActionForm action=mark attr:class="inline-form">
                <button class="button button-small" type="submit">
                    {td_string!(locale, notification.mark_all)}
                </button>
            </ActionForm>
        }
    });
    let empty =
        list.items.is_empty().then(|| view! { <p>{td_string!(locale, notification.none)}</p> });
    let items = list
        .items
        .into_iter()
        .map(|item| {
            let state = if item.read { "read" } else { "unread" };
            view! {
                <li class="notification" data-state=state>
                    {(!item.read).then(|| view! {
                        <span class="badge">{td_string!(locale, notification.unread_label)}</span>" "
                    })}
                    <a href=localized(locale, &item.link)>{sentence(locale, &item.event)}</a>
                    <span class="meta">" · "{format_wib(&item.created_at.to_rfc3339())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{td_string!(locale, notification.title)}</h1>
        <p class="lead">{td_string!(locale, notification.lead)}</p>
        {move || view! { <FormError error=error() /> }}
        {unread}
        {empty}
        <ul class="notifications">{items}</ul>
    }
}
