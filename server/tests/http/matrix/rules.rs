//! The rules of the authorisation matrix: for every server function and every page, who may
//! call it (persona, own or other organisation) and how to call it validly.

use app::backend::services::seed::DEMO_PASSWORD;
use leptos::server_fn::ServerFn;

use super::fixtures::Fixture;
use super::personas::{Persona, Side, Target, role_of, uuid_like};

/// Who may call one server function, and how to call it.
pub struct Rule {
    pub path: &'static str,
    /// The form body of a valid call aimed at `target`.
    pub body: fn(&Target, &Fixture) -> String,
    pub allowed: fn(Persona, Side) -> bool,
}

/// Public server functions whose rows the public may not all see: a hidden one is answered
/// 404 to an anonymous caller, as if it did not exist, not 401.
pub const HIDDEN_FROM_PUBLIC: &[&str] = &[
    <app::api::catalogue::GetOffer as ServerFn>::PATH,
    <app::api::needs::GetNeed as ServerFn>::PATH,
];

pub fn server_function_rules() -> Vec<Rule> {
    use app::api::{
        access::*, catalogue::*, competencies::*, invitations::*, login::*, needs::*,
        organisations::*, people::*, roster::*, session::*, stats::*,
    };
    let mut rules = vec![
        Rule { path: GetPortalCounts::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        Rule {
            path: SignIn::PATH,
            body: |t, _| {
                let (email, password) = (t.person_email.replace('@', "%40"), DEMO_PASSWORD);
                format!("email={email}&password={}", password.replace(' ', "+"))
            },
            allowed: |_, _| true,
        },
        Rule { path: SignOut::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        Rule {
            path: GetOrganisation::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: |_, _| true,
        },
        Rule {
            path: ListOrganisationsForReview::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.province(),
        },
        Rule {
            // Verifies an organisation that is verified already: allowed calls change nothing.
            path: ReviewOrganisation::PATH,
            body: |t, _| format!("slug={}&verified=true&note=", t.slug),
            // The province office itself is not reviewed.
            allowed: |p, side| p.province() && side == Side::Other,
        },
        Rule {
            path: GetMyProfile::PATH,
            body: |_, _| String::new(),
            allowed: |p, _| p.signed_in(),
        },
        Rule {
            path: GetPersonProfile::PATH,
            body: |_, f| format!("person_id={}", f.person_id),
            allowed: |p, side| p.province() || p.administers(side),
        },
        Rule {
            path: ListMembers::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: |p, side| p.province() || p.administers(side),
        },
        Rule {
            // Reactivates an active account: allowed calls change nothing.
            path: SetMemberActive::PATH,
            body: |t, f| format!("slug={}&person_id={}&active=true", t.slug, f.person_id),
            allowed: |p, side| p.province() || p.administers(side),
        },
        Rule { path: ListLoginProviders::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        Rule {
            path: GetCompetencyDictionary::PATH,
            body: |_, _| String::new(),
            allowed: |_, _| true,
        },
        Rule { path: GetPositions::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        // Only a browser holding an identity from a login provider (and no account) may ask;
        // no persona here has one.
        Rule {
            path: GetAccessRequestForm::PATH,
            body: |_, _| String::new(),
            allowed: |_, _| false,
        },
        Rule {
            path: RequestAccess::PATH,
            body: |t, _| format!("slug={}&role=Asn&full_name=Tamu&message=", t.slug),
            allowed: |_, _| false,
        },
        Rule {
            path: ListAccessRequests::PATH,
            body: |t, _| format!("slug={}", t.slug),
            allowed: |p, side| p.province() || p.administers(side),
        },
        Rule {
            // Refuses a fresh request: allowed calls create no account.
            path: DecideAccessRequest::PATH,
            body: |t, f| format!("slug={}&request_id={}&approve=false", t.slug, f.request_id),
            allowed: |p, side| p.province() || p.administers(side),
        },
        Rule {
            path: InviteMember::PATH,
            body: |t, _| {
                let email = format!("{}%40tamu.example", uuid_like());
                format!("slug={}&email={email}&full_name=Tamu&role={}", t.slug, role_of(t.slug))
            },
            allowed: |p, side| p.province() || p.administers(side),
        },
        // Whoever holds the link: the token is the permission.
        Rule {
            path: GetInvitation::PATH,
            body: |_, f| format!("token={}", f.invitation),
            allowed: |_, _| true,
        },
        Rule {
            path: GetRosterImport::PATH,
            body: |t, f| format!("slug={}&id={}", t.slug, f.roster_import),
            allowed: |p, side| (p.province() || p.administers(side)) && p.agency(side),
        },
        Rule {
            path: SearchCatalogue::PATH,
            body: |_, _| "query[q]=data".into(),
            allowed: |_, _| true,
        },
        Rule { path: GetCatalogueFacets::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        Rule {
            // A draft: its university and the province see it, nobody else learns it exists.
            path: GetOffer::PATH,
            body: |_, f| format!("kind=Course&slug={}", f.draft_course),
            allowed: |p, side| p.province() || (p.university() && side == Side::Own),
        },
        Rule {
            path: GetOfferHistory::PATH,
            body: |_, f| format!("kind=Course&slug={}", f.draft_course),
            allowed: |p, side| p.province() || (p.university() && side == Side::Own),
        },
        Rule {
            // Publishing: its author (the academic) or the university's coordinator; the
            // province may only cancel.
            path: ChangeOfferStatus::PATH,
            body: |_, f| format!("kind=Course&slug={}&status=Published&note=", f.draft_course),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            // The form of a new course: the university's own academics and coordinator.
            path: GetCourseEditor::PATH,
            body: |t, _| format!("university={}&slug=", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: SaveCourse::PATH,
            body: |t, _| format!("university={}&slug=&{NEW_COURSE}", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: GetDictionaryImport::PATH,
            body: |_, f| format!("id={}", f.dictionary_import),
            allowed: |p, _| p.province(),
        },
        Rule { path: ListLearningForms::PATH, body: |_, _| String::new(), allowed: |_, _| true },
        Rule {
            // Saves the seminar row as the regulation has it: allowed calls change no figure.
            path: SaveLearningForm::PATH,
            body: |_, _| {
                "new=false&code=seminar&name_id=Seminar%2C+konferensi%2C+sarasehan\
                 &name_en=Seminar%2C+conference%2C+sarasehan&basis=per_day&national=4&international=6"
                    .into()
            },
            allowed: |p, _| p.province(),
        },
        Rule {
            path: GetResearchEditor::PATH,
            body: |t, _| format!("university={}&slug=", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: SaveResearch::PATH,
            body: |t, _| format!("university={}&slug=&{NEW_RESEARCH}", t.slug),
            allowed: |p, side| p.university() && side == Side::Own,
        },
        Rule {
            path: ListNeeds::PATH,
            body: |_, _| "query[competency]=MNJ-05".into(),
            allowed: |_, _| true,
        },
        Rule {
            // A draft: its agency's leads and the province see it, nobody else learns it exists.
            path: GetNeed::PATH,
            body: |_, f| format!("slug={}", f.draft_need),
            allowed: |p, side| p.province() || (p.agency_lead() && side == Side::Own),
        },
        Rule {
            // Opening: the agency's leads; the province may only close.
            path: ChangeNeedStatus::PATH,
            body: |_, f| format!("slug={}&status=Open&note=", f.draft_need),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: GetNeedEditor::PATH,
            body: |t, _| format!("agency={}&slug=&kind=Competency", t.slug),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: SaveNeed::PATH,
            body: |t, _| format!("agency={}&slug=&{NEW_NEED}", t.slug),
            allowed: |p, side| p.agency_lead() && side == Side::Own,
        },
        Rule {
            path: AcceptInvitation::PATH,
            body: |_, f| format!("token={}&password=kopi+tubruk+pagi+hari", f.invitation),
            allowed: |_, _| true,
        },
    ];
    rules.extend(super::collaboration_rules::rules());
    rules.extend(super::assessment_rules::rules());
    rules.extend(super::mentoring_rules::rules());
    rules.extend(super::dashboard_rules::rules());
    rules
}

/// A valid course form, as a browser posts it.
const NEW_COURSE: &str = "form[title]=Kursus+Matriks&form[summary]=Ringkasan\
    &form[competencies][0][code]=MNJ-05&form[competencies][0][level]=2&form[jp]=8\
    &form[learning_form]=pelatihan&form[mode]=daring&form[region]=\
    &form[sessions][0][date]=2027-08-10&form[sessions][0][starts]=08:00\
    &form[sessions][0][ends]=12:00&form[sessions][0][place]=Zoom&form[capacity]=10&form[fee]=0\
    &form[instructors][0][name]=Narasumber&form[min_attendance]=80&form[min_post_test]=60\
    &form[enrollment_opens]=2027-08-01&form[enrollment_closes]=2027-08-09";

/// A valid research offer form, as a browser posts it.
const NEW_RESEARCH: &str = "form[title]=Riset+Matriks&form[summary]=Ringkasan\
    &form[description]=Abstrak&form[expertise]=Kebijakan&form[team][0][name]=Peneliti\
    &form[competencies][0]=MNJ-05&form[sectors]=Pelayanan+publik&form[duration_months]=6\
    &form[budget_min]=0&form[budget_max]=1000000&form[outputs][1]=evaluation";

/// A valid competency need form, as a browser posts it.
const NEW_NEED: &str = "form[kind]=competency&form[title]=Kebutuhan+Matriks\
    &form[summary]=Ringkasan&form[description]=Alasannya&form[deadline]=2099-06-30\
    &form[budget]=0&form[competency]=MNJ-05&form[target_level]=3&form[headcount]=10\
    &form[units]=Sekretariat&form[mode]=&form[region]=";
