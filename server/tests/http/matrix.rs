//! The authorisation matrix: every server function and every page, called by every persona
//! against its own organisation and another one, must be allowed or refused exactly as its rule
//! says. The lists are checked against what the application registers, so a new server function
//! or page without a rule here fails the test.

use std::collections::BTreeSet;

use app::backend::auth::sessions::{self, SessionPolicy};
use app::backend::entities::person;
use app::backend::services::seed::DEMO_PASSWORD;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::support::*;

/// Who is calling: anonymous, or a seeded person with one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persona {
    Anonymous,
    UniversityCoordinator,
    Academic,
    AgencyLead,
    Asn,
    ProvinceAdmin,
}

const PERSONAS: [Persona; 6] = [
    Persona::Anonymous,
    Persona::UniversityCoordinator,
    Persona::Academic,
    Persona::AgencyLead,
    Persona::Asn,
    Persona::ProvinceAdmin,
];

/// Which organisation a call is aimed at, seen from the persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Own,
    Other,
}

/// The organisation and a fellow member (not the persona) a call is aimed at.
struct Target {
    slug: &'static str,
    person_email: &'static str,
}

impl Persona {
    /// The persona's own email (None: anonymous).
    fn email(self) -> Option<&'static str> {
        match self {
            Self::Anonymous => None,
            Self::UniversityCoordinator => Some("koordinator@unila.sinergi.example"),
            Self::Academic => Some("dosen@unila.sinergi.example"),
            Self::AgencyLead => Some("kabid@diskominfotik.sinergi.example"),
            Self::Asn => Some("asn1@diskominfotik.sinergi.example"),
            Self::ProvinceAdmin => Some("admin@pemprov.sinergi.example"),
        }
    }

    /// Its own organisation and a colleague there, or another organisation of the same kind
    /// (the province's "other" is an agency) and someone there.
    fn target(self, side: Side) -> Target {
        let (slug, person_email) = match (self, side) {
            (Self::UniversityCoordinator, Side::Own) => ("unila", "dosen@unila.sinergi.example"),
            (Self::Academic, Side::Own) => ("unila", "koordinator@unila.sinergi.example"),
            (Self::UniversityCoordinator | Self::Academic, Side::Other) => {
                ("itera", "dosen@itera.sinergi.example")
            }
            (Self::AgencyLead, Side::Own) => {
                ("diskominfotik", "asn1@diskominfotik.sinergi.example")
            }
            (Self::Asn | Self::Anonymous, Side::Own) => {
                ("diskominfotik", "asn2@diskominfotik.sinergi.example")
            }
            (Self::ProvinceAdmin, Side::Own) => {
                ("pemprov-lampung", "admin2@pemprov.sinergi.example")
            }
            (_, Side::Other) => ("bkd", "asn1@bkd.sinergi.example"),
        };
        Target { slug, person_email }
    }

    /// Whether the organisation on `side` is an agency (only agencies have an ASN roster).
    fn agency(self, side: Side) -> bool {
        matches!(self.target(side).slug, "diskominfotik" | "bkd")
    }

    /// Whether the persona administers the organisation on `side` (coordinator, lead, province).
    fn administers(self, side: Side) -> bool {
        side == Side::Own
            && matches!(self, Self::UniversityCoordinator | Self::AgencyLead | Self::ProvinceAdmin)
    }

    fn signed_in(self) -> bool {
        self != Self::Anonymous
    }

    fn province(self) -> bool {
        self == Self::ProvinceAdmin
    }
}

/// Ids in the database that a call aimed at a target names.
struct Fixture {
    /// The target person.
    person_id: i32,
    /// A fresh pending access request to the target organisation.
    request_id: i32,
    /// The token of a fresh invitation into the target organisation.
    invitation: String,
    /// A stored roster import of the target organisation.
    roster_import: i32,
}

/// Who may call one server function, and how to call it.
struct Rule {
    path: &'static str,
    /// The form body of a valid call aimed at `target`.
    body: fn(&Target, &Fixture) -> String,
    allowed: fn(Persona, Side) -> bool,
}

