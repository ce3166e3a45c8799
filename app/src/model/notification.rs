//! Notifications: the events a person is told about, in the portal and by mail, and the list
//! the notification centre shows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CollaborationStatus, EnrollmentStatus};

/// What happened. Stored as JSON with the names it needs, so that each reader's page renders
/// it in their own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NotificationEvent {
    /// To the agency's leads: a university proposed for their need.
    ProposalReceived { need: String, university: String },
    /// To the university: the agency accepted its proposal; a collaboration is agreed.
    ProposalAccepted { need: String, agency: String },
    /// To the university: the agency declined its proposal; an empty note means it accepted
    /// another.
    ProposalDeclined { need: String, agency: String, note: String },
    /// To the other party: a collaboration started, was completed or was cancelled (`note`:
    /// why) by `by` (an organisation's name).
    CollaborationChanged { need: String, status: CollaborationStatus, by: String, note: String },
    /// To a university: an agency lead invites it to propose for a need, on the strength of its
    /// offer `offer`.
    InvitedToPropose { need: String, agency: String, offer: String },
    /// To a waitlisted person: a seat of `course` freed up and is theirs (`status`: enrolled,
    /// or pending their agency's approval).
    WaitlistPromoted { course: String, status: EnrollmentStatus },
    /// To an agency's leads: `person` of their staff asks to take `course`.
    EnrollmentAwaitsApproval { course: String, person: String },
    /// To the person: their agency approved (empty `note`) or refused their place in `course`.
    EnrollmentDecided { course: String, approved: bool, note: String },
    /// To the person: their agency lead `by` nominated them for `course`.
    Nominated { course: String, by: String },
    /// To a participant: `course` closed — completed or not (`None`: it was cancelled).
    CourseEnded { course: String, completed: Option<bool> },
    /// To a nominee: the collaboration that reserved their seat in `course` was cancelled
    /// (`note`: why), so their place ended.
    NominationEnded { course: String, note: String },
    /// To the person: a lead verified (`credited`, with `jp`) or rejected (with `note`) the
    /// learning `title` they submitted for their JP ledger.
    JpEntryDecided { title: String, credited: bool, jp: i32, note: String },
    /// To the supervisor (or the agency's leads): the review of how `person` applies what
    /// `course` taught them is due.
    BehaviourReviewDue { person: String, course: String },
    /// To a mentor: `mentee` asks them to mentor `competency`.
    MentorshipRequested { mentee: String, competency: String },
    /// To the mentee: `mentor` agreed to the plan for `competency`, or declined (with `note`).
    MentorshipAnswered { mentor: String, competency: String, accepted: bool, note: String },
    /// To the other one of a pair: `by` logged a session of `competency` to confirm.
    MentoringSessionLogged { by: String, competency: String },
    /// To each of a pair: the mentoring of `competency` completed, crediting them `jp`.
    MentorshipCompleted { competency: String, jp: i32 },
}

/// One notification in the centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub event: NotificationEvent,
    /// The portal path it is about.
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// The newest notifications of the signed-in person, and how many are unread in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationList {
    pub items: Vec<NotificationView>,
    pub unread: u64,
}

/// How many notifications the centre lists.
pub const NOTIFICATIONS_SHOWN: u64 = 50;
