//! The rules of the authorisation matrix: for every server function and every page, who may
//! call it (persona, own or other organisation) and how to call it validly.

use app::backend::services::seed::DEMO_PASSWORD;
use leptos::server_fn::ServerFn;

use super::personas::{Fixture, Persona, Side, Target, role_of, uuid_like};

/// Who may call one server function, and how to call it.
pub struct Rule {
    pub path: &'static str,
    /// The form body of a valid call aimed at `target`.
    pub body: fn(&Target, &Fixture) -> String,
    pub allowed: fn(Persona, Side) -> bool,
}

pub fn server_function_rules() -> Vec<Rule> {
    use app::api::{
        access::*, competencies::*, invitations::*, login::*, organisations::*, people::*,
        roster::*, session::*, stats::*,
    };
    vec![
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
            path: AcceptInvitation::PATH,
            body: |_, f| format!("token={}&password=kopi+tubruk+pagi+hari", f.invitation),
            allowed: |_, _| true,
        },
    ]
}

/// Who may open one page, and its URL for a target.
pub struct PageRule {
    /// The route as the router lists it.
    pub route: &'static str,
    pub url: fn(&Target, &Fixture) -> String,
    pub allowed: fn(Persona, Side) -> bool,
}

pub fn page_rules() -> Vec<PageRule> {
    vec![
        PageRule { route: "/", url: |_, _| "/".into(), allowed: |_, _| true },
        PageRule { route: "/masuk", url: |_, _| "/masuk".into(), allowed: |_, _| true },
        PageRule { route: "/kompetensi", url: |_, _| "/kompetensi".into(), allowed: |_, _| true },
        PageRule { route: "/akun", url: |_, _| "/akun".into(), allowed: |p, _| p.signed_in() },
        PageRule {
            route: "/orang/:id",
            url: |_, f| format!("/orang/{}", f.person_id),
            allowed: |p, side| p.province() || p.administers(side),
        },
        PageRule {
            route: "/organisasi/:slug",
            url: |t, _| format!("/organisasi/{}", t.slug),
            allowed: |_, _| true,
        },
        PageRule {
            route: "/organisasi/:slug/impor-asn/:id",
            url: |t, f| format!("/organisasi/{}/impor-asn/{}", t.slug, f.roster_import),
            allowed: |p, side| (p.province() || p.administers(side)) && p.agency(side),
        },
        PageRule {
            route: "/undangan/:token",
            url: |_, f| format!("/undangan/{}", f.invitation),
            allowed: |_, _| true,
        },
        PageRule {
            route: "/minta-akses",
            url: |_, _| "/minta-akses".into(),
            allowed: |_, _| false,
        },
        PageRule {
            route: "/admin/organisasi",
            url: |_, _| "/admin/organisasi".into(),
            allowed: |p, _| p.province(),
        },
    ]
}
