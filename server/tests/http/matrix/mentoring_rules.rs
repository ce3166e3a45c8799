//! The authorisation matrix's rules for mentoring: the civil servants (the ASN and the province
//! administrator, of BPSDM) offer, withdraw, find and ask; only the pair act on a mentorship (no
//! persona is one of the fixture's pair); the mentee's agency leads and the province read it.

use leptos::server_fn::ServerFn;

use super::mentoring_fixtures::MENTORING_CODE;
use super::page_rules::PageRule;
use super::personas::{Persona, Side};
use super::rules::Rule;

/// A civil servant: may offer to mentor and ask for a mentor.
fn staff(p: Persona, _: Side) -> bool {
    matches!(p, Persona::Asn | Persona::ProvinceAdmin)
}

/// Who may read the fixture's mentorship: the lead of its agency, the province.
fn reads(p: Persona, side: Side) -> bool {
    (p.agency_lead() && side == Side::Own) || p.province()
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&app::domain::calendar::WIB).date_naive()
}

pub fn rules() -> Vec<Rule> {
    use app::api::mentoring::*;
    vec![
        Rule {
            // Everyone signed in gets their own page (empty for most).
            path: GetOwnMentoring::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            path: GetMentorship::PATH,
            body: |_, f| format!("id={}", f.mentoring.mentorship),
            allowed: reads,
        },
        Rule {
            path: OfferToMentor::PATH,
            body: |_, _| format!("competency={MENTORING_CODE}&capacity=2&note="),
            allowed: staff,
        },
        Rule {
            // Withdrawing an offer one never made finds nothing.
            path: WithdrawMentorOffer::PATH,
            body: |_, _| format!("competency={MENTORING_CODE}"),
            allowed: staff,
        },
        Rule {
            path: GetMentorSuggestions::PATH,
            body: |_, _| format!("competency={MENTORING_CODE}"),
            allowed: staff,
        },
        Rule {
            // Across agencies too: suggestions rank one's own agency first, nothing forbids
            // another's mentor.
            path: RequestMentor::PATH,
            body: |_, f| {
                format!(
                    "form[competency]={MENTORING_CODE}&form[mentor]={}&form[goal_level]=4\
                     &form[starts_on]={}&form[ends_on]={}&form[note]=",
                    f.mentoring.mentor,
                    today(),
                    today() + chrono::Duration::days(30)
                )
            },
            allowed: staff,
        },
        Rule {
            path: AnswerMentorship::PATH,
            body: |_, f| format!("id={}&accept=true&note=", f.mentoring.mentorship),
            allowed: |_, _| false,
        },
        Rule {
            path: CancelMentorship::PATH,
            body: |_, f| format!("id={}", f.mentoring.mentorship),
            allowed: |_, _| false,
        },
        Rule {
            path: LogMentoringSession::PATH,
            body: |_, f| {
                format!("id={}&held_on={}&minutes=60&topic=Uji", f.mentoring.mentorship, today())
            },
            allowed: |_, _| false,
        },
        Rule {
            path: ConfirmMentoringSession::PATH,
            body: |_, f| format!("session={}", f.mentoring.session),
            allowed: |_, _| false,
        },
        Rule {
            path: CompleteMentorship::PATH,
            body: |_, f| format!("id={}", f.mentoring.mentorship),
            allowed: |_, _| false,
        },
    ]
}

pub fn pages() -> Vec<PageRule> {
    vec![
        PageRule {
            route: "/mentoring",
            url: |_, _| "/mentoring".into(),
            allowed: |p, _| p.signed_in(),
        },
        PageRule {
            route: "/mentoring/cari",
            url: |_, _| format!("/mentoring/cari?kompetensi={MENTORING_CODE}"),
            allowed: staff,
        },
        PageRule {
            route: "/mentoring/:id",
            url: |_, f| format!("/mentoring/{}", f.mentoring.mentorship),
            allowed: reads,
        },
    ]
}
