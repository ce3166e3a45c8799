//! Server functions, grouped by feature. Each one: who is asking → one service call → a DTO.

pub mod access;
pub mod assessments;
pub mod attendance;
pub mod catalogue;
pub mod certificates;
pub mod collaborations;
pub mod competencies;
pub mod dashboards;
pub mod enrollments;
pub mod evaluations;
pub mod invitations;
pub mod jp;
pub mod login;
pub mod match_weights;
pub mod matching;
pub mod mentoring;
pub mod needs;
pub mod notifications;
pub mod organisations;
pub mod people;
pub mod proposals;
pub mod roster;
pub mod session;
pub mod stats;

pub use access::{
    DecideAccessRequest, RequestAccess, decide_access_request, get_access_request_form,
    list_access_requests, request_access,
};
pub use assessments::{
    AssessCompetency, SaveStaffPlan, assess_competency, get_assessment_form,
    get_competency_profile, get_gap_map, get_gap_people, get_own_competency_profile,
    save_staff_plan,
};
pub use attendance::{
    CheckIn, MarkAttendance, OpenCheckIn, SaveScores, check_in, get_attendance_sheet,
    mark_attendance, open_check_in, save_scores,
};
pub use catalogue::{
    ChangeOfferStatus, SaveCourse, SaveResearch, change_offer_status, get_catalogue_facets,
    get_course_editor, get_offer, get_offer_history, get_research_editor, search_catalogue,
};
pub use certificates::{GetCertificate, RevokeCertificate, get_certificate, revoke_certificate};
pub use collaborations::{
    ChangeCollaborationStatus, change_collaboration_status, get_collaboration,
};
pub use competencies::{
    SaveLearningForm, get_competency_dictionary, get_dictionary_import, get_positions,
    list_learning_forms, save_learning_form,
};
pub use dashboards::{
    get_agency_dashboard, get_asn_dashboard, get_province_dashboard, get_university_dashboard,
};
pub use enrollments::{
    CancelEnrollment, DecideEnrollment, Enroll, NominateStaff, SetEnrollmentApproval,
    cancel_enrollment, decide_enrollment, enroll, get_collaboration_seats, get_course_seats,
    get_enrollment_approvals, get_own_enrollments, nominate_staff, set_enrollment_approval,
};
pub use evaluations::{
    EvaluateCourse, RateBehaviour, evaluate_course, get_pending_reviews, rate_behaviour,
};
pub use invitations::{AcceptInvitation, InviteMember, get_invitation};
pub use jp::{
    AddOutsideLearning, DecideJpEntry, add_outside_learning, decide_jp_entry, get_jp_ledger,
    get_staff_jp,
};
pub use login::list_login_providers;
pub use match_weights::{SetMatchWeights, get_match_weights, set_match_weights};
pub use matching::{
    InviteToPropose, ShortlistOffer, get_need_matches, get_university_matches, invite_to_propose,
    shortlist_offer,
};
pub use mentoring::{
    AnswerMentorship, CancelMentorship, CompleteMentorship, ConfirmMentoringSession,
    LogMentoringSession, OfferToMentor, RequestMentor, WithdrawMentorOffer, answer_mentorship,
    cancel_mentorship, complete_mentorship, confirm_mentoring_session, get_mentor_suggestions,
    get_mentorship, get_own_mentoring, log_mentoring_session, offer_to_mentor, request_mentor,
    withdraw_mentor_offer,
};
pub use needs::{
    ChangeNeedStatus, SaveNeed, change_need_status, get_need, get_need_editor, list_needs,
    save_need,
};
pub use notifications::{
    MarkNotificationsRead, get_unread_count, list_notifications, mark_notifications_read,
};
pub use organisations::{
    ReviewOrganisation, get_organisation, list_organisations_for_review, review_organisation,
};
pub use people::{SetMemberActive, get_my_profile, get_person_profile, list_members};
pub use proposals::{
    AcceptProposal, DeclineProposal, SubmitProposal, WithdrawProposal, accept_proposal,
    decline_proposal, get_need_proposals, get_proposal_editor, submit_proposal, withdraw_proposal,
};
pub use roster::get_roster_import;
pub use session::{SignIn, SignOut, sign_in, sign_out};
pub use stats::get_portal_counts;

/// The application state and the signed-in actor, or `Unauthenticated`.
#[cfg(feature = "ssr")]
fn state_and_actor()
-> Result<(crate::backend::AppState, crate::backend::auth::Actor), crate::error::AppError> {
    let state = crate::backend::AppState::current()?;
    let actor = crate::backend::auth::CurrentSession::of_request().require_actor()?.clone();
    Ok((state, actor))
}

/// The address the request came from (the TCP peer), for per-address rate limits.
#[cfg(feature = "ssr")]
fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Gives a failed server function the HTTP status of its error (and `Retry-After` when rate
/// limited) for clients that call it with `fetch`. A plain HTML form post is answered with a
/// redirect back to its page instead, which then shows the error with that status.
#[cfg(feature = "ssr")]
fn report<T>(result: Result<T, crate::error::AppError>) -> Result<T, crate::error::AppError> {
    if let Err(error) = &result
        && !crate::backend::auth::refused_form::is_plain_form_post()
    {
        crate::ui::apply_error_status(std::slice::from_ref(error));
    }
    result
}

/// [`report`] for the save of an editor's form: a refused plain form post keeps the typed
/// `form` under `key`, for the editor page the browser is sent back to.
#[cfg(feature = "ssr")]
async fn report_form<T, F: serde::Serialize>(
    key: &str,
    form: &F,
    result: Result<T, crate::error::AppError>,
) -> Result<T, crate::error::AppError> {
    use crate::backend::auth::refused_form;
    if let Ok(state) = crate::backend::AppState::current() {
        // Losing the typed input is a nuisance, not a reason to hide the outcome itself.
        let outcome = match &result {
            Err(error) => refused_form::keep(&state.db, key, form, error).await,
            Ok(_) => refused_form::forget(&state.db, key).await,
        };
        if let Err(failure) = outcome {
            tracing::warn!(error = ?failure, "could not keep or forget a refused form");
        }
    }
    report(result)
}

/// The input of `key`'s form refused a moment ago, if any (see `report_form`); a failure to
/// read it only costs the visitor their typed input.
#[cfg(feature = "ssr")]
async fn refused_input<F: serde::de::DeserializeOwned>(
    state: &crate::backend::AppState,
    key: &str,
) -> Option<F> {
    crate::backend::auth::refused_form::take(&state.db, key).await.unwrap_or_else(|failure| {
        tracing::warn!(error = ?failure, "could not read a refused form");
        None
    })
}