fn server_function_rules() -> Vec<Rule> {
    use app::api::{
        access::*, invitations::*, login::*, organisations::*, people::*, roster::*, session::*,
        stats::*,
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
struct PageRule {
    /// The route as the router lists it.
    route: &'static str,
    url: fn(&Target, &Fixture) -> String,
    allowed: fn(Persona, Side) -> bool,
}

fn page_rules() -> Vec<PageRule> {
    vec![
        PageRule { route: "/", url: |_, _| "/".into(), allowed: |_, _| true },
        PageRule { route: "/masuk", url: |_, _| "/masuk".into(), allowed: |_, _| true },
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

/// The target's person id, and a fresh pending access request to the target organisation.
async fn fixture(app: &TestApp, target: &Target) -> Fixture {
    use app::backend::entities::access_request;
    use app::backend::services::organisations::find_by_slug;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let organisation = find_by_slug(&app.state.db, target.slug).await.unwrap();
    let request = access_request::ActiveModel {
        provider: Set("uji".into()),
        subject: Set(uuid_like()),
        email: Set(format!("{}@tamu.example", uuid_like())),
        full_name: Set("Tamu".into()),
        organisation_id: Set(organisation.id),
        role: Set("asn".into()),
        status: Set("pending".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap();
    let admin = person_id(app, Persona::ProvinceAdmin.email().unwrap_or_default()).await;
    let admin = app::backend::auth::Actor::load(&app.state.db, admin).await.unwrap().unwrap();
    let invitation = app::backend::services::invitations::invite(
        &app.state.db,
        &admin,
        target.slug,
        app::backend::services::invitations::NewInvitation {
            email: format!("{}@tamu.example", uuid_like()),
            full_name: "Tamu Undangan".into(),
            role: role_in(target.slug),
        },
        "http://127.0.0.1",
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let roster_import = app::backend::entities::roster_import::ActiveModel {
        organisation_id: Set(organisation.id),
        uploaded_by: Set(admin.person_id),
        file_name: Set("asn.csv".into()),
        rows: Set(0),
        created: Set(0),
        updated: Set(0),
        errors: Set("[]".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.state.db)
    .await
    .unwrap()
    .id;
    Fixture {
        person_id: person_id(app, target.person_email).await,
        request_id: request.id,
        invitation,
        roster_import,
    }
}

/// A role that exists in the organisation `slug`.
fn role_in(slug: &str) -> app::model::Role {
    use app::model::Role;
    match slug {
        "unila" | "itera" => Role::Academic,
        "pemprov-lampung" => Role::ProvinceAdmin,
        _ => Role::Asn,
    }
}

/// Its name in a form.
fn role_of(slug: &str) -> String {
    format!("{:?}", role_in(slug))
}

/// A unique string for subjects and emails.
fn uuid_like() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    format!("tamu{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
}

async fn person_id(app: &TestApp, email: &str) -> i32 {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no seeded person {email}"))
        .id
}

/// A fresh session cookie for the persona (sign-in and sign-out calls end sessions, so every
/// request gets its own).
async fn cookie(app: &TestApp, persona: Persona) -> Option<String> {
    let email = persona.email()?;
    let id = person_id(app, email).await;
    let token =
        sessions::start(&app.state.db, Some(id), chrono::Utc::now(), SessionPolicy::default())
            .await
            .unwrap();
    Some(format!("sinergi_session={}", token.as_str()))
}

fn is_refusal(status: StatusCode) -> bool {
    matches!(status.as_u16(), 401 | 403 | 404)
}

#[tokio::test]
async fn every_server_function_has_a_rule() {
    let registered: BTreeSet<String> =
        leptos::server_fn::axum::server_fn_paths().map(|(path, _)| path.to_owned()).collect();
    let ruled: BTreeSet<String> =
        server_function_rules().iter().map(|r| r.path.to_owned()).collect();
    let missing: Vec<_> = registered.difference(&ruled).collect();
    assert!(missing.is_empty(), "server functions without a rule in matrix.rs: {missing:?}");
    let stale: Vec<_> = ruled.difference(&registered).collect();
    assert!(stale.is_empty(), "rules for server functions that do not exist: {stale:?}");
}

#[tokio::test]
async fn every_page_has_a_rule() {
    let listed: BTreeSet<String> = server::router::route_list()
        .iter()
        .map(|route| route.path().replace('{', ":").replace('}', ""))
        .collect();
    let ruled: BTreeSet<String> = page_rules().iter().map(|r| r.route.to_owned()).collect();
    assert_eq!(listed, ruled, "pages and their rules in matrix.rs differ");
}

#[tokio::test]
async fn server_functions_allow_and_refuse_as_their_rules_say() {
    for (app, database) in test_apps().await {
        let failures = server_function_answers(&app).await;
        assert!(
            failures.is_empty(),
            "{database}: {} wrong answers:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// Every server function called by every persona on both sides; the answers that break a rule.
async fn server_function_answers(app: &TestApp) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in server_function_rules() {
        for persona in PERSONAS {
            for side in [Side::Own, Side::Other] {
                let target = persona.target(side);
                let fixture = fixture(app, &target).await;
                let mut request = Request::post(rule.path)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header("sec-fetch-site", "same-origin");
                if let Some(cookie) = cookie(app, persona).await {
                    request = request.header(header::COOKIE, cookie);
                }
                let body = (rule.body)(&target, &fixture);
                let response = send(app, request.body(Body::from(body)).unwrap()).await;
                let status = response.status();
                let expected = (rule.allowed)(persona, side);
                let ok = if expected {
                    status.is_success() || status.is_redirection()
                } else if persona == Persona::Anonymous {
                    status == StatusCode::UNAUTHORIZED
                } else {
                    is_refusal(status)
                };
                if !ok {
                    let text = body_text(response).await;
                    failures.push(format!(
                        "{} as {persona:?} on {side:?} ({}): {status}, expected {} — {text}",
                        rule.path,
                        target.slug,
                        if expected { "allowed" } else { "refused" },
                    ));
                }
            }
        }
    }
    failures
}

#[tokio::test]
async fn pages_allow_and_refuse_as_their_rules_say() {
    for (app, database) in test_apps().await {
        let failures = page_answers(&app).await;
        assert!(
            failures.is_empty(),
            "{database}: {} wrong answers:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// Every page opened by every persona on both sides; the answers that break a rule.
async fn page_answers(app: &TestApp) -> Vec<String> {
    let mut failures = Vec::new();
    for rule in page_rules() {
        for persona in PERSONAS {
            for side in [Side::Own, Side::Other] {
                let target = persona.target(side);
                let fixture = fixture(app, &target).await;
                let url = (rule.url)(&target, &fixture);
                let mut request = Request::get(&url).header(header::ACCEPT, "text/html");
                if let Some(cookie) = cookie(app, persona).await {
                    request = request.header(header::COOKIE, cookie);
                }
                let response = send(app, request.body(Body::empty()).unwrap()).await;
                let status = response.status();
                let expected = (rule.allowed)(persona, side);
                let ok = if expected { status == StatusCode::OK } else { is_refusal(status) };
                if !ok {
                    failures.push(format!(
                        "{url} as {persona:?} on {side:?}: {status}, expected {}",
                        if expected { "200" } else { "a refusal" },
                    ));
                }
            }
        }
    }
    failures
}

#[tokio::test]
async fn member_lists_show_only_to_administrators_on_the_public_organisation_page() {
    let app = test_app().await;
    for persona in PERSONAS {
        for side in [Side::Own, Side::Other] {
            let target = persona.target(side);
            let mut request = Request::get(format!("/organisasi/{}", target.slug));
            if let Some(cookie) = cookie(&app, persona).await {
                request = request.header(header::COOKIE, cookie);
            }
            let page = body_text(send(&app, request.body(Body::empty()).unwrap()).await).await;
            let shown = page.contains("id=\"members-title\"");
            let expected = persona.province() || persona.administers(side);
            assert_eq!(shown, expected, "{persona:?} on {side:?} ({})", target.slug);
        }
    }
}
