//! Pages and components. Everything here renders on the server; only `#[island]`s run in the
//! browser too.

mod access_request_page;
mod access_requests_section;
mod approvals_page;
mod asn_dashboard_page;
mod assessment_page;
mod behaviour_reviews_page;
mod catalogue_page;
pub mod chart_figure;
mod collaboration_page;
mod collaboration_seats;
mod competency_profile;
mod competency_profile_page;
mod course_editor_page;
mod dashboard_pages;
mod dictionary_import_page;
mod dictionary_page;
mod enrollment_box;
mod error_view;
mod gap_map_page;
mod gap_people_page;
mod home_page;
mod import_errors;
mod invitation_page;
mod invite_form;
pub(crate) mod labels;
mod layout;
mod learning_forms_page;
mod live_search;
pub mod locale;
mod match_reasons;
mod mentoring_page;
mod mentorship_page;
mod nav_toggle;
mod need_editor_page;
mod need_matches_page;
mod need_page;
mod need_proposals;
mod needs_page;
mod not_found_page;
pub mod notification_text;
mod notifications_page;
mod offer_evaluation;
mod offer_page;
mod organisation_page;
mod own_courses_page;
mod own_jp_page;
mod pager;
mod participants_page;
mod positions_page;
mod profile_page;
mod proposal_form_page;
mod research_editor_page;
mod review_page;
mod roster_import_page;
mod roster_upload;
mod routes;
mod score_import;
mod sign_in_page;
mod staff_jp_page;
mod university_matches_page;
mod verification_page;
mod weights_page;

use leptos::prelude::*;
use leptos_meta::{Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::Router;

use crate::i18n::{Locale, td_string};
#[cfg(feature = "ssr")]
pub use error_view::apply_error_status;
pub use error_view::{ErrorView, field_message};
use layout::Layout;
use leptos_i18n::Locale as _;
pub use live_search::LiveSearch;
pub use locale::{RequestLocale, use_locale};
pub use nav_toggle::NavToggle;
pub use roster_upload::UploadProgress;
use routes::AppRoutes;

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = locale::request_locale();
    provide_context(locale);
    #[cfg(feature = "ssr")]
    use_request_nonce();
    let stylesheet = stylesheet_href(&options);
    view! {
        <!DOCTYPE html>
        <html lang=locale.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.ico" sizes="any" />
                <link rel="stylesheet" href=stylesheet />
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: metadata, the router, the layout and the routes (`routes::AppRoutes`).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = use_locale();
    view! {
        <Title formatter=move |page: String| title(locale, &page) />
        <Meta name="description" content=td_string!(locale, site.description) />
        <Router>
            <Layout>
                <AppRoutes />
            </Layout>
        </Router>
    }
}

/// Hands the page the nonce the server drew for this request (`backend::csp`), so that the
/// scripts the page writes carry the nonce its Content-Security-Policy header names.
#[cfg(feature = "ssr")]
fn use_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::backend::csp::PageNonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// The document title. Escaped here because leptos_meta writes the formatted title into the
/// page as is: a course titled `</title><script>…` would otherwise become markup.
fn title(locale: Locale, page: &str) -> String {
    let site = td_string!(locale, site.name);
    let page = page.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    if page.is_empty() { site.to_owned() } else { format!("{page} · {site}") }
}

/// The stylesheet's URL, with the content hash cargo-leptos gave it (long-lived caching).
fn stylesheet_href(options: &LeptosOptions) -> String {
    let pkg = &options.site_pkg_dir;
    let name = &options.output_name;
    match css_hash(options) {
        Some(hash) => format!("/{pkg}/{name}.{hash}.css"),
        None => format!("/{pkg}/{name}.css"),
    }
}

#[cfg(feature = "ssr")]
fn css_hash(options: &LeptosOptions) -> Option<String> {
    use std::sync::OnceLock;
    static HASH: OnceLock<Option<String>> = OnceLock::new();
    HASH.get_or_init(|| {
        if !options.hash_files {
            return None;
        }
        let path = std::env::current_exe().ok()?.parent()?.join(options.hash_file.as_ref());
        let text = std::fs::read_to_string(path).ok()?;
        text.lines().find_map(|line| line.strip_prefix("css:")).map(|h| h.trim().to_owned())
    })
    .clone()
}

#[cfg(not(feature = "ssr"))]
fn css_hash(_options: &LeptosOptions) -> Option<String> {
    None
}
