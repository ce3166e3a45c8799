//! The public page cache: a page kept for visitors without a session is replayed with each
//! request's own nonce, is never what a signed-in person gets, and a signed-in write empties it.

use app::backend::services::offers;
use app::model::{OfferKind, OfferStatus};
use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn as _;

use crate::support::*;

const SEARCH: &str = "/katalog?q=geospasial";
const TITLE: &str = "Pemetaan Geospasial Desa";

async fn nonce_and_html(
    app: &TestApp,
    request: axum::http::Request<axum::body::Body>,
) -> (String, String) {
    let response = send(app, request).await;
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap().to_owned();
    (nonce, body_text(response).await)
}

/// Publishes a course straight through the services: a write the HTTP layer does not see.
async fn publish_behind_the_servers_back(app: &TestApp) {
    let author = actor_for(app, "dosen@unila.sinergi.example").await;
    let mut draft = draft_course();
    draft.title = TITLE.into();
    let slug = offers::create_course(&app.state.db, &author, "unila", &draft).await.unwrap();
    offers::change_status(
        &app.state.db,
        &author,
        OfferKind::Course,
        &slug,
        OfferStatus::Published,
        "",
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_kept_page_is_replayed_with_the_nonce_of_the_request_asking() {
    let app = test_app().await;
    let (first_nonce, first) = nonce_and_html(&app, get(SEARCH)).await;
    publish_behind_the_servers_back(&app).await;
    let (nonce, replayed) = nonce_and_html(&app, get(SEARCH)).await;
    assert_ne!(nonce, first_nonce, "every response has its own nonce");
    assert!(replayed.contains(&format!(r#"nonce="{nonce}""#)), "the scripts carry the new one");
    assert!(!replayed.contains(&first_nonce), "and nothing of the old one");
    // The same page, kept: the course published meanwhile is not in it yet.
    assert_eq!(replayed, first.replace(&first_nonce, &nonce));
    assert!(!replayed.contains(TITLE));
    // The English page is kept apart.
    let (_, english) = nonce_and_html(&app, get(&format!("/en{SEARCH}"))).await;
    assert!(english.contains(TITLE) && english.contains("lang=\"en\""));
}

#[tokio::test]
async fn signed_in_people_get_fresh_pages_and_their_writes_empty_the_cache() {
    let app = test_app().await;
    let anonymous = body_text(send(&app, get(SEARCH)).await).await;
    publish_behind_the_servers_back(&app).await;
    let academic = session_cookie_for(&app, "dosen@unila.sinergi.example").await;
    let (_, signed_in) = nonce_and_html(&app, cookie_get(SEARCH, &academic)).await;
    assert!(signed_in.contains(TITLE), "a signed-in request is never answered from the cache");
    assert!(!anonymous.contains(TITLE));
    assert!(signed_in.contains("Bayu Pratama"), "the header names who is signed in");
    // Nor is what a signed-in person got kept for others.
    let newest = "/katalog?q=geospasial&urut=terbaru";
    let (_, theirs) = nonce_and_html(&app, cookie_get(newest, &academic)).await;
    assert!(theirs.contains("Bayu Pratama"));
    let (_, visitor) = nonce_and_html(&app, get(newest)).await;
    assert!(!visitor.contains("Bayu Pratama"), "no signed-in header in a visitor's page");

    // Any successful write by a signed-in person (here the LAN table saved unchanged).
    let province = session_cookie_for(&app, "admin@pemprov.sinergi.example").await;
    let body = "new=false&code=seminar&name_id=Seminar%2C+konferensi%2C+sarasehan\
        &name_en=Seminar%2C+conference%2C+sarasehan&basis=per_day&national=4&international=6";
    let saved = send(
        &app,
        form_post_from("/tabel-jp", app::api::SaveLearningForm::PATH, body.into(), Some(&province)),
    )
    .await;
    assert!(saved.status().is_redirection(), "{}", saved.status());
    let (_, fresh) = nonce_and_html(&app, get(SEARCH)).await;
    assert!(fresh.contains(TITLE), "the write emptied the cache");
}
