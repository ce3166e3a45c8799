//! Pages and components. Everything here renders on the server; only `#[island]`s run in the
//! browser too.

mod access_request_page;
mod access_requests_section;
mod approvals_page;
mod assessment_page;
mod behaviour_reviews_page;
mod catalogue_page;
mod collaboration_page;
mod collaboration_seats;
mod competency_profile;
mod competency_profile_page;
mod course_editor_page;
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
mod nav_toggle;
mod need_editor_page;
mod need_matches_page;
mod need_page;
mod need_proposals;
mod needs_page;
mod not_found_page;
pub mod notification_text;
mod notifications_page;
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
mod score_import;
mod sign_in_page;
mod staff_jp_page;
mod university_matches_page;
mod verification_page;
mod weights_page;

use leptos::prelude::*;
use leptos_meta::{Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use crate::i18n::{Locale, td_string};
use access_request_page::AccessRequestPage;
use approvals_page::ApprovalsPage;
use assessment_page::AssessmentPage;
use behaviour_reviews_page::BehaviourReviewsPage;
use catalogue_page::CataloguePage;
use collaboration_page::CollaborationPage;
use competency_profile_page::{OwnCompetencyPage, StaffCompetencyPage};
use course_editor_page::{EditCoursePage, NewCoursePage};
use dictionary_import_page::DictionaryImportPage;
use dictionary_page::DictionaryPage;
#[cfg(feature = "ssr")]
pub use error_view::apply_error_status;
pub use error_view::{ErrorView, field_message};
use gap_map_page::GapMapPage;
use gap_people_page::GapPeoplePage;
use home_page::HomePage;
use invitation_page::InvitationPage;
use layout::Layout;
use learning_forms_page::LearningFormsPage;
use leptos_i18n::Locale as _;
pub use live_search::LiveSearch;
pub use locale::{RequestLocale, use_locale};
pub use nav_toggle::NavToggle;
use need_editor_page::{EditNeedPage, NewNeedPage};
use need_matches_page::NeedMatchesPage;
use need_page::NeedPage;
use needs_page::NeedsPage;
use not_found_page::NotFoundPage;
use notifications_page::NotificationsPage;
use offer_page::{CoursePage, ResearchPage};
use organisation_page::OrganisationPage;
use own_courses_page::OwnCoursesPage;
use own_jp_page::OwnJpPage;
use participants_page::ParticipantsPage;
use positions_page::PositionsPage;
use profile_page::{AccountPage, PersonPage};
use proposal_form_page::ProposalFormPage;
use research_editor_page::{EditResearchPage, NewResearchPage};
use review_page::ReviewPage;
use roster_import_page::RosterImportPage;
pub use roster_upload::UploadProgress;
use sign_in_page::SignInPage;
use staff_jp_page::StaffJpPage;
use university_matches_page::UniversityMatchesPage;
use verification_page::VerificationPage;
use weights_page::WeightsPage;

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

/// The application: metadata, router and the routes. Every route renders completely on the
/// server before the first byte is sent (`SsrMode::Async`), so pages work without JavaScript and
/// the HTTP status reflects errors raised while rendering.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = use_locale();
    view! {
        <Title formatter=move |page: String| title(locale, &page) />
        <Meta name="description" content=td_string!(locale, site.description) />
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                    <Route path=StaticSegment("masuk") view=SignInPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("akun") view=AccountPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("kursus-saya") view=OwnCoursesPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("jp-saya") view=OwnJpPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("jp-staf") view=StaffJpPage ssr=SsrMode::Async />
                    <Route
                        path=StaticSegment("penilaian-perilaku")
                        view=BehaviourReviewsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("kompetensi-saya")
                        view=OwnCompetencyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kompetensi-saya"), ParamSegment("code"))
                        view=AssessmentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("orang"), ParamSegment("id"), StaticSegment("kompetensi"))
                        view=StaffCompetencyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("orang"),
                            ParamSegment("id"),
                            StaticSegment("kompetensi"),
                            ParamSegment("code"),
                        )
                        view=AssessmentPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("verifikasi") view=VerificationPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("verifikasi"), ParamSegment("code"))
                        view=VerificationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("persetujuan-pendaftaran")
                        view=ApprovalsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kolaborasi"), ParamSegment("id"))
                        view=CollaborationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("notifikasi")
                        view=NotificationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("kompetensi")
                        view=DictionaryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kompetensi"), StaticSegment("impor"), ParamSegment("id"))
                        view=DictionaryImportPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("jabatan") view=PositionsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("tabel-jp") view=LearningFormsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("bobot-pencocokan") view=WeightsPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("katalog") view=CataloguePage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("katalog"), StaticSegment("kursus"), ParamSegment("slug"))
                        view=CoursePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("katalog"),
                            StaticSegment("kursus"),
                            ParamSegment("slug"),
                            StaticSegment("ubah"),
                        )
                        view=EditCoursePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("katalog"),
                            StaticSegment("kursus"),
                            ParamSegment("slug"),
                            StaticSegment("peserta"),
                        )
                        view=ParticipantsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("organisasi"), ParamSegment("slug"), StaticSegment("kursus-baru"))
                        view=NewCoursePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("katalog"), StaticSegment("riset"), ParamSegment("slug"))
                        view=ResearchPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("kebutuhan") view=NeedsPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("kebutuhan"), ParamSegment("slug"))
                        view=NeedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kebutuhan"), ParamSegment("slug"), StaticSegment("penawaran"))
                        view=NeedMatchesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kebutuhan"), ParamSegment("slug"), StaticSegment("proposal-baru"))
                        view=ProposalFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("kebutuhan"), ParamSegment("slug"), StaticSegment("ubah"))
                        view=EditNeedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("organisasi"),
                            ParamSegment("slug"),
                            StaticSegment("kebutuhan-baru"),
                        )
                        view=NewNeedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("katalog"),
                            StaticSegment("riset"),
                            ParamSegment("slug"),
                            StaticSegment("ubah"),
                        )
                        view=EditResearchPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("organisasi"),
                            ParamSegment("slug"),
                            StaticSegment("kebutuhan-cocok"),
                        )
                        view=UniversityMatchesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("organisasi"), ParamSegment("slug"), StaticSegment("kesenjangan"))
                        view=GapMapPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("organisasi"),
                            ParamSegment("slug"),
                            StaticSegment("kesenjangan"),
                            ParamSegment("code"),
                        )
                        view=GapPeoplePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("organisasi"), ParamSegment("slug"), StaticSegment("riset-baru"))
                        view=NewResearchPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("minta-akses")
                        view=AccessRequestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("orang"), ParamSegment("id"))
                        view=PersonPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("undangan"), ParamSegment("token"))
                        view=InvitationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("organisasi"), ParamSegment("slug"))
                        view=OrganisationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("organisasi"),
                            ParamSegment("slug"),
                            StaticSegment("impor-asn"),
                            ParamSegment("id"),
                        )
                        view=RosterImportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("organisasi"))
                        view=ReviewPage
                        ssr=SsrMode::Async
                    />
                </Routes>
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
