//! The authorisation matrix's rules for matching and what follows it: a need's ranking and the
//! lead's shortlist and invitations, a university's matching needs, the weights, proposals,
//! collaborations and notifications.

use leptos::server_fn::ServerFn;

use super::personas::Side;
use super::rules::Rule;

pub fn rules() -> Vec<Rule> {
    use app::api::{
        collaborations::*, match_weights::*, matching::*, notifications::*, proposals::*,
    };
    vec![
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
