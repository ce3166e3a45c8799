//! The authorisation matrix: every server function and every page, called by every persona
//! against its own organisation and another one, must be allowed or refused exactly as its rule
//! says. The lists are checked against what the application registers, so a new server function
//! or page without a rule here fails the test.
mod assessment_rules;
mod collaboration_rules;
mod course_fixtures;
mod dashboard_rules;
mod fixtures;
mod mentoring_fixtures;
mod mentoring_rules;
mod page_rules;
mod personas;
mod rules;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::*;
use fixtures::Fixtures;
use page_rules::page_rules;
use personas::{PERSONAS, Persona, Side, cookie, is_refusal};
use rules::server_function_rules;

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
    let mut fixtures = Fixtures::default();
    for rule in server_function_rules() {
        for persona in PERSONAS {
            for side in [Side::Own, Side::Other] {
                let target = persona.target(side);
                let fixture = fixtures.get(app, &target).await;
                let mut request = Request::post(rule.path)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .header("sec-fetch-site", "same-origin");
                if let Some(cookie) = cookie(app, persona).await {
                    request = request.header(header::COOKIE, cookie);
                }
                let body = (rule.body)(&target, fixture);
                let response = send(app, request.body(Body::from(body)).unwrap()).await;
                let status = response.status();
                if status.is_success() || status.is_redirection() {
                    fixtures.spend();
                }
                let expected = (rule.allowed)(persona, side);
                let ok = if expected {
                    status.is_success() || status.is_redirection()
                } else if persona == Persona::Anonymous {
                    // Signing in is the remedy (401), except where the public may read but this
                    // row is hidden from it: then it does not exist (404).
                    let hidden = rules::HIDDEN_FROM_PUBLIC.contains(&rule.path);
                    status == if hidden { StatusCode::NOT_FOUND } else { StatusCode::UNAUTHORIZED }
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

/// Every page opened by every persona on both sides; the answers that break a rule. A page is a
/// GET, which changes nothing, so each target's rows are built once for all of them.
async fn page_answers(app: &TestApp) -> Vec<String> {
    let mut failures = Vec::new();
    let mut fixtures = Fixtures::default();
    for rule in page_rules() {
        for persona in PERSONAS {
            for side in [Side::Own, Side::Other] {
                let target = persona.target(side);
                let fixture = fixtures.get(app, &target).await;
                let url = (rule.url)(&target, fixture);
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
