//! Notifications in words, in either language: the sentence the notification centre shows and
//! the mail sent with it (both written from the same translations).

use crate::i18n::{Locale, td_string};
use crate::model::{CollaborationStatus, EnrollmentStatus, NotificationEvent};

/// The event as one sentence.
pub fn sentence(locale: Locale, event: &NotificationEvent) -> String {
    match event {
        NotificationEvent::ProposalReceived { need, university } => td_string!(
            locale,
            notification.proposal_received,
            university = university.clone(),
            need = need.clone()
        )
        .to_string(),
        NotificationEvent::ProposalAccepted { need, agency } => td_string!(
            locale,
            notification.proposal_accepted,
            agency = agency.clone(),
            need = need.clone()
        )
        .to_string(),
        NotificationEvent::ProposalDeclined { need, agency, note } if note.is_empty() => {
            td_string!(
                locale,
                notification.proposal_declined_other,
                agency = agency.clone(),
                need = need.clone()
            )
            .to_string()
        }
        NotificationEvent::ProposalDeclined { need, agency, note } => td_string!(
            locale,
            notification.proposal_declined,
            agency = agency.clone(),
            need = need.clone(),
            note = note.clone()
        )
        .to_string(),
        NotificationEvent::CollaborationChanged { need, status, by, note } => match status {
            CollaborationStatus::Cancelled => td_string!(
                locale,
                notification.collaboration_cancelled,
                by = by.clone(),
                need = need.clone(),
                note = note.clone()
            )
            .to_string(),
            CollaborationStatus::Completed => td_string!(
                locale,
                notification.collaboration_completed,
                by = by.clone(),
                need = need.clone()
            )
            .to_string(),
            // Agreed is never a move; it reads as the start it leads to.
            CollaborationStatus::Running | CollaborationStatus::Agreed => td_string!(
                locale,
                notification.collaboration_running,
                by = by.clone(),
                need = need.clone()
            )
            .to_string(),
        },
        NotificationEvent::InvitedToPropose { need, agency, offer } => td_string!(
            locale,
            notification.invited_to_propose,
            agency = agency.clone(),
            need = need.clone(),
            offer = offer.clone()
        )
        .to_string(),
        NotificationEvent::WaitlistPromoted { course, status } => {
            if *status == EnrollmentStatus::Pending {
                td_string!(locale, notification.promoted_pending, course = course.clone())
                    .to_string()
            } else {
                td_string!(locale, notification.promoted, course = course.clone()).to_string()
            }
        }
        NotificationEvent::EnrollmentAwaitsApproval { course, person } => td_string!(
            locale,
            notification.awaits_approval,
            person = person.clone(),
            course = course.clone()
        )
        .to_string(),
        NotificationEvent::EnrollmentDecided { course, approved: true, .. } => {
            td_string!(locale, notification.enrollment_approved, course = course.clone())
                .to_string()
        }
        NotificationEvent::EnrollmentDecided { course, note, .. } => td_string!(
            locale,
            notification.enrollment_refused,
            course = course.clone(),
            note = note.clone()
        )
        .to_string(),
        NotificationEvent::Nominated { course, by } => {
            td_string!(locale, notification.nominated, by = by.clone(), course = course.clone())
                .to_string()
        }
        NotificationEvent::CourseEnded { course, completed: Some(true) } => {
            td_string!(locale, notification.course_completed, course = course.clone()).to_string()
        }
        NotificationEvent::CourseEnded { course, completed: Some(false) } => {
            td_string!(locale, notification.course_not_completed, course = course.clone())
                .to_string()
        }
        NotificationEvent::CourseEnded { course, completed: None } => {
            td_string!(locale, notification.course_cancelled, course = course.clone()).to_string()
        }
        NotificationEvent::NominationEnded { course, note } => td_string!(
            locale,
            notification.nomination_ended,
            course = course.clone(),
            note = note.clone()
        )
        .to_string(),
        NotificationEvent::JpEntryDecided { title, credited: true, jp, .. } => {
            td_string!(locale, notification.jp_verified, title = title.clone(), jp = *jp)
                .to_string()
        }
        NotificationEvent::JpEntryDecided { title, credited: false, note, .. } => {
            td_string!(locale, notification.jp_rejected, title = title.clone(), note = note.clone())
                .to_string()
        }
        NotificationEvent::BehaviourReviewDue { person, course } => td_string!(
            locale,
            notification.behaviour_due,
            person = person.clone(),
            course = course.clone()
        )
        .to_string(),
        NotificationEvent::MentorshipRequested { mentee, competency } => td_string!(
            locale,
            notification.mentoring_requested,
            mentee = mentee.clone(),
            competency = competency.clone()
        )
        .to_string(),
        NotificationEvent::MentorshipAnswered { mentor, competency, accepted: true, .. } => {
            td_string!(
                locale,
                notification.mentoring_accepted,
                mentor = mentor.clone(),
                competency = competency.clone()
            )
            .to_string()
        }
        NotificationEvent::MentorshipAnswered { mentor, competency, accepted: false, note } => {
            td_string!(
                locale,
                notification.mentoring_declined,
                mentor = mentor.clone(),
                competency = competency.clone(),
                note = note.clone()
            )
            .to_string()
        }
        NotificationEvent::MentoringSessionLogged { by, competency } => td_string!(
            locale,
            notification.mentoring_session,
            by = by.clone(),
            competency = competency.clone()
        )
        .to_string(),
        NotificationEvent::MentorshipCompleted { competency, jp } => td_string!(
            locale,
            notification.mentoring_completed,
            competency = competency.clone(),
            jp = *jp
        )
        .to_string(),
    }
}

