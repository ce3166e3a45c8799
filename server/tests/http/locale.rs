//! Languages: `/en` pages, the switch, Accept-Language and the language cookie.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::*;

#[tokio::test]
async fn english_lives_under_en_and_is_remembered() {
    let app = test_app().await;
    let response = send(&app, get("/en/")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("sinergi_lang=en;") && cookie.contains("Path=/"), "{cookie}");
    let html = body_text(response).await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("verified universities"));
    assert!(html.contains(r#"href="/id/""#), "the switch back to Indonesian is missing");
}

#[tokio::test]
async fn browsers_preferring_english_are_sent_to_the_english_page() {
    let app = test_app().await;
    let response = send(&app, browser_get("/", "en-GB,en;q=0.9")).await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/en/");
    let response = send(&app, browser_get("/", "id-ID,id;q=0.9,en;q=0.5")).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_indonesian_switch_remembers_and_redirects() {
    let app = test_app().await;
    let response = send(&app, get("/id/?x=1")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/?x=1");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("sinergi_lang=id;"));
    // With that cookie an English-preferring browser stays on the Indonesian page.
    let request = Request::get("/")
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, "en")
        .header(header::COOKIE, "sinergi_lang=id")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, request).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_switch_cannot_redirect_to_another_site() {
    let app = test_app().await;
    // (A raw backslash is not a valid URI character: hyper rejects it before routing.)
    for evil in ["/id//evil.example", "/id///evil.example/x", "/id/%5Cevil.example"] {
        let response = send(&app, get(evil)).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert!(location.starts_with('/') && !location.starts_with("//"), "{evil} -> {location}");
        assert!(!location.starts_with("/\\"), "{evil} -> {location}");
    }
}

#[tokio::test]
async fn the_query_string_survives_the_english_prefix_and_the_switch() {
    let app = test_app().await;
    let html = body_text(send(&app, get("/en/?tahun=2026")).await).await;
    assert!(html.contains(r#"href="/id/?tahun=2026""#), "the switch lost the query: {html}");
    let response = send(&app, browser_get("/?tahun=2026", "en")).await;
    assert_eq!(response.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(response.headers()[header::LOCATION], "/en/?tahun=2026");
    assert!(response.headers()[header::VARY].to_str().unwrap().contains("Cookie"));
}
