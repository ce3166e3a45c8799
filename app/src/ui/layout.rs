//! The frame of every page: skip link, header with navigation (and the unread notifications'
//! count) and language switch, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{SignOut, get_unread_count};

use super::locale::{localized, switch_href, use_locale};
use super::nav_toggle::NavToggle;
use crate::i18n::{Locale, td_string};
use leptos_i18n::Locale as _;

/// Wraps a page in the site's header and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let locale = use_locale();
    view! {
        <a class="skip-link" href="#main">{td_string!(locale, nav.skip)}</a>
        <header class="site-header">
            <div class="container header-bar">
                <a class="brand" href=localized(locale, "/")>
                    <span class="brand-mark" aria-hidden="true">"S"</span>
                    <span class="brand-name">{td_string!(locale, site.name)}</span>
                </a>
                <NavToggle label=td_string!(locale, nav.menu).to_owned()>
                    <nav aria-label=td_string!(locale, nav.main)>
                        <ul class="nav-list">
                            <li>
                                <a href=localized(locale, "/")>{td_string!(locale, nav.home)}</a>
                            </li>
                            <li>
                                <a href=localized(locale, "/katalog")>
                                    {td_string!(locale, nav.catalogue)}
                                </a>
                            </li>
                            <li>
                                <a href=localized(locale, "/kebutuhan")>
                                    {td_string!(locale, nav.needs)}
                                </a>
                            </li>
                            <li>
                                <a href=localized(locale, "/kompetensi")>
                                    {td_string!(locale, nav.dictionary)}
                                </a>
                            </li>
                            <SignedInLinks />
                        </ul>
                    </nav>
                    <SignedIn />
                    <LanguageSwitch />
                </NavToggle>
            </div>
        </header>
        <main id="main" class="container" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container">
                <p>{td_string!(locale, footer.about)}</p>
                <p>{td_string!(locale, footer.rule)}</p>
            </div>
        </footer>
    }
}

/// Links only a signed-in person has use for; the pages behind them check access themselves.
#[component]
fn SignedInLinks() -> impl IntoView {
    let locale = use_locale();
    let Some(viewer) = viewer() else { return ().into_any() };
    view! {
        <li>
            <a href=localized(locale, "/notifikasi")>
                {td_string!(locale, nav.notifications)}
                <UnreadBadge />
            </a>
        </li>
        <li>
            <a href=localized(locale, "/akun")>{td_string!(locale, nav.account)}</a>
        </li>
        {viewer.staff.then(|| view! {
            <li>
                <a href=localized(locale, "/dasbor-saya")>{td_string!(locale, dashboard.nav)}</a>
            </li>
            <li>
                <a href=localized(locale, "/kursus-saya")>{td_string!(locale, enrollment.nav)}</a>
            </li>
            <li>
                <a href=localized(locale, "/jp-saya")>{td_string!(locale, jp.nav)}</a>
            </li>
            <li>
                <a href=localized(locale, "/kompetensi-saya")>{td_string!(locale, assessment.nav)}</a>
            </li>
            <li>
                <a href=localized(locale, "/mentoring")>{td_string!(locale, mentoring.nav)}</a>
            </li>
        })}
        {viewer.lead.then(|| view! {
            <li>
                <a href=localized(locale, "/persetujuan-pendaftaran")>
                    {td_string!(locale, enrollment.nav_approvals)}
                </a>
            </li>
            <li>
                <a href=localized(locale, "/jp-staf")>{td_string!(locale, jp.nav_staff)}</a>
            </li>
            <li>
                <a href=localized(locale, "/penilaian-perilaku")>{td_string!(locale, evaluation.nav)}</a>
            </li>
        })}
        {viewer.province_admin.then(|| view! {
            <li>
                <a href=localized(locale, "/dasbor-provinsi")>{td_string!(locale, dashboard.province_nav)}</a>
            </li>
            <li>
                <a href=localized(locale, "/admin/organisasi")>{td_string!(locale, nav.review)}</a>
            </li>
        })}
    }
    .into_any()
}

/// The number of unread notifications, when there are any.
#[component]
fn UnreadBadge() -> impl IntoView {
    let locale = use_locale();
    let count = Resource::new(|| (), |_| get_unread_count());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                // The badge is a convenience: a failure to count leaves it out.
                count.await.ok().filter(|n| *n > 0).map(|n| {
                    let label = td_string!(locale, nav.unread, count = n).to_string();
                    view! { " " <span class="badge" aria-label=label>{n}</span> }
                })
            })}
        </Suspense>
    }
}

/// The signed-in person's name and a sign-out button (a plain form: no JavaScript needed).
#[component]
fn SignedIn() -> impl IntoView {
    let locale = use_locale();
    let sign_out = ServerAction::<SignOut>::new();
    let Some(Viewer { name, .. }) = viewer() else {
        return view! {
            <a class="sign-in-link" href=localized(locale, "/masuk")>
                {td_string!(locale, nav.sign_in)}
            </a>
        }
        .into_any();
    };
    view! {
        <div class="signed-in">
            <span>{td_string!(locale, nav.signed_in_as)} " " <strong>{name}</strong></span>
            <ActionForm action=sign_out>
                <button type="submit" class="link-button">
                    {td_string!(locale, nav.sign_out)}
                </button>
            </ActionForm>
        </div>
    }
    .into_any()
}

/// What the header needs to know about the signed-in person.
struct Viewer {
    name: String,
    province_admin: bool,
    /// A civil servant (has courses of their own).
    staff: bool,
    /// An agency lead (decides on enrollments).
    lead: bool,
}

/// The signed-in person, if any (the header renders on the server only).
fn viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        crate::backend::auth::CurrentSession::of_request().actor.map(|a| Viewer {
            province_admin: a.is_province_admin(),
            staff: a.has_role(crate::model::Role::Asn),
            lead: a.has_role(crate::model::Role::AgencyLead),
            name: a.full_name,
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// A plain link to the same page in the other language (no JavaScript needed).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let location = use_location();
    // The same page, filters and all: `/katalog?q=x` switches to `/en/katalog?q=x`.
    let (path, query) = (location.pathname.get_untracked(), location.search.get_untracked());
    let path = if query.is_empty() { path } else { format!("{path}?{query}") };
    let target = match locale {
        Locale::id => Locale::en,
        Locale::en => Locale::id,
    };
    view! {
        <a
            class="language-switch"
            href=switch_href(target, &path)
            hreflang=target.as_str()
            lang=target.as_str()
            aria-label=td_string!(locale, nav.switch_to_label)
        >
            {td_string!(locale, nav.switch_to)}
        </a>
    }
}