/// A short title for the event (a mail's subject).
pub fn headline(locale: Locale, event: &NotificationEvent) -> String {
    match event {
        NotificationEvent::ProposalReceived { need, .. } => {
            td_string!(locale, notification.headline_received, need = need.clone()).to_string()
        }
        NotificationEvent::ProposalAccepted { need, .. } => {
            td_string!(locale, notification.headline_accepted, need = need.clone()).to_string()
        }
        NotificationEvent::ProposalDeclined { need, .. } => {
            td_string!(locale, notification.headline_declined, need = need.clone()).to_string()
        }
        NotificationEvent::InvitedToPropose { need, .. } => {
            td_string!(locale, notification.headline_invited, need = need.clone()).to_string()
        }
        NotificationEvent::CollaborationChanged { need, .. } => {
            td_string!(locale, notification.headline_collaboration, need = need.clone()).to_string()
        }
        NotificationEvent::WaitlistPromoted { course, .. }
        | NotificationEvent::EnrollmentAwaitsApproval { course, .. }
        | NotificationEvent::EnrollmentDecided { course, .. }
        | NotificationEvent::Nominated { course, .. }
        | NotificationEvent::CourseEnded { course, .. }
        | NotificationEvent::NominationEnded { course, .. } => {
            td_string!(locale, notification.headline_enrollment, course = course.clone())
                .to_string()
        }
        NotificationEvent::JpEntryDecided { title, .. } => {
            td_string!(locale, notification.headline_jp, title = title.clone()).to_string()
        }
        NotificationEvent::BehaviourReviewDue { course, .. } => {
            td_string!(locale, notification.headline_behaviour, course = course.clone()).to_string()
        }
        NotificationEvent::MentorshipRequested { competency, .. }
        | NotificationEvent::MentorshipAnswered { competency, .. }
        | NotificationEvent::MentoringSessionLogged { competency, .. }
        | NotificationEvent::MentorshipCompleted { competency, .. } => {
            td_string!(locale, notification.headline_mentoring, competency = competency.clone())
                .to_string()
        }
    }
}

/// The mail's text in one language: greeting, the sentence, the link, and why it was sent.
pub fn mail_part(locale: Locale, name: &str, event: &NotificationEvent, link: &str) -> String {
    format!(
        "{}\n\n{}\n\n{} {link}\n\n{}\n",
        td_string!(locale, notification.mail_greeting, name = name.to_owned()),
        sentence(locale, event),
        td_string!(locale, notification.mail_open),
        td_string!(locale, notification.mail_footer),
    )
}
