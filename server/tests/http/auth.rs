//! Sign-in, sessions and sign-out over HTTP: rotation, cookie flags, rate limiting.

use app::backend::services::seed;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};

use crate::support::*;

#[tokio::test]
async fn a_session_cookie_identifies_the_person_and_sign_out_ends_it() {
    use app::backend::auth::sessions::{self, SessionPolicy};
    use app::backend::entities::person;
    use leptos::server_fn::ServerFn as _;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let app = test_app().await;
    let db = &app.state.db;
    let siti = person::Entity::find()
        .filter(person::Column::Email.eq(seed::PEOPLE[4].email))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let anonymous = body_text(send(&app, get("/")).await).await;
    assert!(!anonymous.contains(&siti.full_name) && !anonymous.contains("Keluar"));

    let token = sessions::start(db, Some(siti.id), chrono::Utc::now(), SessionPolicy::default())
        .await
        .unwrap();
    let cookie = format!("sinergi_session={}", token.as_str());
    let with_cookie = |request: axum::http::request::Builder| {
        request.header(header::COOKIE, &cookie).body(Body::empty()).unwrap()
    };
    let page = body_text(send(&app, with_cookie(Request::get("/"))).await).await;
    assert!(page.contains(&siti.full_name), "the signed-in name is missing");
    assert!(page.contains("Keluar"));

    // Sign out, as the header's plain HTML form does it.
    let sign_out = Request::post(app::api::SignOut::PATH)
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, "http://127.0.0.1/")
        .header("sec-fetch-site", "same-origin");
    let response = send(&app, with_cookie(sign_out)).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(response.headers()[header::LOCATION], "/");
    let cleared = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("sinergi_session=;") && cleared.contains("Max-Age=0"), "{cleared}");
    let now = chrono::Utc::now();
    assert!(sessions::resolve(db, &token, now, SessionPolicy::default()).await.unwrap().is_none());

    // The old cookie identifies nobody any more, and the browser is told to drop it.
    let response = send(&app, with_cookie(Request::get("/"))).await;
    assert!(response.headers()[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert!(!body_text(response).await.contains(&siti.full_name));
}

/// A sign-in form post as a browser sends it.
fn sign_in_post(email: &str, password: &str, cookie: Option<&str>) -> Request<Body> {
    use leptos::server_fn::ServerFn as _;
    let body =
        format!("email={}&password={}", email.replace('@', "%40"), password.replace(' ', "+"));
    let mut request = Request::post(app::api::SignIn::PATH)
        .header(header::ACCEPT, "text/html")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::REFERER, "http://127.0.0.1/masuk")
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

fn session_cookie(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("sinergi_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(ToOwned::to_owned)
}

#[tokio::test]
async fn signing_in_sets_a_fresh_session_each_time() {
    let app = test_app().await;
    let email = seed::PEOPLE[3].email;
    assert_eq!(send(&app, get("/masuk")).await.status(), StatusCode::OK);

    let first = send(&app, sign_in_post(email, seed::DEMO_PASSWORD, None)).await;
    assert!(first.status().is_redirection(), "{}", first.status());
    assert_eq!(first.headers()[header::LOCATION], "/");
    let first_cookie = session_cookie(&first).expect("a session cookie");
    let set = first.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"));
    let home = send(
        &app,
        Request::get("/").header(header::COOKIE, &first_cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(body_text(home).await.contains(seed::PEOPLE[3].full_name));

    // Signing in again from that session rotates it: a new id, and the old one is dead.
    let second = send(&app, sign_in_post(email, seed::DEMO_PASSWORD, Some(&first_cookie))).await;
    let second_cookie = session_cookie(&second).expect("a new session cookie");
    assert_ne!(first_cookie, second_cookie);
    let stale = send(
        &app,
        Request::get("/").header(header::COOKIE, &first_cookie).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(!body_text(stale).await.contains(seed::PEOPLE[3].full_name));
}

#[tokio::test]
async fn a_wrong_password_comes_back_to_the_form_with_a_message_and_no_session() {
    let app = test_app().await;
    let response =
        send(&app, sign_in_post(seed::PEOPLE[3].email, "salah sekali kata sandinya", None)).await;
    assert!(response.status().is_redirection());
    assert!(session_cookie(&response).is_none());
    let back = response.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(back.starts_with("http://127.0.0.1/masuk?") || back.starts_with("/masuk?"), "{back}");
    let path = back.trim_start_matches("http://127.0.0.1");
    let page = send(&app, get(path)).await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body_text(page).await.contains("Email atau kata sandi salah."));
}

#[tokio::test]
async fn repeated_failures_are_answered_with_429_and_retry_after() {
    use leptos::server_fn::ServerFn as _;
    let app = test_app().await;
    let attempt = || {
        Request::post(app::api::SignIn::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(
                "email=kabid%40diskominfotik.sinergi.example&password=tebak+tebakan+saja",
            ))
            .unwrap()
    };
    for _ in 0..5 {
        assert_eq!(send(&app, attempt()).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let limited = send(&app, attempt()).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = limited.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    // Even the right password waits: the account is locked for the window.
    let right = Request::post(app::api::SignIn::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(
            "email=kabid%40diskominfotik.sinergi.example&password=demo+sinergi+lampung",
        ))
        .unwrap();
    assert_eq!(send(&app, right).await.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn signing_in_with_an_expired_session_cookie_keeps_the_new_session() {
    let app = test_app().await;
    // A cookie of the right shape whose session is gone (idle timeout, server-side logout).
    let stale = format!("sinergi_session={}", "A".repeat(43));
    let response =
        send(&app, sign_in_post(seed::PEOPLE[3].email, seed::DEMO_PASSWORD, Some(&stale))).await;
    let cookies: Vec<&str> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|v| v.starts_with("sinergi_session="))
        .collect();
    // Browsers apply the last one: it must be the new session, not a clearing one.
    let last = cookies.last().expect("a session cookie");
    assert!(!last.contains("Max-Age=0"), "{cookies:?}");
    assert_eq!(cookies.len(), 1, "{cookies:?}");
}
