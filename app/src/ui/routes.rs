//! The portal's URL map: every page and the path it answers on (Indonesian words, as users see
//! them). Kept apart from the document shell so that adding a page touches one short list.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use super::access_request_page::AccessRequestPage;
use super::approvals_page::ApprovalsPage;
use super::asn_dashboard_page::AsnDashboardPage;
use super::assessment_page::AssessmentPage;
use super::behaviour_reviews_page::BehaviourReviewsPage;
use super::catalogue_page::CataloguePage;
use super::collaboration_page::CollaborationPage;
use super::competency_profile_page::{OwnCompetencyPage, StaffCompetencyPage};
use super::course_editor_page::{EditCoursePage, NewCoursePage};
use super::dashboard_pages::{AgencyDashboardPage, ProvinceDashboardPage, UniversityDashboardPage};
use super::dictionary_import_page::DictionaryImportPage;
use super::dictionary_page::DictionaryPage;
use super::gap_map_page::GapMapPage;
use super::gap_people_page::GapPeoplePage;
use super::home_page::HomePage;
use super::invitation_page::InvitationPage;
use super::learning_forms_page::LearningFormsPage;
use super::mentoring_page::{FindMentorPage, MentoringPage};
use super::mentorship_page::MentorshipPage;
use super::need_editor_page::{EditNeedPage, NewNeedPage};
use super::need_matches_page::NeedMatchesPage;
use super::need_page::NeedPage;
use super::needs_page::NeedsPage;
use super::not_found_page::NotFoundPage;
use super::notifications_page::NotificationsPage;
use super::offer_page::{CoursePage, ResearchPage};
use super::organisation_page::OrganisationPage;
use super::own_courses_page::OwnCoursesPage;
use super::own_jp_page::OwnJpPage;
use super::participants_page::ParticipantsPage;
use super::positions_page::PositionsPage;
use super::profile_page::{AccountPage, PersonPage};
use super::proposal_form_page::ProposalFormPage;
use super::research_editor_page::{EditResearchPage, NewResearchPage};
use super::review_page::ReviewPage;
use super::roster_import_page::RosterImportPage;
use super::sign_in_page::SignInPage;
use super::staff_jp_page::StaffJpPage;
use super::university_matches_page::UniversityMatchesPage;
use super::verification_page::VerificationPage;
use super::weights_page::WeightsPage;

/// Every route of the portal. Each renders completely on the server before the first byte is
/// sent (`SsrMode::Async`), so pages work without JavaScript and the HTTP status reflects errors
/// raised while rendering.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=StaticSegment("mentoring") view=MentoringPage ssr=SsrMode::Async />
            <Route
                path=(StaticSegment("mentoring"), StaticSegment("cari"))
                view=FindMentorPage
                ssr=SsrMode::Async
            />
            <Route
                path=(StaticSegment("mentoring"), ParamSegment("id"))
                view=MentorshipPage
                ssr=SsrMode::Async
            />
            <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
            <Route path=StaticSegment("masuk") view=SignInPage ssr=SsrMode::Async />
            <Route path=StaticSegment("akun") view=AccountPage ssr=SsrMode::Async />
            <Route path=StaticSegment("kursus-saya") view=OwnCoursesPage ssr=SsrMode::Async />
            <Route path=StaticSegment("jp-saya") view=OwnJpPage ssr=SsrMode::Async />
            <Route path=StaticSegment("dasbor-saya") view=AsnDashboardPage ssr=SsrMode::Async />
            <Route
                path=StaticSegment("dasbor-provinsi")
                view=ProvinceDashboardPage
                ssr=SsrMode::Async
            />
            <Route
                path=(StaticSegment("organisasi"), ParamSegment("slug"), StaticSegment("dasbor"))
                view=AgencyDashboardPage
                ssr=SsrMode::Async
            />
            <Route
                path=(
                    StaticSegment("organisasi"),
                    ParamSegment("slug"),
                    StaticSegment("dasbor-kampus"),
                )
                view=UniversityDashboardPage
                ssr=SsrMode::Async
            />
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
    }
}
