//! Pages and probes: the home page with live counts, 404, errors, probes, HEAD.

use app::backend::services::seed;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::*;

#[tokio::test]
async fn healthz_answers_and_carries_a_request_id() {
    let app = test_app().await;
    let response = send(&app, get("/healthz")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    assert_eq!(body_text(response).await, "ok");
}

#[tokio::test]
async fn readyz_follows_the_database() {
    let app = test_app().await;
    assert_eq!(send(&app, get("/readyz")).await.status(), StatusCode::OK);
    app.state.db.clone().close().await.unwrap();
    assert_eq!(send(&app, get("/readyz")).await.status(), StatusCode::SERVICE_UNAVAILABLE);
    // Liveness does not depend on the database.
    assert_eq!(send(&app, get("/healthz")).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn home_page_shows_live_counts_in_indonesian() {
    let app = test_app().await;
    let response = send(&app, get("/")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let vary: Vec<_> = response.headers().get_all(header::VARY).iter().collect();
    assert!(vary.iter().any(|v| v.to_str().unwrap().contains("Accept-Language")), "{vary:?}");
    let html = body_text(response).await;
    assert!(html.contains(r#"<html lang="id""#), "{html}");
    assert!(html.contains("perguruan tinggi terverifikasi"));
    let universities =
        seed::ORGANISATIONS.iter().filter(|o| o.3.as_db() == "university" && o.4).count();
    let needle = format!(r#"data-count="universities"><span class="count-value">{universities}<"#);
    assert!(html.contains(&needle), "missing {needle} in {html}");
}

#[tokio::test]
async fn unknown_paths_get_the_404_page_in_the_right_language() {
    let app = test_app().await;
    let response = send(&app, get("/tidak-ada")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body_text(response).await.contains("Halaman tidak ditemukan"));
    let response = send(&app, get("/en/does-not-exist")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(body_text(response).await.contains("Page not found"));
}

#[tokio::test]
async fn a_failing_server_function_sets_the_page_status_and_a_translated_message() {
    let app = test_app().await;
    app.state.db.clone().close().await.unwrap();
    let response = send(&app, get("/")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let html = body_text(response).await;
    assert!(html.contains("Layanan sedang tidak dapat dijangkau"), "{html}");
    let response = send(&app, get("/en/")).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(body_text(response).await.contains("The service cannot be reached"));
}

#[tokio::test]
async fn head_requests_are_answered_like_get() {
    let app = test_app().await;
    let response = send(&app, Request::head("/").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(body_text(response).await.is_empty());
}
