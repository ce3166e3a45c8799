//! The authorisation matrix's rules for matching and what follows it: a need's ranking and the
//! lead's shortlist and invitations, a university's matching needs, the weights, proposals,
//! collaborations and notifications.

use leptos::server_fn::ServerFn;

use super::personas::{Persona, Side};
use super::rules::Rule;

pub fn rules() -> Vec<Rule> {
    use app::api::{
        attendance::*, certificates::*, collaborations::*, enrollments::*, jp::*, match_weights::*,
        matching::*, notifications::*, proposals::*,
    };
    vec![
        Rule {
            // Whoever holds the code may check it.
            path: GetCertificate::PATH,
            body: |_, f| format!("code={}", f.certificate),
            allowed: |_, _| true,
        },
        Rule {
            // The issuing university's academics and coordinators, with a reason.
            path: RevokeCertificate::PATH,
            body: |_, f| format!("code={}&reason=Salah+input", f.certificate),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // One's own ledger (empty for those who keep none).
            path: GetJpLedger::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            // Civil servants (the province administrator is also one, of BPSDM).
            path: AddOutsideLearning::PATH,
            body: |_, _| {
                let day = chrono::Utc::now().date_naive() - chrono::Duration::days(1);
                format!(
                    "form[title]=Seminar&form[organiser]=BSSN&form[learning_form]=seminar\
                     &form[international]=false&form[started_on]={day}&form[ended_on]={day}\
                     &form[programme_jp]=&form[evidence]=tautan"
                )
            },
            allowed: |p, _| matches!(p, Persona::Asn | Persona::ProvinceAdmin),
        },
        Rule {
            path: GetStaffJp::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.agency_lead(),
        },
        Rule {
            // A lead of the line's agency.
            path: DecideJpEntry::PATH,
            body: |_, f| format!("id={}&approve=true&note=", f.jp_entry),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            // A course's sheet: its university's academics and coordinators.
            path: GetAttendanceSheet::PATH,
            body: |_, f| format!("slug={}&page=1", f.open_course),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // An empty list: allowed calls change nothing.
            path: MarkAttendance::PATH,
            body: |_, f| format!("session={}", f.open_session),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: OpenCheckIn::PATH,
            body: |_, f| format!("slug={}&session={}", f.open_course, f.open_session),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // Only a participant with a confirmed seat checks in; no persona has one in the
            // fresh course (the database tests check-in itself).
            path: CheckIn::PATH,
            body: |_, f| format!("slug={}&code=ABCDEF", f.open_course),
            allowed: |_, _| false,
        },
        Rule {
            // No rows: allowed calls change nothing.
            path: SaveScores::PATH,
            body: |_, f| format!("slug={}", f.open_course),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // A course's seats are public; the viewer's place is their own.
            path: GetCourseSeats::PATH,
            body: |_, f| format!("slug={}", f.open_course),
            allowed: |_, _| true,
        },
        Rule {
            // Civil servants only (any course); the province's administrator persona is also
            // ASN of BPSDM.
            path: Enroll::PATH,
            body: |_, f| format!("slug={}&waitlist=false", f.open_course),
            allowed: |p, _| matches!(p, Persona::Asn | Persona::ProvinceAdmin),
        },
        Rule {
            // A staff member's place: their agency's leads (the ASN persona's colleague's is
            // not theirs to give up).
            path: CancelEnrollment::PATH,
            body: |_, f| format!("id={}&note=Tugas+dinas", f.enrollment),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: DecideEnrollment::PATH,
            body: |_, f| format!("id={}&approve=true&note=", f.enrollment),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            // Everyone signed in has a list of their own (empty for most).
            path: GetOwnEnrollments::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            path: GetEnrollmentApprovals::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.agency_lead(),
        },
        Rule {
            // Left as it is (false): allowed calls change nothing.
            path: SetEnrollmentApproval::PATH,
            body: |t, _| format!("agency={}&required=false", t.slug),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            // Like the collaboration itself: its parties and the province.
            path: GetCollaborationSeats::PATH,
            body: |_, f| format!("id={}", f.collaboration),
            allowed: |p, side| {
                p.province() || ((p.agency_lead() || p.university()) && side == Side::Own)
            },
        },
        Rule {
            // The agency's leads, their own staff (the target person).
            path: NominateStaff::PATH,
            body: |_, f| format!("id={}&people[0]={}", f.collaboration, f.person_id),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            // A need's ranking: its agency's leads and the province.
            path: GetNeedMatches::PATH,
            body: |_, f| format!("slug={}&query[price]=Free", f.draft_need),
            allowed: |p, side| p.province() || (p.agency_lead() && side == Side::Own),
        },
        Rule {
            // Its staff (and the province, whose targets here are never universities).
            path: GetUniversityMatches::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // Puts it on the shortlist: the need's leads only.
            path: ShortlistOffer::PATH,
            body: |_, f| format!("slug={}&offer={}&on=true", f.open_need, f.research_offer),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: InviteToPropose::PATH,
            body: |_, f| format!("slug={}&offer={}", f.open_need, f.research_offer),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            // The weights explain every ranking: public.
            path: GetMatchWeights::PATH,
            body: |_, _| String::new(),
            allowed: |_, _| true,
        },
        Rule {
            // The defaults again: allowed calls change no ranking.
            path: SetMatchWeights::PATH,
            body: |_, _| {
                "competency=40&timing=15&capacity=10&place=10&cost=10&track_record=10&text=5\
                 &note=Bawaan"
                    .into()
            },
            allowed: |p, _| p.province(),
        },
        Rule {
            // Its two parties and the province.
            path: GetCollaboration::PATH,
            body: |_, f| format!("id={}", f.collaboration),
            allowed: |p, side| {
                p.province() || ((p.agency_lead() || p.university()) && side == Side::Own)
            },
        },
        Rule {
            // Its two parties only.
            path: ChangeCollaborationStatus::PATH,
            body: |_, f| format!("id={}&status=Running&note=", f.collaboration),
            allowed: |p, side| (p.agency_lead() || p.university()) && side == Side::Own,
        },
        Rule {
            path: ListNotifications::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            // A visitor's count is 0: the header asks on every page.
            path: GetUnreadCount::PATH,
            body: |_, _| String::new(),
            allowed: |_, _| true,
        },
        Rule {
            path: MarkNotificationsRead::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            // Everyone who may read the need; each sees the proposals that are theirs to see.
            path: GetNeedProposals::PATH,
            body: |_, f| format!("slug={}", f.open_need),
            allowed: |_, _| true,
        },
        Rule {
            path: GetProposalEditor::PATH,
            body: |t, f| format!("slug={}&university={}", f.open_need, t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: SubmitProposal::PATH,
            body: |t, f| {
                format!(
                    "slug={}&university={}&form[kind]=tailored&form[price]=0\
                     &form[starts_on]=2099-03-01&form[ends_on]=2099-08-01\
                     &form[outputs][0]=evaluation&form[message]=",
                    f.open_need, t.slug
                )
            },
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: WithdrawProposal::PATH,
            body: |_, f| format!("id={}", f.proposal),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // Deciding: the leads of the need's agency only, not the province.
            path: AcceptProposal::PATH,
            body: |_, f| format!("id={}", f.proposal),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: DeclineProposal::PATH,
            body: |_, f| format!("id={}&note=Jadwal+tidak+cocok", f.proposal),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
    ]
}
