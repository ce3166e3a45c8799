//! External login over HTTP, up to the provider: the start form, the pre-login session, and every
//! refusal of a bad answer (wrong state, replay, other provider's path, off-site return). The
//! code exchange with a real provider runs in end2end/ against oidc-provider.

use app::backend::entities::session;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::support::*;

fn start(provider: &str, return_to: &str) -> Request<Body> {
    Request::post(format!("/auth/{provider}/start"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(format!("return_to={}", return_to.replace('/', "%2F"))))
        .unwrap()
}

fn cookie_of(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sinergi_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(ToOwned::to_owned)
}

fn location(response: &Response<Body>) -> String {
    response.headers()[header::LOCATION].to_str().unwrap().to_owned()
}

fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

fn callback(provider: &str, query: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(format!("/auth/{provider}/callback?{query}"));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

async fn sessions_count(app: &TestApp) -> u64 {
    session::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test]
async fn the_sign_in_page_offers_each_provider_as_a_post_form() {
    let app = test_app().await;
    let page = body_text(send(&app, get("/masuk")).await).await;
    assert!(page.contains("action=\"/auth/uji/start\""), "{page}");
    assert!(page.contains("Masuk dengan SSO Uji"));
    assert!(page.contains("method=\"post\""));
}

#[tokio::test]
async fn starting_keeps_state_and_verifier_on_the_server_and_sends_pkce_s256() {
    let app = test_app().await;
    let response = send(&app, start("uji", "/akun")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let url = location(&response);
    assert!(url.starts_with("http://127.0.0.1:9/authorize?"), "{url}");
    assert_eq!(query_param(&url, "response_type").as_deref(), Some("code"));
    assert_eq!(query_param(&url, "code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(query_param(&url, "code_challenge").map(|c| c.len()), Some(43));
    assert_eq!(
        query_param(&url, "redirect_uri").as_deref(),
        Some("http%3A%2F%2F127.0.0.1%2Fauth%2Fuji%2Fcallback")
    );
    assert!(!url.contains("code_verifier"), "the verifier never leaves the server");
    let state = query_param(&url, "state").unwrap();
    assert!(state.len() >= 22, "state carries at least 128 random bits");
    let cookie = cookie_of(&response).expect("a pre-login session cookie");

    // The pre-login session holds the state and the verifier; nobody is signed in.
    let rows = session::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].person_id, None);
    assert!(rows[0].data.contains(&state) && rows[0].data.contains("pkce_verifier"));

    // A second start gets a new state.
    let again = send(&app, start("uji", "/")).await;
    assert_ne!(query_param(&location(&again), "state").unwrap(), state);
    assert_ne!(cookie_of(&again).unwrap(), cookie);
}

#[tokio::test]
async fn starting_is_a_same_origin_post_only() {
    let app = test_app().await;
    let cross_site = Request::post("/auth/uji/start")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("return_to=%2F"))
        .unwrap();
    assert_eq!(send(&app, cross_site).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(send(&app, get("/auth/uji/start")).await.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(sessions_count(&app).await, 0);
}

#[tokio::test]
async fn bad_starts_are_refused_with_a_reason_and_no_session() {
    let app = test_app().await;
    for (provider, return_to, code) in [
        ("uji", "https://evil.example/", "return"),
        ("uji", "//evil.example/", "return"),
        ("nope", "/", "provider"),
        ("mati", "/", "unavailable"), // OpenID Connect discovery cannot reach the issuer
    ] {
        let response = send(&app, start(provider, return_to)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), format!("/masuk?gagal={code}"), "{provider} {return_to}");
        assert!(cookie_of(&response).is_none());
    }
    assert_eq!(sessions_count(&app).await, 0);
    let page = body_text(send(&app, get("/masuk?gagal=return")).await).await;
    assert!(page.contains("bukan halaman Sinergi"), "the page explains the refusal");
}

#[tokio::test]
async fn answers_that_do_not_match_the_started_login_are_refused_and_end_it() {
    let app = test_app().await;
    let refused = |response: &Response<Body>, code: &str| {
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(response), format!("/masuk?gagal={code}"));
        assert!(cookie_of(response).is_none(), "no session is handed out");
    };

    // No login started in this browser.
    refused(&send(&app, callback("uji", "code=x&state=y", None)).await, "no-login");

    // A wrong state ends the login; the right state afterwards finds nothing (single use).
    let started = send(&app, start("uji", "/")).await;
    let (cookie, state) =
        (cookie_of(&started).unwrap(), query_param(&location(&started), "state").unwrap());
    let wrong = send(&app, callback("uji", "code=x&state=forged", Some(&cookie))).await;
    refused(&wrong, "state");
    let cleared = wrong.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let replay = send(&app, callback("uji", &format!("code=x&state={state}"), Some(&cookie))).await;
    refused(&replay, "no-login");
    assert_eq!(sessions_count(&app).await, 0);

    // The answer arrives on another provider's path (mix-up).
    let started = send(&app, start("uji", "/")).await;
    let (cookie, state) =
        (cookie_of(&started).unwrap(), query_param(&location(&started), "state").unwrap());
    let mixed = send(&app, callback("mati", &format!("code=x&state={state}"), Some(&cookie))).await;
    refused(&mixed, "mix-up");

    // The person cancelled at the provider.
    let started = send(&app, start("uji", "/")).await;
    let (cookie, state) =
        (cookie_of(&started).unwrap(), query_param(&location(&started), "state").unwrap());
    let query = format!("error=access_denied&state={state}");
    refused(&send(&app, callback("uji", &query, Some(&cookie))).await, "cancelled");

    // Right state and a code: the exchange is tried, and the unreachable provider refused.
    let started = send(&app, start("uji", "/")).await;
    let (cookie, state) =
        (cookie_of(&started).unwrap(), query_param(&location(&started), "state").unwrap());
    let query = format!("code=abc&state={state}");
    refused(&send(&app, callback("uji", &query, Some(&cookie))).await, "unavailable");
    assert_eq!(sessions_count(&app).await, 0, "every refusal ended its login session");
}
