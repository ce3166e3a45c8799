//! Data shared by the browser and the server: DTOs and validated newtypes, with their rules.

mod access;
mod assessment;
mod attendance;
mod catalogue;
mod certificate;
mod collaboration;
mod common_passwords;
mod competency;
mod course;
mod course_form;
mod dashboard;
mod email;
mod enrollment;
mod enrollment_view;
mod evaluation;
mod gap_map;
mod import;
mod jp_ledger;
mod learning_form;
mod login;
mod match_weights;
mod matching;
mod mentoring;
mod need;
mod need_form;
mod need_view;
mod nip;
mod notification;
mod offer;
mod organisation;
mod password;
mod person;
mod proposal;
mod proposal_view;
mod research;
mod research_form;
mod role;
mod roster;
mod validation;

pub use access::{AccessRequestForm, AccessRequestStatus, PendingAccessRequest, SentAccessRequest};
pub use assessment::{
    AssessmentDraft, AssessmentEntry, AssessmentForm, AssessmentKind, CompetencyProfile,
    LevelChoice, LevelView, MAX_ASSESSMENT_NOTE, PlanChoices, ProfileRow,
};
pub use attendance::{
    AttendanceSheet, CHECK_IN_MINUTES, CheckInView, ParticipantRow, SHEET_PAGE_SIZE, ScoreInput,
    ScoreRow, SessionColumn, same_code,
};
pub use catalogue::{
    CATALOGUE_COUNT_CAP, CATALOGUE_PAGE_SIZE, CatalogueFacets, CataloguePage, CatalogueQuery,
    CatalogueSort, CompetencyTag, CourseFacts, OfferCard, OfferDetail, OfferEvaluation, OfferFacts,
    Price, ResearchFacts, SessionView, StatusChangeView,
};
pub use certificate::{
    CODE_ALPHABET as CERTIFICATE_CODE_ALPHABET, CODE_LEN as CERTIFICATE_CODE_LEN, CertificateView,
    CertifiedCompetency, MAX_REVOKE_REASON, Revocation, certificate_number, grouped_code,
    normalise_code as normalise_certificate_code,
};
pub use collaboration::{CollaborationDetail, CollaborationStep, Contact, MAX_COLLABORATION_NOTE};
pub use competency::{
    CompetencyDictionary, CompetencyTypeView, CompetencyView, PositionList,
    PositionRequirementView, PositionView,
};
pub use course::{CourseDraft, SessionDraft, limits as course_limits};
pub use course_form::{CompetencyRow, CourseEditor, CourseForm, FORM_ROWS, PersonRow, SessionRow};
pub use dashboard::{
    AgencyDashboard, AsnDashboard, Chart, ChartKey, ChartLabel, ChartRow, Charts,
    ProvinceDashboard, UniversityDashboard, percent,
};
pub use email::{EmailError, normalise_email};
pub use enrollment::{
    EnrollmentOutcome, EnrollmentStatus, MAX_ENROLLMENT_NOTE, may_cancel as may_cancel_enrollment,
};
pub use enrollment_view::{
    AgencyApprovals, CollaborationSeats, CourseSeats, Nominee, OwnEnrollment, OwnPlace,
    PendingEnrollment, SeatViewer, StaffChoice, StaffFilter,
};
pub use evaluation::{EvaluationDraft, MAX_EVALUATION_COMMENT, PendingReview};
pub use gap_map::{GapBasis, GapCell, GapMap, GapMapRow, GapPeople, GapPerson, GapPrefill};
pub use import::{DictionaryImportReport, ImportRowError};
pub use jp_ledger::{
    AgencyJp, JP_YEARLY_MINIMUM, JpEntryStatus, JpEntryView, JpLedger, JpSource,
    LearningFormChoice, MAX_JP_EVIDENCE, MAX_JP_TEXT, OutsideLearning, OutsideLearningForm,
    PendingJpEntry, StaffJpRow, days_left_in_year,
};
pub use learning_form::{JpBasisKind, LearningFormRow, LearningFormTable, LearningFormView};
pub use login::{LoginFailure, LoginProviderView, is_local_return_path};
pub use match_weights::{
    MatchWeightsPage, WEIGHT_FIELDS, WeightsChange, WeightsForm, parse_weights, weight_of,
};
pub use matching::{
    MatchQuery, MatchedNeed, MatchedOffer, NeedMatchList, UNIVERSITY_MATCHES_SHOWN,
    UniversityMatchList,
};
pub use mentoring::{
    MAX_MENTORING_DAYS, MAX_MENTORING_NOTE, MAX_SESSION_TOPIC, MentorOfferDraft, MentorOfferView,
    MentorSuggestion, MentorableCompetency, MentoringSessionDraft, MentoringSessionView,
    MentorshipRequest, MentorshipRequestForm, MentorshipStatus, MentorshipView, OwnMentoring,
    SESSION_MINUTES,
};
pub use need::{
    CompetencyNeedDraft, NeedDetails, NeedDraft, NeedFigure, NeedKind, NeedStatus,
    ResearchNeedDraft, need_limits,
};
pub use need_form::{FigureRow, NeedEditor, NeedForm};
pub use need_view::{NEEDS_PAGE_SIZE, NeedCard, NeedDetail, NeedFacts, NeedPage, NeedQuery};
pub use nip::{Nip, NipError, NipSex};
pub use notification::{
    NOTIFICATIONS_SHOWN, NotificationEvent, NotificationList, NotificationView,
};
pub use offer::{
    DeliveryMode, OfferCompetency, OfferKind, OfferPerson, OfferStatus, Region, ResearchOutput,
};
pub use organisation::{
    OrganisationKind, OrganisationReviewRow, OrganisationSummary, PortalCounts, ReviewDecision,
};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, PasswordError, validate_new_password};
pub use person::{InvitationView, MemberRow, MembershipView, PersonProfile};
pub use proposal::{
    CollaborationStatus, MAX_DECISION_NOTE, MAX_PROPOSAL_MESSAGE, MAX_PROPOSAL_PRICE,
    ProposalDraft, ProposalKind, ProposalStatus,
};
pub use proposal_view::{NeedProposals, ProposalCard, ProposalEditor, ProposalForm};
pub use research::{MAX_RESEARCH_BUDGET, ResearchDraft};
pub use research_form::{ResearchEditor, ResearchForm};
pub use role::Role;
pub use roster::RosterImportReport;
pub use validation::{Checks, FieldError, ValidationCode};
